import "server-only";
import { workLabel } from "@/lib/catalogue/describe";
import type { CatalogueChange } from "@/lib/catalogue/catalogue-change";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/data/activity";
import { changeAround } from "@/lib/data/catalogue-changes";
import { isUniqueViolation } from "@/lib/data/database-errors";
import { availabilityFrom, holdRequestStatusFrom } from "@/lib/data/database-values";
import { recordHoldActivity } from "@/lib/data/holds";
import { queueEmail } from "@/lib/data/outbox";
import { readSaleSettings } from "@/lib/data/sale-settings";
import { reserveAnswerEmail, reserveConfirmationEmail, reserveRequestNotice } from "@/lib/emails/sale-emails";
import { hashLinkToken, issueLinkToken } from "@/lib/enquiries/link-token";
import { mailboxOf } from "@/lib/enquiries/rate-limits";
import { serverEnv } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { heldUntilLabel } from "@/lib/sales/holds";

/**
 * "Reserve for 48 hours": a collector's own hold, asked for on a priced, available work. It counts once
 * confirmed from the emailed link; then it is granted at once where the owner allows that up to a
 * price, or waits for staff (who grant or decline it on the work's page). One request open per mailbox
 * (a partial unique index); the per-connection and per-mailbox allowances are the enquiry's.
 */

type Tx = Prisma.TransactionClient;

const CONFIRM_WITHIN_MS = 24 * 3_600_000;
const COLLECTOR: Actor = { id: null, name: "The collector (their own request)" };

function gallery() {
  const env = serverEnv();
  return { name: env.GALLERY_NAME, siteUrl: env.SITE_URL };
}

function until(date: Date): string {
  return heldUntilLabel(date, serverEnv().GALLERY_TIME_ZONE);
}

export type ReserveAsked =
  | { outcome: "confirmation_sent"; outboxId: string }
  | { outcome: "already_open"; outboxId: string }
  | { outcome: "not_reservable"; reason: string };

