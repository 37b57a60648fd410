import { afterEach, describe, expect, it, vi } from "vitest";
import { inject } from "vitest";
import { db } from "@/lib/db/client";
import { forgetStaleStagedImports, STAGED_IMPORT_KEPT_HOURS } from "@/lib/data/catalogue-import";
import {
  DIGEST_DAYS_KEPT,
  ENQUIRY_RETENTION_DAYS,
  forgetExpiredConnectionData,
  OTHER_EMAILS_KEPT_DAYS,
  purgeExpiredRecords,
  purgeOperationalRecords,
  SENT_EMAIL_WORDS_KEPT_DAYS,
} from "@/lib/data/enquiry-retention";

/*
 * A database aged by a simulated year: each day the rows a busy gallery site writes (limiter windows,
 * staff sessions and sign-in verifications, enquiries and their emails, spam, new-work mailings, the
 * digest, a staged import, an unconfirmed alert), each written "at" its day (the wall clock is faked),
 * then the day's scheduled jobs. At the end, and at mid-year, each table holds what its retention rule
 * allows and no more: what the site writes as it runs does not grow with time.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = new Date("2025-01-06T00:00:00Z").getTime();
// Days are written every other day (every fourth over libSQL's HTTP protocol, where each statement is a
// round trip): the suite's time is short, and each rule's bound is the same whatever the step.
const STEP_DAYS = inject("databaseMode") === "libsql" ? 4 : 2;
const YEAR_DAYS = 364;
const SPAM_KEPT_DAYS = 30; // the owner's default
const DIGEST_EMAILS_KEPT_DAYS = 30; // the owner's default

afterEach(() => {
  vi.useRealTimers();
});

async function writeADay(day: number) {
  const t = START + day * DAY;
  vi.setSystemTime(t + 9 * HOUR);
  const at = (hours: number) => new Date(t + hours * HOUR);
  await db.rateLimiterFlexible.createMany({
    data: Array.from({ length: 30 }, (_, index) => ({ key: `limit:${day}:${index}`, points: 1, expire: at(9 + 1 + (index % 24)) })),
  });
  await db.session.create({ data: { id: `session-${day}`, token: `token-${day}`, userId: "year-staff", expiresAt: at(9 + 7 * 24) } });
  await db.verification.create({ data: { id: `verification-${day}`, identifier: "sign-in", value: "x", expiresAt: at(9.25) } });
  if (day % 30 === 0) {
    await db.staffInvitation.create({
      data: {
        email: `new-${day}@gallery.test`,
        name: "New Colleague",
        role: "staff",
        tokenHash: `invitation-${day}`,
        expiresAt: at(9 + 7 * 24),
      },
    });
  }
  for (const [index, status] of [
    [0, "new"],
    [1, (day / STEP_DAYS) % 2 === 0 ? "spam" : "answered"],
  ] as const) {
    const enquiry = await db.enquiry.create({
      data: {
        reference: `ENQ-Y-${day}-${index}`,
        name: "A Collector",
        email: `collector-${day}-${index}@example.test`,
        message: "About the drawing",
        questions: [],
        consentedAt: at(9),
        status,
        clientIpHash: `hash-${day}-${index}`,
      },
    });
    await db.outboxEmail.createMany({
      data: ["gallery_notification", "collector_acknowledgement"].map((kind) => ({
        kind,
        enquiryId: enquiry.id,
        toAddress: "someone@example.test",
        fromAddress: "website@gallery.test",
        subject: `About ENQ-Y-${day}-${index}`,
        textBody: "The words of the email",
        htmlBody: "<p>The words of the email</p>",
        status: "sent",
        sentAt: at(9),
      })),
    });
  }
  await db.outboxEmail.createMany({
    data: Array.from({ length: 5 }, (_, index) => ({
      kind: "new_works",
      toAddress: `reader-${index}@example.test`,
      fromAddress: "website@gallery.test",
      subject: "New works",
      textBody: "x",
      htmlBody: "x",
      status: "sent",
      sentAt: at(9),
    })),
  });
  const digest = await db.outboxEmail.create({
    data: {
      kind: "daily_digest",
      toAddress: "g@gallery.test",
      fromAddress: "w@gallery.test",
      subject: "Digest",
      textBody: "x",
      htmlBody: "x",
      status: "sent",
      sentAt: at(9),
    },
  });
  await db.digestRun.create({ data: { day: new Date(t).toISOString().slice(0, 10), waiting: 1, overdue: 0, emailId: digest.id } });
  await db.stagedImport.create({
    data: {
      id: `staged-${day}`,
      fileName: "works.csv",
      content: Buffer.from("a,b\n"),
      target: "new",
      newExhibitionTitle: "x",
      stagedById: "year-staff",
    },
  });
  await db.newWorkAlert.create({
    data: {
      email: `maybe-${day}@example.test`,
      scope: "artist",
      criteriaKey: `artist:${day}`,
      confirmTokenHash: `alert-${day}`,
      confirmBy: at(9 + 48),
    },
  });
}

/** The jobs of a day, as the outbox loop runs them (and Vercel Cron calls their routes). */
async function runTheDaysJobs(day: number) {
  const now = new Date(START + day * DAY + 23 * HOUR);
  vi.setSystemTime(now);
  await forgetExpiredConnectionData(now);
  await forgetStaleStagedImports(now);
  await purgeExpiredRecords(now);
  await purgeOperationalRecords(now);
  return now;
}

