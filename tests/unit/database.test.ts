import { describe, expect, inject, it } from "vitest";
import { databaseKind } from "@/lib/db/adapter";
import { storeEnquiryWithEmails, type NewEnquiry } from "@/lib/data/enquiries";
import type { OutgoingEmail } from "@/lib/emails/outgoing-email";
import { db, sqlTimestamp, writeTransaction } from "@/lib/db/client";
import { databaseUrl } from "@/lib/env";

/** An enquiry for the store, as submitEnquiry would pass it. */
function newEnquiry(fields: Pick<NewEnquiry, "submissionKey" | "name" | "email" | "message" | "now">): NewEnquiry {
  return { artworkId: null, artworkSnapshot: null, phone: null, questions: [], shippingCountry: null, clientIpHash: null, ...fields };
}

function email(dedupeKey: string) {
  return {
    kind: "collector_acknowledgement",
    dedupeKey,
    toAddress: "same@example.test",
    fromAddress: "website@gallery.test",
    subject: "Thank you",
    textBody: "text",
    htmlBody: "<p>html</p>",
  };
}

describe("the database this suite runs on", () => {
  it("is the one the run asked for: a local file, or a libSQL server over HTTP", () => {
    expect(databaseKind(databaseUrl())).toBe(inject("databaseMode") === "libsql" ? "libsql" : "sqlite-file");
  });

  it("rolls an interactive transaction back whole when a statement in it fails", async () => {
    const before = await db.outboxEmail.count();
    await expect(
      db.$transaction(async (tx) => {
        await tx.outboxEmail.create({ data: email("rollback-1") });
        await tx.outboxEmail.create({ data: email("rollback-1") });
      }),
    ).rejects.toThrow();
    expect(await db.outboxEmail.count()).toBe(before);
  });

  it("keeps each of several simultaneous write transactions whole or not at all: one that fails takes none of the others with it", async () => {
    const key = (n: number) => `together-${n}`;
    const insert = (n: number) =>
      writeTransaction(async (sql) => {
        await sql.run(
          `INSERT INTO "OutboxEmail" ("id", "kind", "dedupeKey", "toAddress", "fromAddress", "subject", "textBody", "htmlBody", "createdAt", "updatedAt", "nextAttemptAt")
           VALUES (?, 'collector_acknowledgement', ?, 'same@example.test', 'website@gallery.test', 'Thank you', 'text', '<p>html</p>', ?, ?, ?)`,
          [`together-id-${n}`, key(n), sqlTimestamp(new Date()), sqlTimestamp(new Date()), sqlTimestamp(new Date())],
        );
        if (n === 2) throw new Error("the second changes its mind after writing");
        return n;
      });
    const outcomes = await Promise.allSettled([1, 2, 3].map(insert));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const kept = await db.outboxEmail.findMany({ where: { dedupeKey: { startsWith: "together-" } }, select: { dedupeKey: true } });
    expect(kept.map((row) => row.dedupeKey).sort()).toEqual([key(1), key(3)]);
  });

  it("stores each of 30 simultaneous enquiries once, with exactly one acknowledgement for one address that day", async () => {
    const now = new Date();
    const acknowledgement = (n: number): OutgoingEmail[] => [
      {
        kind: "collector_acknowledgement",
        to: "busy@example.test",
        from: "website@gallery.test",
        replyTo: null,
        dedupeKey: "ack:busy@example.test:day",
        render: (reference) => ({ subject: `Ack ${reference} ${n}`, text: "t", html: "h" }),
      },
      {
        kind: "gallery_notification",
        to: "gallery@gallery.test",
        from: "website@gallery.test",
        replyTo: "busy@example.test",
        render: (reference) => ({ subject: reference, text: "t", html: "h" }),
      },
    ];
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, n) =>
        storeEnquiryWithEmails(
          newEnquiry({ submissionKey: `parallel-${n}`, name: "Busy Collector", email: "busy@example.test", message: `Enquiry ${n}`, now }),
          () => ({ flagReasons: [], emails: acknowledgement(n) }),
        ).then((outcome) => {
          if (outcome.refused) throw new Error("No limits were given, so nothing may be refused");
          return outcome;
        }),
      ),
    );
    expect(new Set(results.map((result) => result.reference)).size).toBe(30);
    expect(results.filter((result) => result.acknowledged)).toHaveLength(1);
    expect(await db.enquiry.count({ where: { email: "busy@example.test" } })).toBe(30);
    expect(await db.outboxEmail.count({ where: { dedupeKey: "ack:busy@example.test:day" } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { kind: "gallery_notification", replyTo: "busy@example.test" } })).toBe(30);
  });
});

describe("the enquiry's rate-limit counters, kept in the enquiry's own transaction", () => {
  const limits = (email: string) => ({
    windowSeconds: 3600,
    perConnection: { key: `enquiry-ip:window-${email}`, points: 2 },
    perEmail: { key: `enquiry-email:${email}`, points: 5 },
  });
  const store = (email: string, n: number, now: Date) =>
    storeEnquiryWithEmails(
      newEnquiry({ submissionKey: `window-${email}-${n}`, name: "Counted", email, message: `Enquiry ${n}`, now }),
      ({ connectionCount }) => ({ flagReasons: [`connection count ${connectionCount}`], emails: [] }),
      limits(email),
    );

  it("refuses past the allowance with the time left in the window, stores nothing for it, and starts again after the window", async () => {
    const start = new Date("2026-11-25T10:00:00Z");
    const first = await store("counted@example.test", 1, start);
    const second = await store("counted@example.test", 2, new Date(start.getTime() + 60_000));
    const third = await store("counted@example.test", 3, new Date(start.getTime() + 120_000));
    expect(first).toMatchObject({ refused: false, duplicate: false });
    expect(second).toMatchObject({ refused: false });
    expect(third).toEqual({ refused: true, retryAfterSeconds: 3600 - 120 });
    expect(
      await db.enquiry.findMany({ where: { email: "counted@example.test" }, select: { flagReasons: true }, orderBy: { id: "asc" } }),
    ).toEqual([{ flagReasons: "connection count 1" }, { flagReasons: "connection count 2" }]);
    const afterTheWindow = await store("counted@example.test", 4, new Date(start.getTime() + 3_601_000));
    expect(afterTheWindow).toMatchObject({ refused: false });
    expect(await db.enquiry.count({ where: { email: "counted@example.test" } })).toBe(3);
  });

  it("answers a repeated submission with the stored reference without counting it again", async () => {
    const now = new Date("2026-11-25T12:00:00Z");
    const first = await store("repeat@example.test", 1, now);
    const again = await store("repeat@example.test", 1, now);
    const again2 = await store("repeat@example.test", 1, now);
    expect(first.refused || again.refused || again2.refused).toBe(false);
    expect(again).toMatchObject({ duplicate: true, reference: (first as { reference: string }).reference });
    expect(await db.rateLimiterFlexible.findUnique({ where: { key: "enquiry-email:repeat@example.test" } })).toMatchObject({ points: 1 });
  });
});
