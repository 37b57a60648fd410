import "server-only";
import { queueEmail } from "@/lib/data/outbox";
import { workLabel } from "@/lib/catalogue/describe";
import { recordActivity } from "@/lib/data/activity";
import { db, sqlTimestamp, type SqlStatements } from "@/lib/db/client";
import { hashLinkToken } from "@/lib/enquiries/link-token";
import { readArtworkSnapshot } from "@/lib/enquiries/snapshot";
import { serverEnv } from "@/lib/env";
import { viewingCancelledNotice } from "@/lib/emails/templates";
import { viewingTimeLabel } from "@/lib/time/gallery-time";
import { groupOfferedTimes, type OfferedDay } from "@/lib/viewings/offered-times";

/**
 * The collector's side of viewings: the times still bookable, a booking made inside the enquiry's own
 * write transaction (lib/data/enquiries.ts), and the link that cancels it. The database itself refuses
 * a booking beyond a time's places (prisma/migrations/…_viewings: a CHECK kept by triggers), so no
 * check here can be raced past. Staff's side (offering times, closing days, the day's list) is
 * lib/data/staff/viewings.ts, kept apart so that the enquiry's fast path loads none of it.
 */

/** Why a booking inside an enquiry's transaction was not written: the whole enquiry is then not stored. */
export class ViewingUnavailable extends Error {
  constructor(readonly reason: "full" | "gone") {
    super(reason === "full" ? "That viewing time is full" : "That viewing time is no longer offered");
  }
}

/** A slot already at its capacity, as SQLite (either driver) reports the CHECK constraint. */
export function isCapacityViolation(error: unknown): boolean {
  return error instanceof Error && /ViewingSlot_within_capacity/.test(error.message);
}

/**
 * Books a place, inside the enquiry's own write transaction (lib/data/enquiries.ts). The insert
 * names only a time still offered and still ahead; the trigger counts it, and the CHECK refuses a
 * place beyond capacity, whatever else is being written at the same instant.
 */
export async function bookViewingInTransaction(
  sql: SqlStatements,
  booking: { id: string; slotId: string; enquiryId: number; cancelTokenHash: string; now: Date; awaitingRelease: boolean },
): Promise<void> {
  const { id } = booking;
  let inserted: Array<{ id: string }>;
  try {
    inserted = await sql.all<{ id: string }>(
      `INSERT INTO "ViewingBooking" ("id", "slotId", "enquiryId", "cancelTokenHash", "awaitingReleaseSince", "createdAt")
       SELECT ?, "id", ?, ?, ?, ? FROM "ViewingSlot" WHERE "id" = ? AND "closedAt" IS NULL AND "startsAt" > ? RETURNING "id"`,
      [
        id,
        booking.enquiryId,
        booking.cancelTokenHash,
        booking.awaitingRelease ? sqlTimestamp(booking.now) : null,
        sqlTimestamp(booking.now),
        booking.slotId,
        sqlTimestamp(booking.now),
      ],
    );
  } catch (error) {
    if (isCapacityViolation(error)) throw new ViewingUnavailable("full");
    throw error;
  }
  if (inserted.length === 0) throw new ViewingUnavailable("gone");
}

/** Times start at least this long after now: the gallery needs notice to bring works out. */
export const VIEWING_NOTICE_HOURS = 2;
/** How far ahead collectors see times. */
export const VIEWING_HORIZON_DAYS = 56;

export type BookableSlot = { id: string; startsAt: string; endsAt: string; placesLeft: number };

function bookableWhere(now: Date) {
  return {
    closedAt: null,
    startsAt: {
      gt: new Date(now.getTime() + VIEWING_NOTICE_HOURS * 3_600_000),
      lt: new Date(now.getTime() + VIEWING_HORIZON_DAYS * 86_400_000),
    },
  };
}

/** The times a collector can still book, soonest first. */
export async function listBookableSlots(now = new Date(), limit = 120): Promise<BookableSlot[]> {
  const rows = await db.viewingSlot.findMany({ where: bookableWhere(now), orderBy: { startsAt: "asc" }, take: limit * 2 });
  return rows
    .filter((row) => row.booked < row.capacity)
    .slice(0, limit)
    .map((row) => ({
      id: row.id,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      placesLeft: row.capacity - row.booked,
    }));
}

