import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ENQUIRY_RETENTION_DAYS, forgetExpiredConnectionData, purgeExpiredRecords } from "@/lib/data/enquiry-retention";
import { saveRetentionSettings } from "@/lib/data/staff/settings";
import { createStaffAccount } from "@/lib/data/staff-accounts";
import type { StaffMember } from "@/lib/staff/roles";
import { storedOutboxEmail } from "./support/outbox-rows";

const DAY = 86_400_000;

async function enquiry(reference: string, lastTouched: Date, status = "new") {
  const created = await db.enquiry.create({
    data: {
      status,
      reference,
      name: "Old Collector",
      email: `${reference}@example.test`,
      message: "hello",
      questions: [],
      consentedAt: lastTouched,
      createdAt: lastTouched,
    },
  });
  await db.outboxEmail.create({
    data: {
      enquiryId: created.id,
      kind: "gallery_notification",
      toAddress: "g@example.test",
      fromAddress: "w@example.test",
      subject: reference,
      textBody: "x",
      htmlBody: "x",
      status: "sent",
    },
  });
  // updatedAt is set by Prisma on every write; age it as if nothing had happened since.
  await db.$executeRawUnsafe(`UPDATE "Enquiry" SET "updatedAt" = ? WHERE "id" = ?`, lastTouched.toISOString(), created.id);
  return created.id;
}

