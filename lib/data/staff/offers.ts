import "server-only";
import { workLabel } from "@/lib/catalogue/describe";
import type { CatalogueChange } from "@/lib/catalogue/catalogue-change";
import { formatPrice } from "@/lib/catalogue/prices";
import { db } from "@/lib/db/client";
import { recordActivity } from "@/lib/data/activity";
import { changeAround } from "@/lib/data/catalogue-changes";
import { offerStatusFrom } from "@/lib/data/database-values";
import { SaleRefusal } from "@/lib/data/invoices";
import { acceptOfferInTransaction, ANOTHER_OFFER_ACCEPTED, anotherOfferAccepted, queueOfferAnswer } from "@/lib/data/offers";
import { readSaleSettings } from "@/lib/data/sale-settings";
import { serverEnv } from "@/lib/env";
import { heldUntilLabel } from "@/lib/sales/holds";
import { OFFER_STATUSES, type OfferStatus } from "@/lib/sales/vocabulary";
import { requireRole, type StaffMember } from "@/lib/staff/roles";

/** Staff's side of offers: the Offers view, an enquiry's offers, and Accept, Counter, Decline (each emailed to the collector). */

export type OfferDecision = { ok: true; message: string; change: CatalogueChange | null; reference: string } | { ok: false; message: string };

export type StaffOfferView = {
  id: string;
  reference: string;
  collectorName: string;
  workLabel: string;
  workId: string;
  amount: string;
  asking: string;
  counter: string | null;
  discountPercent: number;
  status: OfferStatus;
  until: string;
  createdAt: string;
  invoiceId: string | null;
};

const INCLUDE = {
  artwork: { select: { id: true, catalogueNumber: true, title: true } },
  enquiry: { select: { reference: true, name: true } },
  invoice: { select: { id: true } },
} as const;

function view(offer: {
  id: string;
  amountMinor: number;
  askingMinor: number;
  counterMinor: number | null;
  currency: string;
  status: string;
  expiresAt: Date;
  createdAt: Date;
  artwork: { id: string; catalogueNumber: string; title: string };
  enquiry: { reference: string; name: string };
  invoice: { id: string } | null;
}): StaffOfferView {
  return {
    id: offer.id,
    reference: offer.enquiry.reference,
    collectorName: offer.enquiry.name,
    workLabel: workLabel(offer.artwork),
    workId: offer.artwork.id,
    amount: formatPrice(offer.amountMinor, offer.currency),
    asking: formatPrice(offer.askingMinor, offer.currency),
    counter: offer.counterMinor !== null ? formatPrice(offer.counterMinor, offer.currency) : null,
    discountPercent: offer.askingMinor > 0 ? Math.round(((offer.askingMinor - offer.amountMinor) / offer.askingMinor) * 100) : 0,
    status: offerStatusFrom(offer.status),
    until: heldUntilLabel(offer.expiresAt, serverEnv().GALLERY_TIME_ZONE),
    createdAt: offer.createdAt.toISOString(),
    invoiceId: offer.invoice?.id ?? null,
  };
}

