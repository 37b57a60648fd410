import "server-only";
import { requireRole, type StaffMember } from "@/lib/staff/roles";
import { activityEntry, recordActivity } from "@/lib/data/activity";
import { queueEmail } from "@/lib/data/outbox";
import { isCapacityViolation } from "@/lib/data/viewing-bookings";
import { takeWriteLock } from "@/lib/data/write-lock";
import { viewingConfirmationEmail } from "@/lib/emails/enquiry-emails";
import { viewingCancelledByGallery } from "@/lib/emails/templates";
import { issueLinkToken } from "@/lib/enquiries/link-token";
import { db } from "@/lib/db/client";
import { readArtworkSnapshot, type ArtworkSnapshot } from "@/lib/enquiries/snapshot";
import { serverEnv } from "@/lib/env";
import { addDays, galleryTimeToInstant, viewingTimeLabel, weekdayOf } from "@/lib/time/gallery-time";

/**
 * Staff's side of viewings: offering times (explicit times, or opening hours turned into times, each
 * with a number of places), closing a day the gallery is shut, and the day's list of who is coming
 * with the works to bring out. The collector's side is lib/data/viewing-bookings.ts.
 */

export type ViewingTimesOffer = {
  from: string;
  to: string;
  weekdays: number[];
  opensAt: string;
  closesAt: string;
  minutes: number;
  capacity: number;
};

/** At most this many times are made by one offer (eight weeks of hourly times, six days a week, is 336). */
export const MAX_TIMES_PER_OFFER = 500;

/**
 * Turns opening hours into viewing times: on each chosen weekday from `from` to `to`, a time every
 * `minutes` from opening until closing, each taking `capacity` parties. A time that exists already is
 * left as it is. One explicit time is the same with from = to and one time's length.
 */
export async function offerViewingTimes(
  staff: StaffMember,
  offer: ViewingTimesOffer,
): Promise<{ created: number; existing: number } | { tooMany: number }> {
  requireRole(staff, "staff");
  const { GALLERY_TIME_ZONE: zone } = serverEnv();
  const wanted: Array<{ startsAt: Date; endsAt: Date }> = [];
  for (let day = offer.from; day <= offer.to; day = addDays(day, 1)) {
    if (!offer.weekdays.includes(weekdayOf(day))) continue;
    const closes = galleryTimeToInstant(day, offer.closesAt, zone).getTime();
    for (
      let start = galleryTimeToInstant(day, offer.opensAt, zone).getTime();
      start + offer.minutes * 60_000 <= closes;
      start += offer.minutes * 60_000
    ) {
      wanted.push({ startsAt: new Date(start), endsAt: new Date(start + offer.minutes * 60_000) });
      if (wanted.length > MAX_TIMES_PER_OFFER) return { tooMany: wanted.length };
    }
  }
  const existing = new Set(
    (await db.viewingSlot.findMany({ where: { startsAt: { in: wanted.map((slot) => slot.startsAt) } }, select: { startsAt: true } })).map(
      (slot) => slot.startsAt.getTime(),
    ),
  );
  const fresh = wanted.filter((slot) => !existing.has(slot.startsAt.getTime()));
  if (fresh.length > 0) {
    await db.$transaction([
      db.viewingSlot.createMany({ data: fresh.map((slot) => ({ ...slot, capacity: offer.capacity })) }),
      activityEntry({
        actor: staff,
        action: "offered viewing times",
        subjectType: "viewing",
        subjectLabel: offer.from === offer.to ? offer.from : `${offer.from} to ${offer.to}`,
        detail: `${fresh.length} times, ${offer.opensAt}–${offer.closesAt}, ${offer.minutes} minutes each, ${offer.capacity} per time`,
      }),
    ]);
  }
  return { created: fresh.length, existing: wanted.length - fresh.length };
}

