import { beforeEach, describe, expect, it } from "vitest";
import { runDailyDigest } from "@/lib/data/daily-digest";
import { erasePersonalData } from "@/lib/data/personal-data";
import { forgetGallerySettings, readReplySchedule } from "@/lib/data/gallery-settings";
import { db } from "@/lib/db/client";
import { replyByFor } from "@/lib/enquiries/reply-by";
import { submitEnquiry } from "@/lib/enquiry-intake/submit-enquiry";
import { deliverDueEmails } from "@/lib/jobs/outbox-delivery";
import { enquiryForm } from "./support/enquiry-helpers";
import { seededGalleryWithMail } from "./support/seeded-gallery-with-mail";

const received = seededGalleryWithMail({ GALLERY_TIME_ZONE: "Europe/London", GALLERY_NAME: "Bracebridge Fine Art" });

const EVERY_DAY = Array.from({ length: 7 }, () => ({ opens: "09:00", closes: "18:00" }));

async function settings(data: Record<string, unknown>) {
  await db.gallerySettings.update({ where: { id: 1 }, data });
  forgetGallerySettings();
}

async function enquiry(name: string, email: string): Promise<string> {
  const { state } = await submitEnquiry(
    enquiryForm({ name, email, message: `A question from ${name}`, artworkSlug: "42-second-retreat-from-russia" }),
    {
      clientIp: `198.51.100.${Math.floor(Math.random() * 200) + 1}`,
    },
  );
  if (state.status !== "sent") throw new Error(`not sent: ${state.message}`);
  return state.reference!;
}

describe("reply-by times", () => {
  beforeEach(async () => {
    await settings({ replyWithin: 1, replyWithinUnit: "working_days", openingHours: EVERY_DAY, holidays: [], digestEnabled: true });
  });

  it("are given to each enquiry when it arrives, by the gallery's setting", async () => {
    await settings({ replyWithin: 3, replyWithinUnit: "working_hours" });
    const reference = await enquiry("Rhoda Reply", "rhoda.reply@example.test");
    const stored = await db.enquiry.findUniqueOrThrow({ where: { reference } });
    expect(stored.replyBy?.toISOString()).toBe(replyByFor(stored.createdAt, await readReplySchedule()).toISOString());
    expect(stored.replyBy!.getTime()).toBeGreaterThan(stored.createdAt.getTime());
  });
});

