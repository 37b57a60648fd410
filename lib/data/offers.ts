import "server-only";
import { workLabel } from "@/lib/catalogue/describe";
import type { CatalogueChange } from "@/lib/catalogue/catalogue-change";
import { formatPrice } from "@/lib/catalogue/prices";
import { db } from "@/lib/db/client";
import { recordActivity, type Actor } from "@/lib/data/activity";
import { changeAround } from "@/lib/data/catalogue-changes";
import { isUniqueViolation } from "@/lib/data/database-errors";
import { availabilityFrom, offerStatusFrom } from "@/lib/data/database-values";
import { recordHoldActivity } from "@/lib/data/holds";
import { createDraftInvoiceInTransaction, SaleRefusal } from "@/lib/data/invoices";
import { queueEmail } from "@/lib/data/outbox";
import { readSaleSettings, type SaleSettings } from "@/lib/data/sale-settings";
import { counterAnsweredNotice, offerAnswerEmail, type OfferAnswer } from "@/lib/emails/sale-emails";
import { serverEnv } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { heldUntilLabel } from "@/lib/sales/holds";
import { offerPath, readSignedIdToken } from "@/lib/sales/signed-links";
import type { OfferStatus } from "@/lib/sales/vocabulary";

/**
 * Offers after they are made (made with an enquiry: lib/data/enquiries.ts writes the row in the
 * enquiry's own transaction). Accepting (by staff, or by the collector accepting a counter) holds the
 * work for the buyer for the payment period and starts a draft invoice, in one transaction; the
 * database keeps one accepted offer per work, so two acceptances at once give one sale and a sentence
 * for the other.
 */

type Tx = Prisma.TransactionClient;

/** The offer's row, written in the enquiry's transaction (plain SQL, as the enquiry is). */
export const INSERT_OFFER_SQL = `INSERT INTO "Offer" ("id", "enquiryId", "artworkId", "amountMinor", "currency", "askingMinor", "status",
  "expiresAt", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)`;

function gallery() {
  const env = serverEnv();
  return { name: env.GALLERY_NAME, siteUrl: env.SITE_URL };
}

export function offerUrl(offerId: string): string {
  const env = serverEnv();
  return `${env.SITE_URL}${offerPath(env.FORM_SIGNING_SECRET, offerId)}`;
}

function until(date: Date): string {
  return heldUntilLabel(date, serverEnv().GALLERY_TIME_ZONE);
}

const OFFER_INCLUDE = {
  artwork: { select: { id: true, slug: true, catalogueNumber: true, title: true, availability: true } },
  enquiry: { select: { id: true, reference: true, name: true, email: true } },
} as const;

type LoadedOffer = Prisma.OfferGetPayload<{ include: typeof OFFER_INCLUDE }>;

/** Queues the collector's email about their offer, in the caller's transaction. */
export async function queueOfferAnswer(tx: Tx, offer: LoadedOffer, answer: OfferAnswer, actor: Actor): Promise<void> {
  const env = serverEnv();
  const rendered = offerAnswerEmail(
    gallery(),
    {
      workLabel: workLabel(offer.artwork),
      amount: formatPrice(offer.amountMinor, offer.currency),
      offerUrl: offerUrl(offer.id),
      reference: offer.enquiry.reference,
    },
    answer,
  );
  await queueEmail(
    {
      kind: "offer_update",
      to: offer.enquiry.email,
      from: env.MAIL_FROM,
      replyTo: env.GALLERY_EMAIL,
      ...rendered,
      enquiryId: offer.enquiry.id,
      sentById: actor?.id ?? undefined,
    },
    tx,
  );
}

async function recordOfferActivity(tx: Tx, offer: LoadedOffer, actor: Actor, action: string, detail: string, now: Date): Promise<void> {
  await recordActivity(tx, {
    actor,
    action,
    subjectType: "enquiry",
    subjectId: offer.enquiry.reference,
    subjectLabel: offer.enquiry.reference,
    detail: `${workLabel(offer.artwork)}: ${detail}`,
    at: now,
  });
}

/**
 * Accepts an open or countered offer at its price (the counter's, once countered): the work is held for
 * the buyer until the payment period ends, and a draft invoice waits for staff to add the address and
 * issue it. Throws SaleRefusal with a sentence when it cannot be.
 */
