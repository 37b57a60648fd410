import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { queueEmail } from "@/lib/data/outbox";
import { startMailCatcher, type MailCatcher } from "@/scripts/support/mail-catcher";

let catcher: MailCatcher;

beforeAll(async () => {
  catcher = await startMailCatcher();
  Object.assign(process.env, {
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(catcher.port),
    SMTP_IGNORE_TLS: "true",
    SMTP_TIMEOUT_MS: "2000",
    GALLERY_EMAIL: "enquiries@gallery.test",
    MAIL_FROM: "website@gallery.test",
    SITE_URL: "https://gallery.test",
  });
});

afterAll(async () => {
  await catcher.close();
});

/** A process's own copy of the delivery module and its state: stopping one process leaves the next one sending. */
async function aProcess() {
  vi.resetModules();
  delete (globalThis as { galleryDeliveryState?: unknown }).galleryDeliveryState;
  return import("@/lib/jobs/outbox-delivery");
}

describe("a process told to stop (a deploy's SIGTERM) while it sends", () => {
  it("finishes the email it is sending, hands the rest back at once, and the next process sends each exactly once", async () => {
    const subjects = Array.from({ length: 6 }, (_, index) => `Stopping delivery ${index + 1}`);
    for (const subject of subjects) {
      await queueEmail({
        kind: "gallery_notification",
        to: "g@gallery.test",
        from: "w@gallery.test",
        replyTo: null,
        subject,
        text: "x",
        html: "x",
      });
    }
    const stopping = await aProcess();
    const hold = catcher.holdAnswers();
    const delivery = stopping.deliverDueEmails();
    // The first email has reached the mail server, which has not yet answered: the send is under way.
    await expect.poll(() => catcher.messages.length, { timeout: 10_000 }).toBe(1);
    expect(await db.outboxEmail.count({ where: { status: "sending" } })).toBe(6);

    const stop = stopping.stopDelivering(5_000);
    setTimeout(() => hold.release(), 200);
    expect(await stop).toEqual({ released: 5, unfinished: 0 });
    expect(await delivery).toMatchObject({ claimed: 6, sent: 1, released: 5 });

    const rows = await db.outboxEmail.findMany({ orderBy: { subject: "asc" } });
    expect(rows.map((row) => row.status)).toEqual(["sent", "pending", "pending", "pending", "pending", "pending"]);
    for (const row of rows.slice(1)) {
      // Due now for any other sender, not when a two-minute claim runs out, and not counted as a try.
      expect(row).toMatchObject({ claimToken: null, claimedUntil: null, attempts: 0, lastError: null });
      expect(row.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    }
    // Stopped, it claims nothing more.
    expect(await stopping.deliverDueEmails()).toMatchObject({ claimed: 0 });

    const next = await aProcess();
    expect(await next.deliverDueEmails()).toMatchObject({ claimed: 5, sent: 5 });
    expect(catcher.messages.map((message) => message.subject).sort()).toEqual(subjects);
  });

  it("leaves an email claimed when its send outlasts the stop, since the mail server may already have it", async () => {
    await queueEmail({
      kind: "gallery_notification",
      to: "g@gallery.test",
      from: "w@gallery.test",
      replyTo: null,
      subject: "Slow",
      text: "x",
      html: "x",
    });
    const stopping = await aProcess();
    const hold = catcher.holdAnswers();
    const delivery = stopping.deliverDueEmails();
    await expect.poll(() => catcher.messages.some((message) => message.subject === "Slow"), { timeout: 10_000 }).toBe(true);
    expect(await stopping.stopDelivering(100)).toEqual({ released: 0, unfinished: 1 });
    expect(await db.outboxEmail.findFirstOrThrow({ where: { subject: "Slow" } })).toMatchObject({ status: "sending" });
    hold.release();
    expect(await delivery).toMatchObject({ sent: 1 });
  });
});