export async function readBookableSlot(id: string, now = new Date()): Promise<(BookableSlot & { full: boolean }) | null> {
  const row = await db.viewingSlot.findFirst({ where: { id, ...bookableWhere(now) } });
  if (!row) return null;
  return {
    id: row.id,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    placesLeft: row.capacity - row.booked,
    full: row.booked >= row.capacity,
  };
}

export type BookingByLink = {
  reference: string;
  startsAt: string;
  endsAt: string;
  cancelledAt: string | null;
  works: string[];
};

export async function readBookingByCancelLink(token: string): Promise<BookingByLink | null> {
  const booking = await db.viewingBooking.findUnique({
    where: { cancelTokenHash: hashLinkToken(token) },
    include: { slot: true, enquiry: { select: { reference: true, works: { orderBy: { position: "asc" }, select: { snapshot: true } } } } },
  });
  if (!booking) return null;
  return {
    reference: booking.enquiry.reference,
    startsAt: booking.slot.startsAt.toISOString(),
    endsAt: booking.slot.endsAt.toISOString(),
    cancelledAt: booking.cancelledAt?.toISOString() ?? null,
    works: booking.enquiry.works.flatMap((work) => {
      const snapshot = readArtworkSnapshot(work.snapshot);
      return snapshot ? [workLabel(snapshot)] : [];
    }),
  };
}

export type CancellationOutcome = { outcome: "cancelled"; outboxIds: string[] } | { outcome: "already_cancelled" | "past" | "no_booking" };

/** Cancels the booking the link names (once), frees its place, notes it on the enquiry and tells the gallery. */
export async function cancelBookingByLink(token: string, now = new Date()): Promise<CancellationOutcome> {
  const env = serverEnv();
  return db.$transaction(async (tx) => {
    const booking = await tx.viewingBooking.findUnique({
      where: { cancelTokenHash: hashLinkToken(token) },
      include: { slot: true, enquiry: { select: { id: true, reference: true, name: true } } },
    });
    if (!booking) return { outcome: "no_booking" } as const;
    if (booking.cancelledAt) return { outcome: "already_cancelled" } as const;
    if (booking.slot.startsAt <= now) return { outcome: "past" } as const;
    // Only the first of two presses changes anything.
    const { count } = await tx.viewingBooking.updateMany({ where: { id: booking.id, cancelledAt: null }, data: { cancelledAt: now } });
    if (count === 0) return { outcome: "already_cancelled" } as const;
    const when = viewingTimeLabel(booking.slot.startsAt, booking.slot.endsAt, env.GALLERY_TIME_ZONE);
    // In the enquiry's history, not its notes: a note without an author would read as a former member of staff's.
    await recordActivity(tx, {
      actor: { id: null, name: "The collector, with their cancel link" },
      action: "cancelled their viewing",
      subjectType: "enquiry",
      subjectId: booking.enquiry.reference,
      subjectLabel: booking.enquiry.reference,
      detail: when,
    });
    const rendered = viewingCancelledNotice(
      { name: env.GALLERY_NAME, siteUrl: env.SITE_URL },
      {
        reference: booking.enquiry.reference,
        name: booking.enquiry.name,
        when,
        staffUrl: `${env.SITE_URL}/staff/enquiries/${booking.enquiry.reference}`,
      },
    );
    const emailId = await queueEmail(
      { enquiryId: booking.enquiry.id, kind: "viewing_cancelled", to: env.GALLERY_EMAIL, from: env.MAIL_FROM, replyTo: null, ...rendered },
      tx,
    );
    return { outcome: "cancelled", outboxIds: [emailId] } as const;
  });
}

/** The bookable times grouped by day in the gallery's clock, as the enquiry form offers them. */
export async function offeredViewingTimes(now = new Date()): Promise<OfferedDay[]> {
  return groupOfferedTimes(await listBookableSlots(now), serverEnv().GALLERY_TIME_ZONE);
}