describe("the daily digest", () => {
  it("waits for the set time, sends nothing on a day with nothing waiting, and nothing later that day", async () => {
    await settings({ digestTime: "08:30", digestEnabled: true, digestOnClosedDays: true, openingHours: EVERY_DAY });
    await db.enquiry.updateMany({ data: { status: "closed" } });
    expect(await runDailyDigest(new Date("2031-01-07T08:00:00Z"))).toEqual({ outcome: "not_yet", at: "08:30" });
    expect(await runDailyDigest(new Date("2031-01-07T08:31:00Z"))).toEqual({ outcome: "nothing_waiting", day: "2031-01-07" });
    // Something arrives later that day: the day has had its digest (none), so none is sent.
    await enquiry("Late Arrival", "late.arrival@example.test");
    expect(await runDailyDigest(new Date("2031-01-07T15:00:00Z"))).toEqual({ outcome: "done_already", day: "2031-01-07" });
    expect(await db.outboxEmail.count({ where: { kind: "daily_digest" } })).toBe(0);
    expect(await db.digestRun.findUniqueOrThrow({ where: { day: "2031-01-07" } })).toMatchObject({ waiting: 0, emailId: null });
  });

  it("lists the overdue enquiries first and the waiting ones after, and reaches the mail server through the outbox", async () => {
    await settings({ digestTime: "08:30", digestEnabled: true, digestOnClosedDays: true, digestTo: null });
    await db.enquiry.updateMany({ data: { status: "closed" } });
    const overdue = await enquiry("Olive Overdue", "olive.overdue@example.test");
    const waiting = await enquiry("Wanda Waiting", "wanda.waiting@example.test");
    const answered = await enquiry("Andy Answered", "andy.answered@example.test");
    const now = new Date("2031-01-08T09:00:00Z");
    await db.enquiry.update({ where: { reference: overdue }, data: { replyBy: new Date("2031-01-07T16:00:00Z") } });
    await db.enquiry.update({ where: { reference: waiting }, data: { replyBy: new Date("2031-01-08T12:30:00Z"), status: "in_progress" } });
    await db.enquiry.update({ where: { reference: answered }, data: { status: "replied" } });
    // The day before, the acknowledgement to Wanda was given up (her mail server refused it).
    await db.outboxEmail.updateMany({
      where: { enquiry: { reference: waiting }, kind: "collector_acknowledgement" },
      data: { status: "failed", lastError: "550 5.1.1 Mailbox unavailable", createdAt: new Date("2031-01-07T10:00:00Z") },
    });

    const outcome = await runDailyDigest(now);
    expect(outcome).toMatchObject({ outcome: "queued", day: "2031-01-08", waiting: 2, overdue: 1 });
    if (outcome.outcome !== "queued") throw new Error("not queued");
    const report = await deliverDueEmails({ ids: [outcome.emailId] });
    expect(report.sent).toBe(1);

    const digest = received().find((message) => message.subject.includes("enquiries waiting"))!;
    expect(digest.subject).toBe("1 overdue, 2 enquiries waiting · Wednesday 8 January 2031");
    expect(digest.to).toEqual(["enquiries@gallery.test"]);
    const text = digest.text;
    expect(text).toContain("2 enquiries are waiting for a reply from Bracebridge Fine Art; 1 is past the reply-by time.");
    // The overdue one under "Overdue", with how late and its link; the other under "Waiting".
    const overdueAt = text.indexOf("Overdue\n");
    const waitingAt = text.indexOf("Waiting, not yet due\n");
    expect(overdueAt).toBeGreaterThan(-1);
    expect(waitingAt).toBeGreaterThan(overdueAt);
    expect(text.slice(overdueAt, waitingAt)).toContain(`${overdue} · Olive Overdue · 42 Second Retreat from Russia · 17 h late`);
    expect(text.slice(overdueAt, waitingAt)).toContain(`https://gallery.test/staff/enquiries/${overdue}`);
    expect(text.slice(waitingAt)).toContain(`${waiting} · Wanda Waiting`);
    expect(text.slice(waitingAt)).toContain("due in 3 h 30 min");
    expect(text).not.toContain(answered);
    expect(digest.html).toContain(`href="https://gallery.test/staff/enquiries/${overdue}"`);
    // Staff are told what was not delivered, and where to send it again.
    expect(text).toContain("Not delivered\n1 email could not be delivered in the last 30 days");
    expect(text).toContain(`- ${waiting}: https://gallery.test/staff/enquiries/${waiting}`);

    // The digest names the collector: erasing their data takes the stored digest with it.
    await erasePersonalData("olive.overdue@example.test");
    expect(await db.outboxEmail.count({ where: { kind: "daily_digest", textBody: { contains: "Olive Overdue" } } })).toBe(0);
  });

  it("is queued exactly once when several processes ask at the same moment", async () => {
    await settings({ digestTime: "07:00", digestEnabled: true, digestOnClosedDays: true });
    await enquiry("Concurrent Carla", "carla.concurrent@example.test");
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => runDailyDigest(new Date("2031-01-09T07:05:00Z"))));
    expect(outcomes.filter((outcome) => outcome.outcome === "queued")).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.outcome === "done_already")).toHaveLength(5);
    expect(await db.outboxEmail.count({ where: { kind: "daily_digest", dedupeKey: "daily-digest:2031-01-09" } })).toBe(1);
  });

  it("keeps to opening days unless told otherwise, and stays quiet when turned off", async () => {
    const closedSundays = EVERY_DAY.map((hours, weekday) => (weekday === 0 ? null : hours));
    await settings({ digestTime: "08:00", digestEnabled: true, digestOnClosedDays: false, openingHours: closedSundays });
    // Sunday 12 January 2031.
    expect(await runDailyDigest(new Date("2031-01-12T10:00:00Z"))).toEqual({ outcome: "closed_day", day: "2031-01-12" });
    await settings({ holidays: [{ date: "2031-01-13", name: "Stocktaking" }] });
    expect(await runDailyDigest(new Date("2031-01-13T10:00:00Z"))).toEqual({ outcome: "closed_day", day: "2031-01-13" });
    await settings({ digestEnabled: false });
    expect(await runDailyDigest(new Date("2031-01-14T10:00:00Z"))).toEqual({ outcome: "off" });
    expect(await db.digestRun.count({ where: { day: { in: ["2031-01-12", "2031-01-13", "2031-01-14"] } } })).toBe(0);
  });
});