async function tableSizes(now: Date) {
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);
  return {
    limiterRows: await db.rateLimiterFlexible.count(),
    expiredLimiterRows: await db.rateLimiterFlexible.count({ where: { expire: { lt: now } } }),
    sessions: await db.session.count(),
    verifications: await db.verification.count(),
    invitations: await db.staffInvitation.count(),
    stagedImports: await db.stagedImport.count(),
    unconfirmedAlerts: await db.newWorkAlert.count({ where: { confirmedAt: null } }),
    digestDays: await db.digestRun.count(),
    digestEmails: await db.outboxEmail.count({ where: { kind: "daily_digest" } }),
    newWorksEmails: await db.outboxEmail.count({ where: { kind: "new_works" } }),
    spam: await db.enquiry.count({ where: { status: "spam" } }),
    oldSpam: await db.enquiry.count({ where: { status: "spam", updatedAt: { lt: daysAgo(SPAM_KEPT_DAYS) } } }),
    enquiryEmailsWithWords: await db.outboxEmail.count({ where: { enquiryId: { not: null }, textBody: { not: "" } } }),
    addressesKept: await db.enquiry.count({ where: { clientIpHash: { not: null } } }),
  };
}

describe("a year of the site's own records", () => {
  it("keeps every table within what its retention rule allows, the same at mid-year as at the end", { timeout: 120_000 }, async () => {
    await db.user.create({ data: { id: "year-staff", name: "Year Staff", email: "year@gallery.test", role: "owner" } });
    // Enquiries older than the two years the privacy notice promises, written before the year began.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(START - (ENQUIRY_RETENTION_DAYS + 30) * DAY);
    await db.enquiry.create({
      data: {
        reference: "ENQ-2022-000001",
        name: "Long Ago",
        email: "long-ago@example.test",
        message: "x",
        questions: [],
        consentedAt: new Date(),
      },
    });

    let midYear: Awaited<ReturnType<typeof tableSizes>> | null = null;
    let now = new Date(START);
    for (let day = 0; day <= YEAR_DAYS; day += STEP_DAYS) {
      await writeADay(day);
      now = await runTheDaysJobs(day);
      if (midYear === null && day >= YEAR_DAYS / 2) midYear = await tableSizes(now);
    }
    const end = await tableSizes(now);
    const perDay = 1 / STEP_DAYS; // the share of days that were written

    // Kept no longer than their windows: at most the rows of the windows still open.
    expect(end.expiredLimiterRows).toBe(0);
    expect(end.limiterRows).toBeLessThanOrEqual(30);
    expect(end.sessions).toBeLessThanOrEqual(Math.ceil(7 * perDay) + 1);
    expect(end.verifications).toBe(0);
    expect(end.invitations).toBeLessThanOrEqual(2);
    expect(end.stagedImports).toBeLessThanOrEqual(Math.ceil(STAGED_IMPORT_KEPT_HOURS / 24));
    expect(end.unconfirmedAlerts).toBeLessThanOrEqual(2);
    expect(end.addressesKept).toBe(0);
    // Kept for their periods.
    expect(end.digestDays).toBeLessThanOrEqual(Math.ceil(DIGEST_DAYS_KEPT * perDay) + 1);
    expect(end.digestDays).toBeGreaterThanOrEqual(Math.floor(DIGEST_DAYS_KEPT * perDay) - 1);
    expect(end.digestEmails).toBeLessThanOrEqual(Math.ceil(DIGEST_EMAILS_KEPT_DAYS * perDay) + 1);
    expect(end.newWorksEmails).toBeLessThanOrEqual(5 * (Math.ceil(OTHER_EMAILS_KEPT_DAYS * perDay) + 1));
    expect(end.oldSpam).toBe(0);
    expect(end.enquiryEmailsWithWords).toBeLessThanOrEqual(4 * (Math.ceil(SENT_EMAIL_WORDS_KEPT_DAYS * perDay) + 1));
    // What is not past its time is all there: every enquiry of the year that is not spam, and none older
    // than the two years.
    const written = Math.floor(YEAR_DAYS / STEP_DAYS) + 1;
    const answeredDays = Array.from({ length: written }, (_, index) => index).filter((index) => index % 2 === 1).length;
    expect(await db.enquiry.count({ where: { status: { not: "spam" } } })).toBe(written + answeredDays);
    expect(await db.enquiry.count({ where: { reference: "ENQ-2022-000001" } })).toBe(0);

    // Bounded, not merely slow to grow: at the end of the year no table holds more than at mid-year.
    for (const table of Object.keys(end) as Array<keyof typeof end>) {
      expect(end[table], table).toBeLessThanOrEqual(midYear![table] + (table === "limiterRows" ? 0 : 1));
    }
  });
});