export async function acceptOfferInTransaction(
  tx: Tx,
  offerId: string,
  from: OfferStatus[],
  actor: Actor,
  now: Date,
  settings: SaleSettings,
): Promise<{ offer: LoadedOffer; priceMinor: number; heldUntil: Date }> {
  // Written first: the unique index on accepted offers decides between two acceptances at once.
  const { count } = await tx.offer.updateMany({
    where: { id: offerId, status: { in: from }, expiresAt: { gt: now } },
    data: { status: "accepted", decidedAt: now, decidedById: actor?.id ?? null },
  });
  const offer = await tx.offer.findUniqueOrThrow({ where: { id: offerId }, include: OFFER_INCLUDE });
  if (count === 0) {
    const status = offerStatusFrom(offer.status);
    if ((status === "open" || status === "countered") && offer.expiresAt.getTime() <= now.getTime())
      throw new SaleRefusal("This offer has lapsed: its time ran out. Make or ask for a new one.");
    throw new SaleRefusal(`This offer was ${status} already; nothing was changed.`);
  }
  const availability = availabilityFrom(offer.artwork.availability);
  if (availability === "sold" || availability === "private_collection")
    throw new SaleRefusal(`${workLabel(offer.artwork)} is ${availability === "sold" ? "sold" : "in a private collection"}: the offer cannot be accepted.`);
  const priceMinor = offer.counterMinor ?? offer.amountMinor;
  const heldUntil = new Date(now.getTime() + settings.paymentDays * 86_400_000);
  const buyerEmail = offer.enquiry.email.toLowerCase();
  const open = await tx.workHold.findFirst({ where: { artworkId: offer.artworkId, endedAt: null } });
  if (open && open.collectorEmail !== buyerEmail)
    throw new SaleRefusal(
      `${workLabel(offer.artwork)} is held for ${open.collectorName} until ${until(open.heldUntil)}: release that hold before accepting this offer.`,
    );
  if (open) await tx.workHold.update({ where: { id: open.id }, data: { heldUntil } });
  else
    await tx.workHold.create({
      data: {
        artworkId: offer.artworkId,
        collectorName: offer.enquiry.name,
        collectorEmail: buyerEmail,
        enquiryId: offer.enquiry.id,
        heldUntil,
        placedById: actor?.id ?? null,
      },
    });
  await tx.artwork.update({ where: { id: offer.artworkId }, data: { availability: "reserved" } });
  await recordHoldActivity(tx, {
    actor,
    action: open ? "changed the hold's end" : "placed a hold",
    artworkId: offer.artworkId,
    enquiryId: offer.enquiry.id,
    detail: `until ${until(heldUntil)}, for the accepted offer of enquiry ${offer.enquiry.reference}`,
    at: now,
  });
  await createDraftInvoiceInTransaction(tx, {
    buyerName: offer.enquiry.name,
    buyerEmail,
    currency: offer.currency,
    enquiryId: offer.enquiry.id,
    offerId: offer.id,
    lines: [{ kind: "work", artworkId: offer.artworkId, amountMinor: priceMinor }],
    createdBy: actor,
    settings,
  });
  await recordOfferActivity(tx, offer, actor, "accepted an offer", `${formatPrice(priceMinor, offer.currency)}; a draft invoice waits to be issued`, now);
  return { offer, priceMinor, heldUntil };
}

/** Two acceptances of two offers on one work at once: the second meets the unique index. */
export function anotherOfferAccepted(error: unknown): boolean {
  return isUniqueViolation(error) && !(error instanceof Error && /InvoiceLine/.test(error.message));
}

export const ANOTHER_OFFER_ACCEPTED = "Another offer on this work was accepted a moment ago: this one was not. Nothing was changed.";

export type CollectorOfferView = {
  workLabel: string;
  workSlug: string;
  amount: string;
  asking: string;
  status: OfferStatus;
  counter: string | null;
  until: string;
  lapsed: boolean;
  reference: string;
};

async function offerFromToken(token: string): Promise<LoadedOffer | null> {
  const offerId = readSignedIdToken(serverEnv().FORM_SIGNING_SECRET, "offer", token);
  return offerId ? db.offer.findUnique({ where: { id: offerId }, include: OFFER_INCLUDE }) : null;
}

