import "server-only";
import { workLabel } from "@/lib/catalogue/describe";
import type { CatalogueChange } from "@/lib/catalogue/catalogue-change";
import { db } from "@/lib/db/client";
import { recordActivity, type Actor } from "@/lib/data/activity";
import { queueAvailableAgainEmails } from "@/lib/data/availability-alerts";
import { changeAround, mergeChanges } from "@/lib/data/catalogue-changes";
import { serverEnv } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { heldUntilLabel } from "@/lib/sales/holds";
import type { HoldEndReason } from "@/lib/sales/vocabulary";

/**
 * Ending a hold, by staff or by its time running out: the one place a hold ends, so the work, the
 * alerts and the history always move together. Placing, extending and releasing by staff is
 * lib/data/staff/holds.ts; the sweep below ends holds whose time has come, on every deployment (the
 * Node server's loop, the stack's worker, Vercel Cron).
 */

type OpenHold = { id: string; artworkId: string; enquiryId: number | null; heldUntil: Date };

export function holdDetail(heldUntil: Date, enquiryReference: string | null): string {
  const until = `until ${heldUntilLabel(heldUntil, serverEnv().GALLERY_TIME_ZONE)}`;
  return enquiryReference ? `${until}, for enquiry ${enquiryReference}` : until;
}

/** Both histories a hold's change belongs in: the work's, and its enquiry's when it has one. */
export async function recordHoldActivity(
  tx: Prisma.TransactionClient,
  entry: { actor: Actor; action: string; artworkId: string; enquiryId: number | null; detail: string; at: Date },
): Promise<void> {
  const work = await tx.artwork.findUniqueOrThrow({ where: { id: entry.artworkId }, select: { catalogueNumber: true, title: true } });
  const label = workLabel(work);
  await recordActivity(tx, {
    actor: entry.actor,
    action: entry.action,
    subjectType: "artwork",
    subjectId: entry.artworkId,
    subjectLabel: label,
    detail: entry.detail,
    at: entry.at,
  });
  if (entry.enquiryId !== null) {
    const enquiry = await tx.enquiry.findUnique({ where: { id: entry.enquiryId }, select: { reference: true } });
    if (enquiry)
      await recordActivity(tx, {
        actor: entry.actor,
        action: entry.action,
        subjectType: "enquiry",
        subjectId: enquiry.reference,
        subjectLabel: enquiry.reference,
        detail: `${label}: ${entry.detail}`,
        at: entry.at,
      });
  }
}

const END_ACTIONS: Record<HoldEndReason, string> = {
  released: "released the hold",
  expired: "hold ran out",
  sold: "hold ended: sold",
};

/**
 * Ends the hold inside the caller's transaction, if nobody ended it first (false then). Released or
 * run out, a work still Reserved is Available again and everyone waiting for it is emailed; sold, it
 * is not.
 */
export async function endHoldInTransaction(
  tx: Prisma.TransactionClient,
  hold: OpenHold,
  reason: HoldEndReason,
  actor: Actor,
  now: Date,
): Promise<boolean> {
  const { count } = await tx.workHold.updateMany({ where: { id: hold.id, endedAt: null }, data: { endedAt: now, endReason: reason } });
  if (count === 0) return false;
  let alerted = 0;
  if (reason !== "sold") {
    const freed = await tx.artwork.updateMany({ where: { id: hold.artworkId, availability: "reserved" }, data: { availability: "available" } });
    if (freed.count > 0) alerted = await queueAvailableAgainEmails(tx, hold.artworkId, now);
  }
  const enquiry = hold.enquiryId === null ? null : await tx.enquiry.findUnique({ where: { id: hold.enquiryId }, select: { reference: true } });
  await recordHoldActivity(tx, {
    actor,
    action: END_ACTIONS[reason],
    artworkId: hold.artworkId,
    enquiryId: hold.enquiryId,
    detail:
      `${holdDetail(hold.heldUntil, enquiry?.reference ?? null)}` +
      (alerted > 0 ? `; ${alerted} ${alerted === 1 ? "person" : "people"} waiting for it emailed` : ""),
    at: now,
  });
  return true;
}

/**
 * Ends every hold whose time has come (in batches, each hold in a transaction of its own, so one
 * that fails holds up no other). Two sweepers at once end each hold once: the conditional update
 * decides. Returns what the public pages must refresh.
 */
export async function endExpiredHolds(now: Date, batchSize = 200): Promise<{ ended: number; change: CatalogueChange | null }> {
  let ended = 0;
  const touched: string[] = [];
  for (;;) {
    const due = await db.workHold.findMany({
      where: { endedAt: null, heldUntil: { lte: now } },
      orderBy: { heldUntil: "asc" },
      take: batchSize,
      select: { id: true, artworkId: true, enquiryId: true, heldUntil: true },
    });
    for (const hold of due) {
      if (await db.$transaction((tx) => endHoldInTransaction(tx, hold, "expired", null, now))) {
        ended += 1;
        touched.push(hold.artworkId);
      }
    }
    if (due.length < batchSize) break;
  }
  if (touched.length === 0) return { ended, change: null };
  const artworks = [...new Set(touched)];
  // Many holds at once (a long weekend): the whole catalogue is cheaper to refresh than each work's pages.
  if (artworks.length > 20) return { ended, change: { everything: true } };
  return { ended, change: mergeChanges(...(await Promise.all(artworks.map((id) => changeAround(id))))) };
}
