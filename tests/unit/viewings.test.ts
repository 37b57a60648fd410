import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { cancelBookingByLink, listBookableSlots, readBookingByCancelLink } from "@/lib/data/viewing-bookings";
import { cancelViewingByStaff, releaseViewing } from "@/lib/data/staff/viewings";
import type { StaffMember } from "@/lib/staff/roles";
import { issueLinkToken } from "@/lib/enquiries/link-token";
import { submitEnquiry } from "@/lib/enquiry-intake/submit-enquiry";
import { deliverDueEmails } from "@/lib/jobs/outbox-delivery";
import { addDays, galleryDay, galleryTimeToInstant, viewingTimeLabel, weekdayOf } from "@/lib/time/gallery-time";
import { enquiryForm } from "./support/enquiry-helpers";
import { seededGalleryWithMail } from "./support/seeded-gallery-with-mail";

const received = seededGalleryWithMail({ GALLERY_ADDRESS: "12 Bridge Street, Bracebridge", GALLERY_TIME_ZONE: "Europe/London" });
let person = 0;

/** A viewing time `daysAhead` days from now at 11:00 London time. */
async function slot(daysAhead: number, capacity: number) {
  const day = addDays(galleryDay(new Date(), "Europe/London"), daysAhead);
  const startsAt = galleryTimeToInstant(day, "11:00", "Europe/London");
  return db.viewingSlot.create({ data: { startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000), capacity } });
}

function enquireWithViewing(slotId: string, fields: Record<string, string> = {}) {
  person += 1;
  return submitEnquiry(
    enquiryForm({
      name: `Viewer ${person}`,
      email: `viewer${person}@example.test`,
      artworkSlug: "42-second-retreat-from-russia",
      questions: ["viewing"],
      viewingSlot: slotId,
      ...fields,
    }),
    { clientIp: `198.51.100.${(person % 200) + 10}` },
  );
}

describe("the gallery's clock", () => {
  it("turns a wall-clock time into the right instant in summer and winter, and back", () => {
    expect(galleryTimeToInstant("2026-07-01", "10:00", "Europe/London").toISOString()).toBe("2026-07-01T09:00:00.000Z");
    expect(galleryTimeToInstant("2026-12-01", "10:00", "Europe/London").toISOString()).toBe("2026-12-01T10:00:00.000Z");
    expect(galleryTimeToInstant("2026-12-01", "10:00", "America/New_York").toISOString()).toBe("2026-12-01T15:00:00.000Z");
    expect(galleryDay(new Date("2026-12-01T23:30:00Z"), "Europe/Berlin")).toBe("2026-12-02");
    expect(weekdayOf("2026-12-01")).toBe(2);
    expect(viewingTimeLabel(new Date("2026-12-01T11:00:00Z"), new Date("2026-12-01T12:00:00Z"), "Europe/London")).toBe(
      "Tuesday 1 December 2026, 11:00–12:00",
    );
  });
});