/** Closes every time of a day (the gallery is shut): none is offered any more; bookings already made are kept for staff to see. */
export async function closeViewingDay(staff: StaffMember, day: string): Promise<{ closed: number; bookingsKept: number }> {
  requireRole(staff, "staff");
  const { GALLERY_TIME_ZONE: zone } = serverEnv();
  const range = { gte: galleryTimeToInstant(day, "00:00", zone), lt: galleryTimeToInstant(addDays(day, 1), "00:00", zone) };
  const now = new Date();
  const { count } = await db.viewingSlot.updateMany({ where: { startsAt: range, closedAt: null }, data: { closedAt: now } });
  const bookingsKept = await db.viewingBooking.count({ where: { cancelledAt: null, slot: { startsAt: range } } });
  await activityEntry({
    actor: staff,
    action: "closed a day",
    subjectType: "viewing",
    subjectLabel: day,
    detail: `${count} times closed; ${bookingsKept} bookings kept`,
  });
  return { closed: count, bookingsKept };
}

export type StaffViewingSlot = {
  id: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  booked: number;
  closed: boolean;
  bookings: Array<{
    reference: string;
    name: string;
    email: string;
    phone: string | null;
    cancelledAt: string | null;
    /** Held back with its enquiry: it takes no place until released (lib/data/enquiries.ts). */
    awaitingRelease: boolean;
    works: ArtworkSnapshot[];
  }>;
};

/** One day of viewings in the gallery's time, with who is coming and the works to bring out. */
export async function readViewingDay(staff: StaffMember, day: string): Promise<StaffViewingSlot[]> {
  requireRole(staff);
  const { GALLERY_TIME_ZONE: zone } = serverEnv();
  const rows = await db.viewingSlot.findMany({
    where: { startsAt: { gte: galleryTimeToInstant(day, "00:00", zone), lt: galleryTimeToInstant(addDays(day, 1), "00:00", zone) } },
    orderBy: { startsAt: "asc" },
    include: {
      bookings: {
        orderBy: { createdAt: "asc" },
        include: {
          enquiry: {
            select: {
              reference: true,
              name: true,
              email: true,
              phone: true,
              works: { orderBy: { position: "asc" }, select: { snapshot: true } },
            },
          },
        },
      },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    capacity: row.capacity,
    booked: row.booked,
    closed: row.closedAt !== null,
    bookings: row.bookings.map((booking) => ({
      reference: booking.enquiry.reference,
      name: booking.enquiry.name,
      email: booking.enquiry.email,
      phone: booking.enquiry.phone,
      cancelledAt: booking.cancelledAt?.toISOString() ?? null,
      awaitingRelease: booking.awaitingReleaseSince !== null,
      works: booking.enquiry.works.flatMap((work) => readArtworkSnapshot(work.snapshot) ?? []),
    })),
  }));
}

export type ViewingDecision =
  | { ok: true; reference: string; outboxIds: string[] }
  | { ok: false; message: string };

const bookingWithEnquiry = {
  slot: true,
  enquiry: { select: { id: true, reference: true, name: true, email: true, works: { orderBy: { position: "asc" as const }, select: { snapshot: true } } } },
};

/**
 * Releases a booking that waited for staff (its enquiry was held back): it takes its place now, if the
 * time still has one (the slot's CHECK decides, whatever else is booked at that instant), and the
 * collector is sent the confirmation, with a cancel link made for it.
 */
