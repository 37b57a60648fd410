import "server-only";
import { workLabel } from "@/lib/catalogue/describe";
import type { CatalogueChange } from "@/lib/catalogue/catalogue-change";
import { db, sqlTimestamp } from "@/lib/db/client";
import { recordActivities, recordActivity, type ActivityRecord, type Actor } from "@/lib/data/activity";
import { queueAvailableAgainEmails } from "@/lib/data/availability-alerts";
import { changeAround, mergeChanges } from "@/lib/data/catalogue-changes";
import { serverEnv } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
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
 * Ends a batch of holds that ran out, in the caller's transaction, with a few statements whatever the
 * batch's size (a long weekend can end thousands at once): the holds that this sweeper ended (another
 * may have ended some first: the UPDATE … RETURNING says which), the works they free, the emails to
 * those waiting for them, and one history entry a hold on the work and on its enquiry.
 */
async function endRunOutHoldsInTransaction(tx: Prisma.TransactionClient, holdIds: string[], now: Date): Promise<string[]> {
  if (holdIds.length === 0) return [];
  const at = sqlTimestamp(now);
  const ended = await tx.$queryRaw<Array<{ artworkId: string; enquiryId: number | bigint | null; heldUntil: string | Date }>>`
    UPDATE "WorkHold" SET "endedAt" = ${at}, "endReason" = 'expired', "updatedAt" = ${at}
     WHERE "endedAt" IS NULL AND "id" IN (${Prisma.join(holdIds)})
     RETURNING "artworkId", "enquiryId", "heldUntil"`;
  if (ended.length === 0) return [];
  const artworkIds = [...new Set(ended.map((hold) => hold.artworkId))];
  const freed = new Set(
    (
      await tx.$queryRaw<Array<{ id: string }>>`
        UPDATE "Artwork" SET "availability" = 'available', "updatedAt" = ${at}
         WHERE "availability" = 'reserved' AND "id" IN (${Prisma.join(artworkIds)}) RETURNING "id"`
    ).map((row) => row.id),
  );
  const waiting = await tx.availabilityAlert.findMany({
    where: { artworkId: { in: [...freed] }, confirmedAt: { not: null }, unsubscribedAt: null, notifiedAt: null },
    select: { artworkId: true },
    distinct: ["artworkId"],
  });
  const alerted = new Map<string, number>();
  for (const { artworkId } of waiting) alerted.set(artworkId, await queueAvailableAgainEmails(tx, artworkId, now));
  const works = new Map(
    (await tx.artwork.findMany({ where: { id: { in: artworkIds } }, select: { id: true, catalogueNumber: true, title: true } })).map((work) => [
      work.id,
      workLabel(work),
    ]),
  );
  const enquiryIds = [...new Set(ended.flatMap((hold) => (hold.enquiryId === null ? [] : [Number(hold.enquiryId)])))];
  const references = new Map(
    (await tx.enquiry.findMany({ where: { id: { in: enquiryIds } }, select: { id: true, reference: true } })).map((row) => [row.id, row.reference]),
  );
  const entries: ActivityRecord[] = ended.flatMap((hold) => {
    const reference = hold.enquiryId === null ? null : (references.get(Number(hold.enquiryId)) ?? null);
    const people = alerted.get(hold.artworkId) ?? 0;
    const detail = holdDetail(new Date(hold.heldUntil), reference) + (people > 0 ? `; ${people} ${people === 1 ? "person" : "people"} waiting for it emailed` : "");
    const label = works.get(hold.artworkId) ?? hold.artworkId;
    const onWork: ActivityRecord = { actor: null, action: END_ACTIONS.expired, subjectType: "artwork", subjectId: hold.artworkId, subjectLabel: label, detail, at: now };
    return reference
      ? [onWork, { actor: null, action: END_ACTIONS.expired, subjectType: "enquiry", subjectId: reference, subjectLabel: reference, detail: `${label}: ${detail}`, at: now }]
      : [onWork];
  });
  await recordActivities(tx, entries);
  return ended.map((hold) => hold.artworkId);
}

/**
 * Ends every hold whose time has come, a batch to a transaction. Two sweepers at once end each hold
 * once: the conditional update decides. Returns what the public pages must refresh.
 */
export async function endExpiredHolds(now: Date, batchSize = 500): Promise<{ ended: number; change: CatalogueChange | null }> {
  let ended = 0;
  const touched: string[] = [];
  for (;;) {
    const due = await db.workHold.findMany({
      where: { endedAt: null, heldUntil: { lte: now } },
      orderBy: { heldUntil: "asc" },
      take: batchSize,
      select: { id: true },
    });
    const endedNow = await db.$transaction((tx) => endRunOutHoldsInTransaction(tx, due.map((hold) => hold.id), now), { timeout: 60_000 });
    ended += endedNow.length;
    touched.push(...endedNow);
    if (due.length < batchSize) break;
  }
  if (touched.length === 0) return { ended, change: null };
  const artworks = [...new Set(touched)];
  // Many holds at once: the whole catalogue is cheaper to refresh than each work's pages.
  if (artworks.length > 20) return { ended, change: { everything: true } };
  return { ended, change: mergeChanges(...(await Promise.all(artworks.map((id) => changeAround(id))))) };
}