describe("booking a viewing with an enquiry", () => {
  it("stores the booking with the enquiry, and sends a confirmation with a calendar invitation and a cancel link", async () => {
    const time = await slot(5, 2);
    const { state, outboxIds } = await enquireWithViewing(time.id);
    expect(state.status).toBe("sent");
    const enquiry = await db.enquiry.findUniqueOrThrow({ where: { reference: state.reference! }, include: { viewing: true } });
    expect(enquiry.viewing?.slotId).toBe(time.id);
    expect((await db.viewingSlot.findUniqueOrThrow({ where: { id: time.id } })).booked).toBe(1);

    await deliverDueEmails({ ids: outboxIds });
    const when = viewingTimeLabel(time.startsAt, time.endsAt, "Europe/London");
    const confirmation = received().find((message) => message.subject === `Your viewing at Bracebridge Fine Art: ${when}`)!;
    expect(confirmation.to).toEqual([enquiry.email]);
    expect(confirmation.text).toContain("12 Bridge Street, Bracebridge");
    expect(confirmation.text).toContain("42 Second Retreat from Russia");
    expect(confirmation.calendars.length).toBeGreaterThan(0);
    const calendar = confirmation.calendars[0]!.replace(/\r\n[ \t]/g, "");
    expect(calendar).toContain("BEGIN:VCALENDAR");
    expect(calendar).toContain("METHOD:REQUEST");
    expect(calendar).toContain(`DTSTART:${time.startsAt.toISOString().replace(/[-:]/g, "").replace(".000", "")}`);
    expect(calendar).toContain("LOCATION:12 Bridge Street\\, Bracebridge");
    const cancelUrl = confirmation.text.match(/https:\/\/gallery\.test\/viewings\/cancel\/([A-Za-z0-9_-]{43})/);
    expect(cancelUrl).not.toBeNull();
    expect(calendar).toContain(cancelUrl![0]);
    const toGallery = received().find((message) => message.subject.startsWith(`Enquiry ${state.reference}`))!;
    expect(toGallery.text).toContain(`Viewing booked: ${when}`);

    // The link cancels once, frees the place and tells the gallery.
    const token = cancelUrl![1]!;
    expect(await readBookingByCancelLink(token)).toMatchObject({ reference: state.reference, cancelledAt: null });
    const cancelled = await cancelBookingByLink(token);
    expect(cancelled.outcome).toBe("cancelled");
    expect((await db.viewingSlot.findUniqueOrThrow({ where: { id: time.id } })).booked).toBe(0);
    expect(await db.activityEntry.findFirst({ where: { subjectId: state.reference!, action: "cancelled their viewing" } })).toMatchObject({
      actorName: "The collector, with their cancel link",
      detail: when,
    });
    expect(await cancelBookingByLink(token)).toEqual({ outcome: "already_cancelled" });
    expect(await cancelBookingByLink(issueLinkToken().token)).toEqual({ outcome: "no_booking" });
    await deliverDueEmails({ ids: cancelled.outcome === "cancelled" ? cancelled.outboxIds : [] });
    expect(received().some((message) => message.subject === `Viewing cancelled: ${when} (${state.reference})`)).toBe(true);
  });

  it("never books beyond a time's places, even with many collectors pressing at once: the others are told, and nothing of theirs is stored", async () => {
    const time = await slot(6, 2);
    const before = await db.enquiry.count();
    const results = await Promise.all(Array.from({ length: 8 }, () => enquireWithViewing(time.id)));
    const sent = results.filter((result) => result.state.status === "sent");
    const refused = results.filter((result) => result.state.status === "invalid");
    expect(sent).toHaveLength(2);
    expect(refused).toHaveLength(6);
    for (const result of refused) {
      expect(result.state.fieldErrors.viewingSlot?.[0]).toMatch(/^That viewing time has just been fully booked/);
      expect(result.state.message).toContain("nothing has been sent yet");
    }
    expect(await db.enquiry.count()).toBe(before + 2);
    expect(await db.viewingBooking.count({ where: { slotId: time.id } })).toBe(2);
    expect((await db.viewingSlot.findUniqueOrThrow({ where: { id: time.id } })).booked).toBe(2);
  });

  it("is refused by the database itself past capacity, whatever the application checked", async () => {
    const time = await slot(7, 1);
    const enquiries = await Promise.all(
      ["first", "second"].map((name) =>
        db.enquiry.create({
          data: {
            reference: `TEST-${name}-${time.id}`,
            name,
            email: `${name}@example.test`,
            message: "",
            questions: [],
            consentedAt: new Date(),
          },
        }),
      ),
    );
    await db.viewingBooking.create({ data: { slotId: time.id, enquiryId: enquiries[0]!.id, cancelTokenHash: issueLinkToken().hash } });
    await expect(
      db.viewingBooking.create({ data: { slotId: time.id, enquiryId: enquiries[1]!.id, cancelTokenHash: issueLinkToken().hash } }),
    ).rejects.toThrow(/ViewingSlot_within_capacity/);
    expect((await db.viewingSlot.findUniqueOrThrow({ where: { id: time.id } })).booked).toBe(1);
  });

  it("offers only open times with a place left, from two hours ahead; a closed or past time is refused with a message", async () => {
    const full = await slot(8, 1);
    await enquireWithViewing(full.id);
    const closed = await slot(9, 3);
    await db.viewingSlot.update({ where: { id: closed.id }, data: { closedAt: new Date() } });
    const open = await slot(10, 3);
    const offered = (await listBookableSlots()).map((bookable) => bookable.id);
    expect(offered).toContain(open.id);
    expect(offered).not.toContain(full.id);
    expect(offered).not.toContain(closed.id);

    const { state } = await enquireWithViewing(closed.id, { message: "Keep this" });
    expect(state.status).toBe("invalid");
    expect(state.fieldErrors.viewingSlot?.[0]).toMatch(/^That viewing time is no longer offered/);
    expect(state.values.message).toBe("Keep this");
    const unknown = await enquireWithViewing("no-such-time");
    expect(unknown.state.fieldErrors.viewingSlot?.[0]).toMatch(/no longer offered/);
  });
});

