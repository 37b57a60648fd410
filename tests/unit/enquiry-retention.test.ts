import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ENQUIRY_RETENTION_DAYS, forgetExpiredConnectionData, purgeExpiredEnquiries } from "@/lib/data/enquiry-retention";

const DAY = 86_400_000;

async function enquiry(reference: string, lastTouched: Date) {
  const created = await db.enquiry.create({
    data: {
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

    expect(await purgeExpiredEnquiries(now)).toBe(1);
    expect(await db.enquiry.findUnique({ where: { id: expired } })).toBeNull();
    expect(await db.outboxEmail.count({ where: { enquiryId: expired } })).toBe(0);
    expect(await db.enquiry.findUnique({ where: { id: recent } })).not.toBeNull();
    expect(await db.enquiry.findUnique({ where: { id: oldButDiscussed } })).not.toBeNull();
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

    expect(await forgetExpiredConnectionData(now)).toEqual({ addresses: 1, limiterRows: 1 });
    expect((await db.enquiry.findUniqueOrThrow({ where: { id: old.id } })).clientIpHash).toBeNull();
    expect((await db.enquiry.findUniqueOrThrow({ where: { id: recent.id } })).clientIpHash).toBe("f".repeat(40));
    expect((await db.rateLimiterFlexible.findMany({ select: { key: true } })).map((row) => row.key)).toEqual(["enquiry-ip:running"]);
  });
});