/** The Offers view: newest first, of one status or all. */
export async function listOffers(staff: StaffMember, status: OfferStatus | null): Promise<{ offers: StaffOfferView[]; counts: Record<OfferStatus, number> }> {
  requireRole(staff);
  const [offers, grouped] = await Promise.all([
    db.offer.findMany({ where: status ? { status } : {}, orderBy: { createdAt: "desc" }, take: 200, include: INCLUDE }),
    db.offer.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const counts = Object.fromEntries(OFFER_STATUSES.map((name) => [name, 0])) as Record<OfferStatus, number>;
  for (const row of grouped) counts[offerStatusFrom(row.status)] = row._count._all;
  return { offers: offers.map(view), counts };
}

export async function offersOfEnquiry(staff: StaffMember, reference: string): Promise<StaffOfferView[]> {
  requireRole(staff);
  const offers = await db.offer.findMany({ where: { enquiry: { reference } }, orderBy: { createdAt: "asc" }, include: INCLUDE });
  return offers.map(view);
}

export async function acceptOffer(staff: StaffMember, offerId: string, now = new Date()): Promise<OfferDecision> {
  requireRole(staff, "staff");
  const settings = await readSaleSettings();
  try {
    const accepted = await db.$transaction(async (tx) => {
      const result = await acceptOfferInTransaction(tx, offerId, ["open", "countered"], staff, now, settings);
      await queueOfferAnswer(
        tx,
        result.offer,
        {
          kind: "accepted",
          price: formatPrice(result.priceMinor, result.offer.currency),
          heldUntil: heldUntilLabel(result.heldUntil, serverEnv().GALLERY_TIME_ZONE),
        },
        staff,
      );
      return result;
    });
    return {
      ok: true,
      message: "Offer accepted: the work is held for the buyer, they have been emailed, and a draft invoice waits below.",
      change: await changeAround(accepted.offer.artworkId),
      reference: accepted.offer.enquiry.reference,
    };
  } catch (error) {
    if (error instanceof SaleRefusal) return { ok: false, message: error.message };
    if (anotherOfferAccepted(error)) return { ok: false, message: ANOTHER_OFFER_ACCEPTED };
    throw error;
  }
}

export async function counterOffer(staff: StaffMember, input: { offerId: string; counterMinor: number; days: number }, now = new Date()): Promise<OfferDecision> {
  requireRole(staff, "staff");
  const expiresAt = new Date(now.getTime() + input.days * 86_400_000);
  const outcome = await db.$transaction(async (tx) => {
    const { count } = await tx.offer.updateMany({
      where: { id: input.offerId, status: "open" },
      data: { status: "countered", counterMinor: input.counterMinor, expiresAt, decidedById: staff.id },
    });
    if (count === 0) return null;
    const offer = await tx.offer.findUniqueOrThrow({
      where: { id: input.offerId },
      include: {
        artwork: { select: { id: true, slug: true, catalogueNumber: true, title: true, availability: true } },
        enquiry: { select: { id: true, reference: true, name: true, email: true } },
      },
    });
    if (input.counterMinor <= offer.amountMinor)
      throw new SaleRefusal(`A counter-offer is above the collector's ${formatPrice(offer.amountMinor, offer.currency)}: to take that, accept the offer.`);
    const until = heldUntilLabel(expiresAt, serverEnv().GALLERY_TIME_ZONE);
    await queueOfferAnswer(tx, offer, { kind: "countered", counter: formatPrice(input.counterMinor, offer.currency), until }, staff);
    await recordActivity(tx, {
      actor: staff,
      action: "made a counter-offer",
      subjectType: "enquiry",
      subjectId: offer.enquiry.reference,
      subjectLabel: offer.enquiry.reference,
      detail: `${workLabel(offer.artwork)}: ${formatPrice(input.counterMinor, offer.currency)}, until ${until}`,
      at: now,
    });
    return offer.enquiry.reference;
  }).catch((error: unknown) => {
    if (error instanceof SaleRefusal) return { refused: error.message };
    throw error;
  });
  if (outcome === null) return { ok: false, message: "Only an open offer can be countered (this one was answered already, or has lapsed)." };
  if (typeof outcome === "object") return { ok: false, message: outcome.refused };
  return { ok: true, message: "Counter-offer sent: the collector can accept or decline it from their offer's page.", change: null, reference: outcome };
}

export async function declineOffer(staff: StaffMember, offerId: string, now = new Date()): Promise<OfferDecision> {
  requireRole(staff, "staff");
  const reference = await db.$transaction(async (tx) => {
    const { count } = await tx.offer.updateMany({
      where: { id: offerId, status: { in: ["open", "countered"] } },
      data: { status: "declined", decidedAt: now, decidedById: staff.id },
    });
    if (count === 0) return null;
    const offer = await tx.offer.findUniqueOrThrow({
      where: { id: offerId },
      include: {
        artwork: { select: { id: true, slug: true, catalogueNumber: true, title: true, availability: true } },
        enquiry: { select: { id: true, reference: true, name: true, email: true } },
      },
    });
    await queueOfferAnswer(tx, offer, { kind: "declined" }, staff);
    await recordActivity(tx, {
      actor: staff,
      action: "declined an offer",
      subjectType: "enquiry",
      subjectId: offer.enquiry.reference,
      subjectLabel: offer.enquiry.reference,
      detail: `${workLabel(offer.artwork)}: ${formatPrice(offer.amountMinor, offer.currency)}`,
      at: now,
    });
    return offer.enquiry.reference;
  });
  if (!reference) return { ok: false, message: "This offer was answered already, or has lapsed; nothing was changed." };
  return { ok: true, message: "Offer declined; the collector has been emailed.", change: null, reference };
}