export async function releaseViewing(staff: StaffMember, reference: string, now = new Date()): Promise<ViewingDecision> {
  requireRole(staff, "staff");
  const env = serverEnv();
  return db.$transaction(async (tx) => {
    // Reads before it writes: the write lock first, so another process writing meanwhile makes it wait, not fail.
    await takeWriteLock(tx);
    const booking = await tx.viewingBooking.findFirst({ where: { enquiry: { reference } }, include: bookingWithEnquiry });
    if (!booking || booking.cancelledAt || !booking.awaitingReleaseSince) {
      return { ok: false, message: "That viewing is not waiting for release (it was released or cancelled meanwhile)." };
    }
    if (booking.slot.startsAt <= now || booking.slot.closedAt) {
      return { ok: false, message: "That time has passed or was closed: offer the collector another." };
    }
    const link = issueLinkToken();
    try {
      const { count } = await tx.viewingBooking.updateMany({
        where: { id: booking.id, awaitingReleaseSince: { not: null }, cancelledAt: null },
        data: { awaitingReleaseSince: null, cancelTokenHash: link.hash },
      });
      if (count === 0) return { ok: false, message: "That viewing is not waiting for release (it was released or cancelled meanwhile)." };
    } catch (error) {
      if (isCapacityViolation(error)) {
        return { ok: false, message: "That time is fully booked now: nothing was sent. Offer the collector another time, or cancel this one." };
      }
      throw error;
    }
    const works = booking.enquiry.works.flatMap((work) => readArtworkSnapshot(work.snapshot) ?? []);
    const when = viewingTimeLabel(booking.slot.startsAt, booking.slot.endsAt, env.GALLERY_TIME_ZONE);
    const confirmation = viewingConfirmationEmail(
      { galleryName: env.GALLERY_NAME, galleryEmail: env.GALLERY_EMAIL, galleryAddress: env.GALLERY_ADDRESS, mailFrom: env.MAIL_FROM, siteUrl: env.SITE_URL },
      {
        email: booking.enquiry.email,
        viewing: { bookingId: booking.id, cancelToken: link.token, startsAt: booking.slot.startsAt, endsAt: booking.slot.endsAt, when },
        works,
      },
    );
    const emailId = await queueEmail(
      {
        enquiryId: booking.enquiry.id,
        kind: confirmation.kind,
        to: confirmation.to,
        from: confirmation.from,
        replyTo: confirmation.replyTo,
        calendar: confirmation.calendar,
        ...confirmation.render(booking.enquiry.reference),
      },
      tx,
    );
    await recordActivity(tx, {
      actor: staff,
      action: "released the viewing",
      subjectType: "enquiry",
      subjectId: booking.enquiry.reference,
      subjectLabel: booking.enquiry.reference,
      detail: when,
    });
    return { ok: true, reference: booking.enquiry.reference, outboxIds: [emailId] };
  });
}

/**
 * Cancels any booking, confirmed or waiting: its place (if it had one) is free at once. A collector who
 * was sent a confirmation is told; one whose booking never left the desk hears nothing of it.
 */
export async function cancelViewingByStaff(staff: StaffMember, reference: string, now = new Date()): Promise<ViewingDecision> {
  requireRole(staff, "staff");
  const env = serverEnv();
  return db.$transaction(async (tx) => {
    // Reads before it writes: the write lock first, so another process writing meanwhile makes it wait, not fail.
    await takeWriteLock(tx);
    const booking = await tx.viewingBooking.findFirst({ where: { enquiry: { reference } }, include: bookingWithEnquiry });
    if (!booking || booking.cancelledAt) return { ok: false, message: "That viewing is cancelled already." };
    if (booking.slot.startsAt <= now) return { ok: false, message: "That viewing has already begun or passed: there is nothing to cancel." };
    const { count } = await tx.viewingBooking.updateMany({
      where: { id: booking.id, cancelledAt: null },
      data: { cancelledAt: now, cancelledByStaff: staff.name },
    });
    if (count === 0) return { ok: false, message: "That viewing is cancelled already." };
    const when = viewingTimeLabel(booking.slot.startsAt, booking.slot.endsAt, env.GALLERY_TIME_ZONE);
    const outboxIds: string[] = [];
    if (!booking.awaitingReleaseSince) {
      const rendered = viewingCancelledByGallery(
        { name: env.GALLERY_NAME, siteUrl: env.SITE_URL },
        { reference: booking.enquiry.reference, name: booking.enquiry.name, when },
      );
      outboxIds.push(
        await queueEmail(
          {
            enquiryId: booking.enquiry.id,
            kind: "viewing_cancelled_by_gallery",
            to: booking.enquiry.email,
            from: env.MAIL_FROM,
            replyTo: env.GALLERY_EMAIL,
            ...rendered,
          },
          tx,
        ),
      );
    }
    await recordActivity(tx, {
      actor: staff,
      action: "cancelled the viewing",
      subjectType: "enquiry",
      subjectId: booking.enquiry.reference,
      subjectLabel: booking.enquiry.reference,
      detail: booking.awaitingReleaseSince ? `${when} (it was waiting for release: the collector was not told)` : `${when} (the collector was emailed)`,
    });
    return { ok: true, reference: booking.enquiry.reference, outboxIds };
  });
}