export async function askToReserve(input: { artworkSlug: string; name: string; email: string; now: Date }): Promise<ReserveAsked> {
  const work = await db.artwork.findFirst({
    where: { slug: input.artworkSlug, published: true, section: { exhibition: { published: true } } },
    select: { id: true, slug: true, catalogueNumber: true, title: true, availability: true, priceMinor: true },
  });
  if (!work) return { outcome: "not_reservable", reason: "This work is no longer in the catalogue." };
  if (availabilityFrom(work.availability) !== "available" || work.priceMinor === null)
    return { outcome: "not_reservable", reason: "This work cannot be reserved just now: it is not available at a published price." };
  const env = serverEnv();
  const settings = await readSaleSettings();
  const email = input.email.toLowerCase();
  const mailbox = mailboxOf(email);
  const confirm = issueLinkToken();
  const confirmBy = new Date(input.now.getTime() + CONFIRM_WITHIN_MS);
  const label = workLabel(work);
  const workUrl = `${env.SITE_URL}/works/${work.slug}`;
  try {
    return await db.$transaction(async (tx) => {
      // A request never confirmed in time no longer holds the mailbox's one place.
      await tx.holdRequest.updateMany({ where: { mailbox, status: "unconfirmed", confirmBy: { lt: input.now } }, data: { status: "expired" } });
      await tx.holdRequest.create({
        data: { artworkId: work.id, name: input.name, email, mailbox, confirmTokenHash: confirm.hash, confirmBy },
      });
      const outboxId = await queueEmail(
        {
          kind: "reserve_request",
          to: email,
          from: env.MAIL_FROM,
          replyTo: env.GALLERY_EMAIL,
          ...reserveConfirmationEmail(gallery(), {
            workLabel: label,
            hours: settings.collectorHoldHours,
            confirmUrl: `${env.SITE_URL}/reserve/confirm/${confirm.token}`,
            confirmBy: until(confirmBy),
          }),
        },
        tx,
      );
      return { outcome: "confirmation_sent" as const, outboxId };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // The mailbox has one open already: its owner is told by email (the page says the same as for a new one).
    const open = await db.holdRequest.findFirst({
      where: { mailbox, status: { in: ["unconfirmed", "waiting"] } },
      include: { artwork: { select: { catalogueNumber: true, title: true } } },
    });
    const outboxId = await queueEmail({
      kind: "reserve_request",
      to: email,
      from: env.MAIL_FROM,
      replyTo: env.GALLERY_EMAIL,
      ...reserveAnswerEmail(gallery(), { workLabel: label, workUrl }, { kind: "already_open", openFor: open ? workLabel(open.artwork) : "another work" }),
    });
    return { outcome: "already_open", outboxId };
  }
}

async function grantInTransaction(
  tx: Tx,
  request: { id: string; artworkId: string; name: string; email: string },
  actor: Actor,
  now: Date,
  hours: number,
): Promise<Date> {
  const heldUntil = new Date(now.getTime() + hours * 3_600_000);
  // The hold first: the unique index refuses it if the work was held meanwhile.
  const hold = await tx.workHold.create({
    data: { artworkId: request.artworkId, collectorName: request.name, collectorEmail: request.email, heldUntil, placedById: actor?.id ?? null },
  });
  const work = await tx.artwork.findUniqueOrThrow({ where: { id: request.artworkId }, select: { availability: true, catalogueNumber: true, title: true, slug: true } });
  if (availabilityFrom(work.availability) !== "available") throw new RequestNotGrantable("The work is no longer available, so it cannot be reserved.");
  await tx.artwork.update({ where: { id: request.artworkId }, data: { availability: "reserved" } });
  const { count } = await tx.holdRequest.updateMany({
    where: { id: request.id, status: "waiting" },
    data: { status: "granted", holdId: hold.id, decidedAt: now },
  });
  if (count === 0) throw new RequestNotGrantable("This request was answered already; nothing was changed.");
  await recordHoldActivity(tx, {
    actor,
    action: "placed a hold",
    artworkId: request.artworkId,
    enquiryId: null,
    detail: `until ${until(heldUntil)}, at a collector's own request`,
    at: now,
  });
  const env = serverEnv();
  await queueEmail(
    {
      kind: "reserve_request",
      to: request.email,
      from: env.MAIL_FROM,
      replyTo: env.GALLERY_EMAIL,
      ...reserveAnswerEmail(gallery(), { workLabel: workLabel(work), workUrl: `${env.SITE_URL}/works/${work.slug}` }, { kind: "granted", until: until(heldUntil) }),
    },
    tx,
  );
  return heldUntil;
}

class RequestNotGrantable extends Error {}

export type ReserveConfirmed =
  | { outcome: "granted"; workLabel: string; until: string; change: CatalogueChange }
  | { outcome: "waiting"; workLabel: string }
  | { outcome: "already"; workLabel: string; status: string }
  | { outcome: "expired" }
  | { outcome: "unknown" };

/** The emailed link pressed: the request counts; granted at once where the owner allows it for the price, else it waits for staff. */
export async function confirmReserveRequest(token: string, now = new Date()): Promise<ReserveConfirmed> {
  const request = await db.holdRequest.findUnique({
    where: { confirmTokenHash: hashLinkToken(token) },
    include: { artwork: { select: { id: true, slug: true, catalogueNumber: true, title: true, priceMinor: true } } },
  });
  if (!request) return { outcome: "unknown" };
  const label = workLabel(request.artwork);
  const status = holdRequestStatusFrom(request.status);
  if (status !== "unconfirmed") return { outcome: "already", workLabel: label, status };
  if (request.confirmBy.getTime() < now.getTime()) {
    await db.holdRequest.updateMany({ where: { id: request.id, status: "unconfirmed" }, data: { status: "expired" } });
    return { outcome: "expired" };
  }
  const { count } = await db.holdRequest.updateMany({ where: { id: request.id, status: "unconfirmed" }, data: { status: "waiting" } });
  if (count === 0) return { outcome: "already", workLabel: label, status: "waiting" };
  const settings = await readSaleSettings();
  const automatic =
    settings.autoGrantHoldsUpToMinor !== null && request.artwork.priceMinor !== null && request.artwork.priceMinor <= settings.autoGrantHoldsUpToMinor;
  if (automatic) {
    try {
      const heldUntil = await db.$transaction((tx) => grantInTransaction(tx, request, COLLECTOR, now, settings.collectorHoldHours));
      return { outcome: "granted", workLabel: label, until: until(heldUntil), change: await changeAround(request.artworkId) };
    } catch (error) {
      // Held or sold meanwhile: the request waits for staff like any other.
      if (!(error instanceof RequestNotGrantable) && !isUniqueViolation(error)) throw error;
    }
  }
  const env = serverEnv();
  await queueEmail({
    kind: "reserve_request_notice",
    to: env.GALLERY_EMAIL,
    from: env.MAIL_FROM,
    replyTo: request.email,
    ...reserveRequestNotice(gallery(), { name: request.name, email: request.email, workLabel: label, staffUrl: `${env.SITE_URL}/staff/works/${request.artworkId}` }),
  });
  return { outcome: "waiting", workLabel: label };
}

export type HoldRequestView = { id: string; name: string; email: string; artworkId: string; workLabel: string; askedAt: string };

/** Confirmed requests waiting for staff (of one work, or all). */
export async function waitingHoldRequests(artworkId?: string): Promise<HoldRequestView[]> {
  const requests = await db.holdRequest.findMany({
    where: { status: "waiting", ...(artworkId ? { artworkId } : {}) },
    orderBy: { createdAt: "asc" },
    include: { artwork: { select: { catalogueNumber: true, title: true } } },
  });
  return requests.map((request) => ({
    id: request.id,
    name: request.name,
    email: request.email,
    artworkId: request.artworkId,
    workLabel: workLabel(request.artwork),
    askedAt: request.createdAt.toISOString(),
  }));
}

export type RequestDecision = { ok: true; artworkId: string; change: CatalogueChange | null } | { ok: false; message: string };

/** Staff grant a waiting request: the work is held for the collector for the gallery's set time. */
export async function grantHoldRequest(actor: Actor, requestId: string, now = new Date()): Promise<RequestDecision> {
  const request = await db.holdRequest.findUnique({ where: { id: requestId } });
  if (!request || request.status !== "waiting") return { ok: false, message: "This request was answered already; nothing was changed." };
  const settings = await readSaleSettings();
  try {
    await db.$transaction((tx) => grantInTransaction(tx, request, actor, now, settings.collectorHoldHours));
  } catch (error) {
    if (error instanceof RequestNotGrantable) return { ok: false, message: error.message };
    if (isUniqueViolation(error)) return { ok: false, message: "The work is held for someone already: release that hold first, or decline this request." };
    throw error;
  }
  return { ok: true, artworkId: request.artworkId, change: await changeAround(request.artworkId) };
}

export async function declineHoldRequest(requestId: string, now = new Date()): Promise<RequestDecision> {
  const env = serverEnv();
  const outcome = await db.$transaction(async (tx) => {
    const { count } = await tx.holdRequest.updateMany({ where: { id: requestId, status: "waiting" }, data: { status: "declined", decidedAt: now } });
    if (count === 0) return null;
    const request = await tx.holdRequest.findUniqueOrThrow({
      where: { id: requestId },
      include: { artwork: { select: { slug: true, catalogueNumber: true, title: true } } },
    });
    await queueEmail(
      {
        kind: "reserve_request",
        to: request.email,
        from: env.MAIL_FROM,
        replyTo: env.GALLERY_EMAIL,
        ...reserveAnswerEmail(gallery(), { workLabel: workLabel(request.artwork), workUrl: `${env.SITE_URL}/works/${request.artwork.slug}` }, { kind: "declined" }),
      },
      tx,
    );
    return request.artworkId;
  });
  return outcome ? { ok: true, artworkId: outcome, change: null } : { ok: false, message: "This request was answered already; nothing was changed." };
}