describe("bookings held back with their enquiry", () => {
  const staff: StaffMember = { id: "viewings-staff", name: "Vera Desk", email: "vera.desk@gallery.test", role: "staff" };
  beforeAll(async () => {
    await db.user.create({ data: { id: staff.id, name: staff.name, email: staff.email, role: staff.role } });
  });

  const confirmationsFor = (references: string[]) =>
    db.outboxEmail.count({ where: { kind: "viewing_confirmation", enquiry: { reference: { in: references } } } });

  it("a script booking with 40 flagged enquiries leaves every place free and sends no confirmation; staff release a real one, which then takes its place", async () => {
    const time = await slot(11, 3);
    const references: string[] = [];
    for (let index = 0; index < 40; index += 1) {
      // Sent the instant the form was shown, each from an address and a connection of its own: flagged.
      const { state } = await submitEnquiry(
        enquiryForm(
          {
            name: `Script ${index}`,
            email: `script-${index}@example.test`,
            artworkSlug: "42-second-retreat-from-russia",
            questions: ["viewing"],
            viewingSlot: time.id,
          },
          0,
        ),
        { clientIp: `203.0.113.${index + 1}` },
      );
      expect(state.status).toBe("sent");
      references.push(state.reference!);
    }
    expect(await db.enquiry.count({ where: { reference: { in: references }, flagged: true } })).toBe(40);
    expect((await db.viewingSlot.findUniqueOrThrow({ where: { id: time.id } })).booked).toBe(0);
    expect((await listBookableSlots()).find((bookable) => bookable.id === time.id)?.placesLeft).toBe(3);
    expect(await db.viewingBooking.count({ where: { slotId: time.id, awaitingReleaseSince: { not: null } } })).toBe(40);
    expect(await confirmationsFor(references)).toBe(0);

    // Staff judge three of them real: each takes its place and is sent its confirmation, whose link cancels it.
    for (const reference of references.slice(0, 3)) expect(await releaseViewing(staff, reference)).toMatchObject({ ok: true, reference });
    expect((await db.viewingSlot.findUniqueOrThrow({ where: { id: time.id } })).booked).toBe(3);
    // The time is full now: a fourth release is refused with the reason, and nothing is sent.
    expect(await releaseViewing(staff, references[3]!)).toEqual({
      ok: false,
      message: "That time is fully booked now: nothing was sent. Offer the collector another time, or cancel this one.",
    });
    expect(await releaseViewing(staff, references[0]!)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not waiting for release/),
    });
    expect((await db.viewingSlot.findUniqueOrThrow({ where: { id: time.id } })).booked).toBe(3);
    expect(await confirmationsFor(references)).toBe(3);
    await deliverDueEmails();
    const when = viewingTimeLabel(time.startsAt, time.endsAt, "Europe/London");
    const confirmation = received().find((message) => message.to.includes("script-0@example.test") && message.subject.includes(when))!;
    expect(confirmation.calendars.length).toBeGreaterThan(0);
    const token = /https:\/\/gallery\.test\/viewings\/cancel\/([A-Za-z0-9_-]{43})/.exec(confirmation.text)![1]!;
    expect(await cancelBookingByLink(token)).toMatchObject({ outcome: "cancelled" });
    expect((await db.viewingSlot.findUniqueOrThrow({ where: { id: time.id } })).booked).toBe(2);
    expect(
      await db.activityEntry.count({ where: { subjectId: { in: references }, action: "released the viewing", actorName: staff.name } }),
    ).toBe(3);
  });

  it("one viewing confirmation per mailbox a day: a second booking from the same address waits for staff, taking no place", async () => {
    const [first, second] = [await slot(12, 2), await slot(13, 2)];
    const asked = (slotId: string, index: number) =>
      submitEnquiry(
        enquiryForm({
          name: "Rowan Repeat",
          email: index === 0 ? "rowan@example.test" : "Rowan+again@example.test",
          artworkSlug: "42-second-retreat-from-russia",
          questions: ["viewing"],
          viewingSlot: slotId,
          message: `Booking number ${index}`,
        }),
        { clientIp: `192.0.2.${40 + index}` },
      );
    const one = await asked(first.id, 0);
    const two = await asked(second.id, 1);
    expect([one.state.status, two.state.status]).toEqual(["sent", "sent"]);
    expect((await db.viewingSlot.findUniqueOrThrow({ where: { id: first.id } })).booked).toBe(1);
    expect((await db.viewingSlot.findUniqueOrThrow({ where: { id: second.id } })).booked).toBe(0);
    expect(await confirmationsFor([one.state.reference!, two.state.reference!])).toBe(1);
    const waiting = await db.viewingBooking.findFirstOrThrow({ where: { enquiry: { reference: two.state.reference! } } });
    expect(waiting.awaitingReleaseSince).not.toBeNull();
  });

  it("staff cancel any booking: a confirmed one frees its place and the collector is told; a waiting one is withdrawn without a word", async () => {
    const time = await slot(14, 2);
    const confirmed = await enquireWithViewing(time.id);
    const waiting = await submitEnquiry(
      enquiryForm(
        {
          name: "Quick Script",
          email: "quick@example.test",
          artworkSlug: "42-second-retreat-from-russia",
          questions: ["viewing"],
          viewingSlot: time.id,
        },
        0,
      ),
      { clientIp: "203.0.113.250" },
    );
    expect([confirmed.state.status, waiting.state.status]).toEqual(["sent", "sent"]);
    expect((await db.viewingSlot.findUniqueOrThrow({ where: { id: time.id } })).booked).toBe(1);

    const cancelled = await cancelViewingByStaff(staff, confirmed.state.reference!);
    expect(cancelled).toMatchObject({ ok: true });
    expect((await db.viewingSlot.findUniqueOrThrow({ where: { id: time.id } })).booked).toBe(0);
    await deliverDueEmails({ ids: cancelled.ok ? cancelled.outboxIds : [] });
    const when = viewingTimeLabel(time.startsAt, time.endsAt, "Europe/London");
    expect(received().some((message) => message.subject === `Your viewing at Bracebridge Fine Art on ${when} is cancelled`)).toBe(true);
    expect(await db.viewingBooking.findFirstOrThrow({ where: { enquiry: { reference: confirmed.state.reference! } } })).toMatchObject({
      cancelledByStaff: "Vera Desk",
    });

    const withdrawn = await cancelViewingByStaff(staff, waiting.state.reference!);
    expect(withdrawn).toEqual({ ok: true, reference: waiting.state.reference, outboxIds: [] });
    expect((await db.viewingSlot.findUniqueOrThrow({ where: { id: time.id } })).booked).toBe(0);
    expect(await cancelViewingByStaff(staff, waiting.state.reference!)).toEqual({
      ok: false,
      message: "That viewing is cancelled already.",
    });
    // A viewer reads the desk but cancels nothing.
    await expect(cancelViewingByStaff({ ...staff, role: "viewer" }, confirmed.state.reference!)).rejects.toThrow();
  });
});
