import "server-only";
import { createHash, randomInt, randomUUID } from "node:crypto";
import { z } from "zod";
import { mediumLine, priceText, availabilityLabel, artistWithDates } from "@/lib/catalogue/describe";
import { formatBothUnits } from "@/lib/catalogue/sizes";
import { DIMENSION_KIND_LABELS } from "@/lib/catalogue/vocabulary";
import { workLabel } from "@/lib/catalogue/describe";
import {
  readArtwork,
  readAvailableAlternatives,
  readListedArtworks,
  type ArtworkDetail,
  type ArtworkSummary,
  type ListedArtwork,
} from "@/lib/data/catalogue";
import { storeEnquiryWithEmails, type NewEnquiry } from "@/lib/data/enquiries";
import { readSaleSettings } from "@/lib/data/sale-settings";
import { formatPrice } from "@/lib/catalogue/prices";
import { heldUntilLabel } from "@/lib/sales/holds";
import { amountFromInput, offerAmountProblem } from "@/lib/sales/offers";
import { offerPath } from "@/lib/sales/signed-links";
import { isForeignKeyViolation } from "@/lib/data/database-errors";
import type { ComposeEmails } from "@/lib/emails/outgoing-email";
import { readReplySchedule } from "@/lib/data/gallery-settings";
import { replyByFor } from "@/lib/enquiries/reply-by";
import { serverEnv } from "@/lib/env";
import { clientTag } from "@/lib/http/request-info";
import { logger } from "@/lib/logger";
import { type AcknowledgedWork, type SuggestedWork } from "@/lib/emails/templates";
import {
  EMPTY_ENQUIRY_VALUES,
  FORM_TOKEN_FIELD,
  HONEYPOT_FIELD,
  enquiryFormValues,
  enquiryInputFromFormData,
  enquirySchema,
  type EnquiryFormState,
} from "@/lib/validations/enquiry";
import { ENQUIRY_RETENTION_DAYS } from "@/lib/data/enquiry-retention";
import { ViewingUnavailable } from "@/lib/data/viewing-bookings";
import { readBookableSlot } from "@/lib/data/viewing-bookings";
import { viewingTimeLabel } from "@/lib/time/gallery-time";
import {
  enquiryEmails,
  flagReasonsFor,
  viewingConfirmationKey,
  type EnquiryMailSettings,
  type EnquiryToSend,
} from "@/lib/emails/enquiry-emails";
import { followPath, issueLinkToken } from "@/lib/enquiries/link-token";
import { readFormToken } from "@/lib/enquiries/form-token";
import { emailLimitKey, enquiryLimits } from "@/lib/enquiries/rate-limits";
import type { ArtworkSnapshot } from "@/lib/enquiries/snapshot";

export type SubmissionContext = {
  clientIp: string | null;
  now?: Date;
  /** How the work is looked up: the server action passes the cached catalogue read; tests read the database. */
  findArtwork?: (slug: string) => Promise<ArtworkDetail | null>;
  /** The works a private viewing room's guest ticked, read through their link (published or not): these, not the form's. */
  roomWorks?: ArtworkDetail[];
};
export type SubmissionResult = { state: EnquiryFormState; outboxIds: string[] };

function snapshotOf(work: ArtworkDetail): ArtworkSnapshot {
  return {
    slug: work.slug,
    catalogueNumber: work.catalogueNumber,
    title: work.title,
    medium: mediumLine(work),
    sizes: work.dimensions.map((dimension) => `${DIMENSION_KIND_LABELS[dimension.kind]}: ${formatBothUnits(dimension)}`),
    availability: availabilityLabel(work.availability),
    price: priceText(work),
    section: work.section.title,
    exhibition: work.exhibition.title,
    artist: artistWithDates(work.artist),
  };
}

function suggestionOf(work: ArtworkSummary): SuggestedWork {
  const size = work.dimensions.find((dimension) => dimension.kind === "image") ?? work.dimensions[0];
  return {
    slug: work.slug,
    catalogueNumber: work.catalogueNumber,
    title: work.title,
    medium: mediumLine(work),
    size: size ? formatBothUnits(size) : null,
    price: priceText(work),
  };
}

function hash(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 40);
}

function sentState(reference: string, acknowledged: boolean): EnquiryFormState {
  return {
    status: "sent",
    message: `Thank you: your enquiry has reached the gallery. Your reference is ${reference}.`,
    fieldErrors: {},
    values: EMPTY_ENQUIRY_VALUES,
    reference,
    acknowledged,
  };
}

