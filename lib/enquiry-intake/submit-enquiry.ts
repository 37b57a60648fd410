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
import { isForeignKeyViolation, storeEnquiryWithEmails } from "@/lib/data/enquiries";
import type { ComposeEmails, OutgoingEmail } from "@/lib/email-templates/outgoing-email";
import { readReplySchedule } from "@/lib/data/gallery-settings";
import { replyByFor } from "@/lib/enquiries/reply-by";
import { serverEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import {
  collectorAcknowledgement,
  galleryNotification,
  viewingConfirmation,
  type AcknowledgedWork,
  type SuggestedWork,
} from "@/lib/email-templates/templates";
import {
  EMPTY_ENQUIRY_VALUES,
  FORM_TOKEN_FIELD,
  HONEYPOT_FIELD,
  enquiryFormValues,
  enquiryInputFromFormData,
  enquirySchema,
  type EnquiryFormState,
  type EnquiryInput,
} from "@/lib/validations/enquiry";
import { ENQUIRY_RETENTION_DAYS } from "@/lib/data/enquiry-retention";
import { ViewingUnavailable } from "@/lib/data/viewing-bookings";
import { readBookableSlot } from "@/lib/data/viewing-bookings";
import { viewingInvitation } from "@/lib/viewings/calendar";
import { viewingTimeLabel } from "@/lib/time/gallery-time";
import { cancelViewingPath, followPath, issueLinkToken } from "@/lib/enquiries/link-token";
import { readFormToken } from "@/lib/enquiries/form-token";
import {
  emailLimitKey,
  enquiryLimits,
  FLAG_AFTER_PER_CONNECTION,
  FLOOD_REASON_START,
  FORM_TOKEN_MAX_AGE_HOURS,
  mailboxOf,
} from "@/lib/enquiries/rate-limits";
import type { ArtworkSnapshot } from "@/lib/enquiries/snapshot";

export type SubmissionContext = {
  clientIp: string | null;
  now?: Date;
  /** How the work is looked up: the server action passes the cached catalogue read; tests read the database. */
  findArtwork?: (slug: string) => Promise<ArtworkDetail | null>;
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

function describeAge(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  return hours < 48 ? `${hours} hours` : `${Math.floor(hours / 24)} days`;
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

/**
 * Why an enquiry looks automated. Such enquiries are kept, marked as spam for staff to release,
 * and never acknowledged — not dropped: a person on a slow connection can look fast too.
 */
function flagReasonsFor(input: EnquiryInput, connectionCount: number, secondsToFill: number, minimumSeconds: number): string[] {
  const reasons: string[] = [];
  if (secondsToFill < minimumSeconds) reasons.push(`sent ${secondsToFill.toFixed(1)} s after the form was shown`);
  const links = input.message.match(/https?:\/\/|www\./gi)?.length ?? 0;
  if (links >= 3) reasons.push(`the message contains ${links} links`);
  if (connectionCount > FLAG_AFTER_PER_CONNECTION) reasons.push(`${connectionCount} enquiries from one connection within an hour`);
  if (/<a\s+href=|\[url=/i.test(input.message)) reasons.push("the message contains link markup");
  return reasons;
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
  if (input.listedWorks.length > 0) {
    const listed = await readListedArtworks(input.listedWorks);
    const missing = listed.filter((entry): entry is Exclude<ListedArtwork, { state: "shown" }> => entry.state !== "shown");
    if (missing.length > 0) return { state: listHasWorksNoLongerShown(raw, missing), outboxIds: [] };
    works = listed.flatMap((entry) => (entry.state === "shown" ? [entry.work] : []));
  } else if (input.artworkSlug) {
    const artwork = await (context.findArtwork ?? readArtwork)(input.artworkSlug);
    if (!artwork) return { state: workNoLongerListed(raw), outboxIds: [] };
    works = [artwork];
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
  const gallery = { name: env.GALLERY_NAME, siteUrl: env.SITE_URL };
  // Sent only in the acknowledgement: whoever reads that mailbox can follow the enquiry.
  const follow = issueLinkToken();
  const followLink = {
    url: `${env.SITE_URL}${followPath(follow.token)}`,
    expiresAt: new Date(now.getTime() + ENQUIRY_RETENTION_DAYS * 86_400_000),
  };
  const day = now.toISOString().slice(0, 10);
  const replyBy = replyByFor(now, await readReplySchedule());
  const compose: ComposeEmails = ({ connectionCount, formTokenUses, siteCountThisMinute }) => {
    const flagReasons = flagReasonsFor(input, connectionCount, secondsToFill, env.ENQUIRY_MIN_FILL_SECONDS);
    // Never dropped: a person may send from a page left open for days, or one built long ago (without JavaScript).
    if (secondsToFill > FORM_TOKEN_MAX_AGE_HOURS * 3600) {
      flagReasons.push(
        `the form was sent ${describeAge(secondsToFill)} after the page was made (an old copy of the page, or a copied form)`,
      );
    }
    // One use of a token passes; every further one is kept for staff to judge. A work page's built-in
    // token is shared by its visitors without JavaScript until the page is made again (hourly), so a
    // second use may be a second person: the reason says so, and staff release it from the spam view.
    if (formTokenUses > 1) {
      flagReasons.push(
        token.kind === "page"
          ? `the same copy of this work's page was used to send ${formTokenUses} enquiries with different details (another visitor without JavaScript within the hour, or a replayed form)`
          : `the same copy of the form was sent ${formTokenUses} times with different details`,
      );
    }
    if (siteCountThisMinute > env.ENQUIRY_FLOOD_PER_MINUTE) {
      flagReasons.push(
        `${FLOOD_REASON_START} ${env.ENQUIRY_FLOOD_PER_MINUTE} enquiries a minute (number ${siteCountThisMinute} this minute)`,
      );
    }
    const emails: OutgoingEmail[] = [
      {
        kind: "gallery_notification",
        to: env.GALLERY_EMAIL,
        from: env.MAIL_FROM,
        replyTo: input.email,
        render: (reference) =>
          galleryNotification(gallery, {
            reference,
            name: input.name,
            email: input.email,
            phone: input.phone ?? null,
            message: input.message,
            questions: input.questions,
            shippingCountry: input.shippingCountry ?? null,
            works: snapshots,
            viewing: viewingWhen,
            flagReasons,
          }),
      },
    ];
    // A flagged enquiry gets no acknowledgement: the address may not belong to whoever typed it.
    if (flagReasons.length === 0) {
      emails.push({
        kind: "collector_acknowledgement",
        to: input.email,
        from: env.MAIL_FROM,
        replyTo: env.GALLERY_EMAIL,
        dedupeKey: `ack:${mailboxOf(input.email)}:${day}`,
        render: (reference) => collectorAcknowledgement(gallery, { reference, works: acknowledged(), follow: followLink }),
      });
    }
    // The viewing's confirmation, with its calendar invitation and cancel link: like the
    // acknowledgement, never to an address a flagged enquiry may not own.
    if (viewing && viewingWhen && flagReasons.length === 0) {
      const booked = viewing;
      const cancelUrl = `${env.SITE_URL}${cancelViewingPath(booked.cancelToken)}`;
      const summary = `Viewing at ${env.GALLERY_NAME}`;
      emails.push({
        kind: "viewing_confirmation",
        to: input.email,
        from: env.MAIL_FROM,
        replyTo: env.GALLERY_EMAIL,
        dedupeKey: `viewing:${booked.bookingId}`,
        calendar: viewingInvitation({
          bookingId: booked.bookingId,
          startsAt: booked.startsAt,
          endsAt: booked.endsAt,
          galleryName: env.GALLERY_NAME,
          galleryEmail: env.GALLERY_EMAIL,
          galleryAddress: env.GALLERY_ADDRESS,
          collectorEmail: input.email,
          summary,
          description: [
            snapshots.length > 0 ? `To see: ${snapshots.map((work) => workLabel(work)).join("; ")}.` : null,
            `To cancel: ${cancelUrl}`,
          ]
            .filter(Boolean)
            .join("\n"),
          cancelUrl,
          siteHost: new URL(env.SITE_URL).host,
        }),
        render: (reference) =>
          viewingConfirmation(gallery, { reference, when: viewingWhen, address: env.GALLERY_ADDRESS, works: snapshots, cancelUrl }),
      });
    }
    return { flagReasons, emails };
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
        viewing: viewing ? { bookingId: viewing.bookingId, slotId: viewing.slotId, cancelTokenHash: viewing.cancelTokenHash } : undefined,
        replyBy,
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
