import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ENQUIRY_RETENTION_DAYS, purgeExpiredEnquiries } from "@/lib/data/enquiry-retention";

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
});