/** What a bot is shown: the same success a person sees, with a reference that matches nothing. */
function decoyState(now: Date): EnquiryFormState {
  return sentState(`ENQ-${now.getUTCFullYear()}-${String(randomInt(100_000, 999_999)).padStart(6, "0")}`, true);
}

/** What the collector is told when storing failed on our side: nothing is kept, everything typed comes back. */
export function notStoredState(formData: FormData): EnquiryFormState {
  return {
    status: "refused",
    message: `Sorry, something went wrong on our side and your enquiry was not stored. Please try again in a moment, or write to ${serverEnv().GALLERY_EMAIL}.`,
    fieldErrors: {},
    values: enquiryFormValues(enquiryInputFromFormData(formData)),
  };
}

/** A work on the collector's list that the catalogue no longer shows: nothing is sent until it is taken off. */
function listHasWorksNoLongerShown(raw: Record<string, unknown>, missing: Exclude<ListedArtwork, { state: "shown" }>[]): EnquiryFormState {
  const named = missing.flatMap((entry) => (entry.state === "hidden" ? [`“${workLabel(entry.label)}”`] : []));
  const unnamed = missing.length - named.length;
  const what = [...named, ...(unnamed > 0 ? [`${unnamed} work${unnamed === 1 ? "" : "s"} since removed`] : [])].join(", ");
  return {
    status: "invalid",
    message: `Your enquiry list includes ${what}, no longer in the catalogue. Please take ${missing.length === 1 ? "it" : "them"} off your list, then send again: nothing has been sent yet.`,
    fieldErrors: {},
    values: enquiryFormValues(raw),
  };
}

/** The viewing time chosen is full or no longer offered: nothing is stored, and everything typed comes back. */
function viewingTimeTaken(raw: Record<string, unknown>, reason: "full" | "gone"): EnquiryFormState {
  const why =
    reason === "full"
      ? "That viewing time has just been fully booked. Please choose another time, or send without one and the gallery will suggest one."
      : "That viewing time is no longer offered. Please choose another time, or send without one and the gallery will suggest one.";
  return {
    status: "invalid",
    message: "Please choose another viewing time; nothing has been sent yet.",
    fieldErrors: { viewingSlot: [why] },
    values: { ...enquiryFormValues(raw), viewingSlot: "" },
  };
}

function offerRefused(raw: Record<string, unknown>, message: string): EnquiryFormState {
  return {
    status: "invalid",
    message: "Your offer has not been sent: please look at the amount.",
    fieldErrors: { offerAmount: [message] },
    values: enquiryFormValues(raw),
  };
}

function workNoLongerListed(raw: Record<string, unknown>): EnquiryFormState {
  return {
    status: "invalid",
    message: "That work is no longer listed. Please send your question from the general enquiry page.",
    fieldErrors: {},
    values: enquiryFormValues(raw),
  };
}