describe("enquiry retention", () => {
  it("deletes enquiries untouched for two years, with their emails, and keeps the rest", async () => {
    const now = new Date("2026-11-25T12:00:00Z");
    const expired = await enquiry("ENQ-2024-000001", new Date(now.getTime() - (ENQUIRY_RETENTION_DAYS + 1) * DAY));
    const recent = await enquiry("ENQ-2025-000002", new Date(now.getTime() - 30 * DAY));
    const oldButDiscussed = await enquiry("ENQ-2024-000003", new Date(now.getTime() - (ENQUIRY_RETENTION_DAYS + 5) * DAY));
    await db.enquiryNote.create({
      data: { enquiryId: oldButDiscussed, body: "Still in touch about this one", createdAt: new Date(now.getTime() - 10 * DAY) },
    });

    expect(await purgeExpiredRecords(now)).toEqual({ enquiries: 1, spam: 0, digestEmails: 0, sentEmailWords: 0 });
    expect(await db.enquiry.findUnique({ where: { id: expired } })).toBeNull();
    expect(await db.outboxEmail.count({ where: { enquiryId: expired } })).toBe(0);
    expect(await db.enquiry.findUnique({ where: { id: recent } })).not.toBeNull();
    expect(await db.enquiry.findUnique({ where: { id: oldButDiscussed } })).not.toBeNull();
  });

  it("deletes spam and sent digest emails after the owner's periods (30 days unless changed), never a digest still to go", async () => {
    const now = new Date("2026-11-25T12:00:00Z");
    const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);
    const oldSpam = await enquiry("ENQ-2026-000201", daysAgo(31), "spam");
    const newSpam = await enquiry("ENQ-2026-000202", daysAgo(20), "spam");
    const oldReal = await enquiry("ENQ-2026-000203", daysAgo(200));
    const digest = (subject: string, status: string, createdAt: Date) =>
      storedOutboxEmail({ kind: "daily_digest", subject, status, createdAt });
    const oldSent = await digest("old sent", "sent", daysAgo(31));
    const oldWaiting = await digest("old, still to go", "pending", daysAgo(31));
    const recentSent = await digest("recent sent", "sent", daysAgo(3));
    await db.digestRun.create({ data: { day: "2026-10-25", waiting: 2, overdue: 1, emailId: oldSent.id } });

    expect(await purgeExpiredRecords(now)).toEqual({ enquiries: 0, spam: 1, digestEmails: 1, sentEmailWords: 0 });
    expect(await db.enquiry.findUnique({ where: { id: oldSpam } })).toBeNull();
    expect(await db.outboxEmail.count({ where: { enquiryId: oldSpam } })).toBe(0);
    expect(await db.enquiry.findUnique({ where: { id: newSpam } })).not.toBeNull();
    expect(await db.enquiry.findUnique({ where: { id: oldReal } })).not.toBeNull();
    expect(
      (await db.outboxEmail.findMany({ where: { kind: "daily_digest" }, select: { id: true } })).map((email) => email.id).sort(),
    ).toEqual([oldWaiting.id, recentSent.id].sort());
    // The day's counts stay in the settings page's list; only the email, with its names and addresses, goes.
    expect(await db.digestRun.findUniqueOrThrow({ where: { day: "2026-10-25" } })).toMatchObject({ waiting: 2, emailId: null });

    // An owner who keeps spam for a week, and digests for two months: the twenty-day-old spam goes too.
    const owner = await createStaffAccount({
      email: "owner@retention.test",
      name: "Owner",
      password: "an owner's long password",
      role: "owner",
    });
    await saveRetentionSettings({ id: owner.id, role: "owner", name: "Owner", email: owner.email } satisfies StaffMember, {
      spamKeptDays: 7,
      digestEmailsKeptDays: 60,
    });
    expect(await purgeExpiredRecords(now)).toEqual({ enquiries: 0, spam: 1, digestEmails: 0, sentEmailWords: 0 });
    expect(await db.enquiry.findUnique({ where: { id: newSpam } })).toBeNull();
    expect(await db.activityEntry.count({ where: { subjectId: "retention" } })).toBe(2);
  });

  it("keeps a sent email's words a week (a staff reply's for as long as its enquiry), then only its envelope", async () => {
    const now = new Date("2026-11-25T12:00:00Z");
    const id = await enquiry("ENQ-2026-000301", new Date(now.getTime() - 30 * DAY));
    const sent = (kind: string, status: string, sentDaysAgo: number | null) =>
      db.outboxEmail.create({
        data: {
          enquiryId: id,
          kind,
          toAddress: "c@example.test",
          fromAddress: "w@example.test",
          subject: `${kind} ${status}`,
          textBody: "Dear Collector, about the drawing…",
          htmlBody: "<p>Dear Collector</p>",
          calendar: kind === "viewing_confirmation" ? "BEGIN:VCALENDAR" : null,
          status,
          sentAt: sentDaysAgo === null ? null : new Date(now.getTime() - sentDaysAgo * DAY),
        },
      });
    const oldAcknowledgement = await sent("collector_acknowledgement", "sent", 8);
    const oldViewing = await sent("viewing_confirmation", "sent", 9);
    const oldReply = await sent("staff_reply", "sent", 20);
    const recentAcknowledgement = await sent("collector_acknowledgement", "sent", 2);
    const failed = await sent("gallery_notification", "failed", null);

    expect((await purgeExpiredRecords(now)).sentEmailWords).toBe(2);
    const read = (email: { id: string }) => db.outboxEmail.findUniqueOrThrow({ where: { id: email.id } });
    expect(await read(oldAcknowledgement)).toMatchObject({
      textBody: "",
      htmlBody: "",
      subject: "collector_acknowledgement sent",
      status: "sent",
    });
    expect(await read(oldViewing)).toMatchObject({ textBody: "", calendar: null });
    expect((await read(oldReply)).textBody).toBe("Dear Collector, about the drawing…");
    expect((await read(recentAcknowledgement)).textBody).toBe("Dear Collector, about the drawing…");
    // One that never went keeps its words, to be sent again from the enquiry's page.
    expect((await read(failed)).textBody).toBe("Dear Collector, about the drawing…");
    expect((await purgeExpiredRecords(now)).sentEmailWords).toBe(0);
  });

  it("forgets connection fingerprints after an hour, as the notice says, and limiter rows whose window has ended", async () => {
    const now = new Date("2026-11-25T12:00:00Z");
    const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
    const fingerprinted = (reference: string, createdAt: Date) =>
      db.enquiry.create({
        data: {
          reference,
          name: "C",
          email: `${reference}@example.test`,
          message: "hi",
          questions: [],
          consentedAt: createdAt,
          createdAt,
          clientIpHash: "f".repeat(40),
        },
      });
    const old = await fingerprinted("ENQ-2026-000101", minutesAgo(75));
    const recent = await fingerprinted("ENQ-2026-000102", minutesAgo(10));
    await db.rateLimiterFlexible.createMany({
      data: [
        { key: "enquiry-ip:ended", points: 3, expire: minutesAgo(1) },
        { key: "enquiry-ip:running", points: 1, expire: new Date(now.getTime() + 30 * 60_000) },
      ],
    });

    // An inbound webhook's tokens are kept a day against replays, then forgotten.
    await db.inboundWebhookToken.createMany({
      data: [
        { token: "used-two-days-ago", receivedAt: minutesAgo(48 * 60) },
        { token: "used-an-hour-ago", receivedAt: minutesAgo(60) },
      ],
    });

    // A new-work alert asked for and never confirmed goes once its link has run out; a confirmed one stays.
    const alert = (email: string, confirmed: boolean) => ({
      email,
      scope: "artist",
      criteriaKey: "artist:test-artist:any",
      confirmBy: minutesAgo(5),
      confirmedAt: confirmed ? minutesAgo(60) : null,
    });
    await db.newWorkAlert.createMany({ data: [alert("never.pressed@example.test", false), alert("pressed@example.test", true)] });

    expect(await forgetExpiredConnectionData(now)).toEqual({ addresses: 1, limiterRows: 1, webhookTokens: 1, unconfirmedAlerts: 1 });
    expect((await db.newWorkAlert.findMany({ select: { email: true } })).map((row) => row.email)).toEqual(["pressed@example.test"]);
    expect((await db.inboundWebhookToken.findMany({ select: { token: true } })).map((row) => row.token)).toEqual(["used-an-hour-ago"]);
    expect((await db.enquiry.findUniqueOrThrow({ where: { id: old.id } })).clientIpHash).toBeNull();
    expect((await db.enquiry.findUniqueOrThrow({ where: { id: recent.id } })).clientIpHash).toBe("f".repeat(40));
    expect((await db.rateLimiterFlexible.findMany({ select: { key: true } })).map((row) => row.key)).toEqual(["enquiry-ip:running"]);
  });
});