/** The collector's view of their offer, from its link; null for a link that is not one of ours (or an erased offer). */
export async function readOfferForCollector(token: string, now = new Date()): Promise<CollectorOfferView | null> {
  const offer = await offerFromToken(token);
  if (!offer) return null;
  const status = offerStatusFrom(offer.status);
  return {
    workLabel: workLabel(offer.artwork),
    workSlug: offer.artwork.slug,
    amount: formatPrice(offer.amountMinor, offer.currency),
    asking: formatPrice(offer.askingMinor, offer.currency),
    status,
    counter: offer.counterMinor !== null ? formatPrice(offer.counterMinor, offer.currency) : null,
    until: until(offer.expiresAt),
    lapsed: (status === "open" || status === "countered") && offer.expiresAt.getTime() <= now.getTime(),
    reference: offer.enquiry.reference,
  };
}

export type CounterAnswer = { ok: true; accepted: boolean; change: CatalogueChange | null; outboxIds: string[] } | { ok: false; message: string };

/** The collector accepts or declines a counter-offer from the offer's page. */
export async function answerCounterOffer(token: string, accept: boolean, now = new Date()): Promise<CounterAnswer> {
  const offer = await offerFromToken(token);
  if (!offer) return { ok: false, message: "This link is not one of ours, or the offer was erased." };
  const settings = await readSaleSettings();
  const env = serverEnv();
  try {
    const outboxIds = await db.$transaction(async (tx) => {
      let answered: LoadedOffer;
      if (accept) {
        const accepted = await acceptOfferInTransaction(tx, offer.id, ["countered"], null, now, settings);
        answered = accepted.offer;
        await queueOfferAnswer(
          tx,
          answered,
          { kind: "accepted", price: formatPrice(accepted.priceMinor, offer.currency), heldUntil: until(accepted.heldUntil) },
          null,
        );
      } else {
        const { count } = await tx.offer.updateMany({ where: { id: offer.id, status: "countered" }, data: { status: "declined", decidedAt: now } });
        if (count === 0) throw new SaleRefusal(`This offer is ${offerStatusFrom(offer.status)}: there is no counter-offer to answer.`);
        answered = offer;
        await recordOfferActivity(tx, offer, { id: null, name: "The collector" }, "declined the counter-offer", formatPrice(offer.counterMinor ?? 0, offer.currency), now);
      }
      const notice = counterAnsweredNotice(gallery(), {
        reference: offer.enquiry.reference,
        workLabel: workLabel(offer.artwork),
        counter: formatPrice(offer.counterMinor ?? offer.amountMinor, offer.currency),
        accepted: accept,
        staffUrl: `${env.SITE_URL}/staff/enquiries/${offer.enquiry.reference}`,
      });
      const id = await queueEmail(
        { kind: "offer_answered", to: env.GALLERY_EMAIL, from: env.MAIL_FROM, replyTo: answered.enquiry.email, ...notice, enquiryId: offer.enquiry.id },
        tx,
      );
      // An answered enquiry waits for the gallery again.
      await tx.enquiry.updateMany({ where: { id: offer.enquiry.id, status: { in: ["replied", "closed"] } }, data: { status: "in_progress" } });
      return [id];
    });
    return { ok: true, accepted: accept, change: accept ? await changeAround(offer.artworkId) : null, outboxIds };
  } catch (error) {
    if (error instanceof SaleRefusal) return { ok: false, message: error.message };
    if (anotherOfferAccepted(error)) return { ok: false, message: "The gallery has accepted another offer on this work meanwhile; yours could not be." };
    throw error;
  }
}

/** Offers and counters whose time has run out lapse, and their collectors are told; how many. */
export async function lapseExpiredOffers(now: Date): Promise<number> {
  const due = await db.offer.findMany({ where: { status: { in: ["open", "countered"] }, expiresAt: { lte: now } }, include: OFFER_INCLUDE, take: 500 });
  let lapsed = 0;
  for (const offer of due) {
    const done = await db.$transaction(async (tx) => {
      const { count } = await tx.offer.updateMany({
        where: { id: offer.id, status: { in: ["open", "countered"] }, expiresAt: { lte: now } },
        data: { status: "expired", decidedAt: now },
      });
      if (count === 0) return false;
      await queueOfferAnswer(tx, offer, { kind: "lapsed" }, null);
      await recordOfferActivity(tx, offer, null, "offer lapsed", formatPrice(offer.counterMinor ?? offer.amountMinor, offer.currency), now);
      return true;
    });
    if (done) lapsed += 1;
  }
  return lapsed;
}