export async function submitEnquiry(formData: FormData, context: SubmissionContext): Promise<SubmissionResult> {
  const env = serverEnv();
  const now = context.now ?? new Date();
  const raw = enquiryInputFromFormData(formData);

  const honeypot = formData.get(HONEYPOT_FIELD);
  const token = readFormToken(formData.get(FORM_TOKEN_FIELD)?.toString(), env.FORM_SIGNING_SECRET);
  if ((typeof honeypot === "string" && honeypot.trim() !== "") || !token.valid) {
    logger.info({ honeypot: Boolean(honeypot), tokenValid: token.valid }, "Enquiry dropped by the bot checks");
    return { state: decoyState(now), outboxIds: [] };
  }

  const parsed = enquirySchema.safeParse(raw);
  if (!parsed.success) {
    return {
      state: {
        status: "invalid",
        message: "Please correct the fields marked below; nothing has been sent yet.",
        fieldErrors: z.flattenError(parsed.error).fieldErrors,
        values: enquiryFormValues(raw),
      },
      outboxIds: [],
    };
  }
  const input = parsed.data;

  // The works it names: those of the collector's list (read afresh: a sale or a removal counts at
  // once), or the one work whose page it was sent from.
  let works: ArtworkDetail[] = [];
  if (context.roomWorks) {
    works = context.roomWorks;
  } else if (input.listedWorks.length > 0) {
    const listed = await readListedArtworks(input.listedWorks);
    const missing = listed.filter((entry): entry is Exclude<ListedArtwork, { state: "shown" }> => entry.state !== "shown");
    if (missing.length > 0) return { state: listHasWorksNoLongerShown(raw, missing), outboxIds: [] };
    works = listed.flatMap((entry) => (entry.state === "shown" ? [entry.work] : []));
  } else if (input.artworkSlug) {
    const artwork = await (context.findArtwork ?? readArtwork)(input.artworkSlug);
    if (!artwork) return { state: workNoLongerListed(raw), outboxIds: [] };
    works = [artwork];
  }

  // An offer: on one priced, available work, in its currency, not below the gallery's floor; said
  // beside the amount before anything is sent.
  let offer: NewEnquiry["offer"];
  let offerFacts: EnquiryToSend["offer"];
  if (input.offerAmount !== undefined) {
    const [work] = works;
    const refuse = (message: string) => ({ state: offerRefused(raw, message), outboxIds: [] });
    if (works.length !== 1 || !work) return refuse("An offer is made on one work, from its own page.");
    if (work.priceMinor === null || !work.currency)
      return refuse("This work has no published price: send an enquiry to ask about it instead.");
    if (work.availability !== "available") return refuse("This work is not available just now, so it cannot take an offer.");
    const amountMinor = amountFromInput(input.offerAmount);
    if (amountMinor === null) return refuse("Please give the amount as a number, such as 3200.");
    const settings = await readSaleSettings();
    const problem = offerAmountProblem(
      { amountMinor, currency: input.offerCurrency ?? work.currency },
      { askingMinor: work.priceMinor, currency: work.currency },
      settings.offerFloorPercent,
    );
    if (problem) return refuse(problem);
    const expiresAt = new Date(now.getTime() + settings.offerDays * 86_400_000);
    offer = { id: randomUUID(), artworkId: work.id, amountMinor, currency: work.currency, askingMinor: work.priceMinor, expiresAt };
    offerFacts = {
      workLabel: workLabel(work),
      amount: formatPrice(amountMinor, work.currency),
      asking: formatPrice(work.priceMinor, work.currency),
      until: heldUntilLabel(expiresAt, env.GALLERY_TIME_ZONE),
      offerUrl: `${env.SITE_URL}${offerPath(env.FORM_SIGNING_SECRET, offer.id)}`,
    };
  }

  // A viewing time: checked here for a helpful answer; the database refuses a full one whatever happens meanwhile.
  let viewing: { bookingId: string; slotId: string; cancelToken: string; cancelTokenHash: string; startsAt: Date; endsAt: Date } | null =
    null;
  if (input.viewingSlot) {
    const slot = await readBookableSlot(input.viewingSlot, now);
    if (!slot || slot.full) return { state: viewingTimeTaken(raw, slot ? "full" : "gone"), outboxIds: [] };
    const link = issueLinkToken();
    viewing = {
      bookingId: randomUUID(),
      slotId: slot.id,
      cancelToken: link.token,
      cancelTokenHash: link.hash,
      startsAt: new Date(slot.startsAt),
      endsAt: new Date(slot.endsAt),
    };
  }
  const viewingWhen = viewing ? viewingTimeLabel(viewing.startsAt, viewing.endsAt, env.GALLERY_TIME_ZONE) : null;

  const clientKey = context.clientIp ? hash(env.FORM_SIGNING_SECRET, context.clientIp) : null;
  const secondsToFill = (now.getTime() - token.issuedAt) / 1000;
  let snapshots = works.map(snapshotOf);
  // Only an enquiry about a work that is not for sale pays for finding others close to it.
  const alternatives = await readAvailableAlternatives(
    works.filter((work) => work.availability !== "available"),
    works.map((work) => work.id),
  );
  const acknowledged = (): AcknowledgedWork[] =>
    works.map((work, index) => ({
      work: snapshots[index]!,
      availability: work.availability,
      alternatives: (alternatives.get(work.id) ?? []).map(suggestionOf),
    }));
  // Sent only in the acknowledgement: whoever reads that mailbox can follow the enquiry.
  const follow = issueLinkToken();
  const followLink = {
    url: `${env.SITE_URL}${followPath(follow.token)}`,
    expiresAt: new Date(now.getTime() + ENQUIRY_RETENTION_DAYS * 86_400_000),
  };
  const replyBy = replyByFor(now, await readReplySchedule());
  const mailSettings: EnquiryMailSettings = {
    galleryName: env.GALLERY_NAME,
    galleryEmail: env.GALLERY_EMAIL,
    galleryAddress: env.GALLERY_ADDRESS,
    mailFrom: env.MAIL_FROM,
    siteUrl: env.SITE_URL,
    minimumFillSeconds: env.ENQUIRY_MIN_FILL_SECONDS,
    floodPerMinute: env.ENQUIRY_FLOOD_PER_MINUTE,
  };
  const toSend = (): EnquiryToSend => ({
    input,
    works: snapshots,
    acknowledged,
    viewing: viewing && viewingWhen ? { ...viewing, when: viewingWhen } : null,
    follow: followLink,
    offer: offerFacts,
    secondsToFill,
    tokenKind: token.kind,
    day: now.toISOString().slice(0, 10),
  });
  // Decided inside the store's transaction, from its counts (how busy the connection, the token, the site are).
  const compose: ComposeEmails = (counts) => {
    const enquiry = toSend();
    const flagReasons = flagReasonsFor(enquiry, counts, mailSettings);
    return { flagReasons, emails: enquiryEmails(enquiry, flagReasons, mailSettings) };
  };

  const store = () =>
    storeEnquiryWithEmails(
      {
        submissionKey: hash(
          token.nonce,
          input.email.toLowerCase(),
          input.message,
          input.artworkSlug ?? "",
          input.listedWorks.join(","),
          input.questions.join(","),
          input.viewingSlot ?? "",
          input.offerAmount ?? "",
        ),
        artworkId: works[0]?.id ?? null,
        artworkSnapshot: snapshots[0] ?? null,
        works: works.map((work, index) => ({ artworkId: work.id, snapshot: snapshots[index]! })),
        name: input.name,
        email: input.email,
        phone: input.phone ?? null,
        message: input.message,
        questions: input.questions,
        shippingCountry: input.questions.includes("shipping") ? (input.shippingCountry ?? null) : null,
        clientIpHash: clientKey,
        follow: { tokenHash: follow.hash, expiresAt: followLink.expiresAt },
        viewing: viewing
          ? {
              bookingId: viewing.bookingId,
              slotId: viewing.slotId,
              cancelTokenHash: viewing.cancelTokenHash,
              confirmationKey: viewingConfirmationKey(input.email, now.toISOString().slice(0, 10)),
            }
          : undefined,
        replyBy,
        offer,
        now,
      },
      compose,
      enquiryLimits(clientKey, emailLimitKey(env.FORM_SIGNING_SECRET, input.email), token.nonce),
    );
  let stored: Awaited<ReturnType<typeof store>>;
  try {
    stored = await store();
  } catch (error) {
    // Taken by someone else since the check above: the whole enquiry was rolled back, so nothing is lost but the time.
    if (error instanceof ViewingUnavailable) return { state: viewingTimeTaken(raw, error.reason), outboxIds: [] };
    // A cached work whose row is gone (a restored or re-seeded database): read it afresh, once.
    // (A list's works are never cached.)
    const [cached] = works;
    if (input.listedWorks.length > 0 || !cached || !context.findArtwork || !isForeignKeyViolation(error)) throw error;
    const fresh = await readArtwork(cached.slug);
    if (!fresh) return { state: workNoLongerListed(raw), outboxIds: [] };
    works = [fresh];
    snapshots = works.map(snapshotOf);
    try {
      stored = await store();
    } catch (retryError) {
      if (retryError instanceof ViewingUnavailable) return { state: viewingTimeTaken(raw, retryError.reason), outboxIds: [] };
      throw retryError;
    }
  }

  if (stored.refused) {
    const minutes = Math.max(1, Math.ceil(stored.retryAfterSeconds / 60));
    // For whoever watches the log: the client tagged as the sign-in lines tag it (a keyed hash), never its address.
    logger.warn(
      { security: "enquiry refused by a limit", client: context.clientIp ? clientTag(context.clientIp) : null, retryAfterMinutes: minutes },
      "enquiry refused by a limit",
    );
    return {
      state: {
        status: "refused",
        message: `We have received several enquiries from you in a short time, so this one was not sent. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}, or write to ${env.GALLERY_EMAIL}.`,
        fieldErrors: {},
        values: enquiryFormValues(raw),
      },
      outboxIds: [],
    };
  }
  logger.info({ reference: stored.reference, duplicate: stored.duplicate }, "Enquiry stored");
  return { state: sentState(stored.reference, stored.acknowledged), outboxIds: stored.outboxIds };
}
