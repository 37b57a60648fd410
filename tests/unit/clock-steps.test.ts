import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { runDailyDigest } from "@/lib/data/daily-digest";
import { submitEnquiry } from "@/lib/enquiry-intake/submit-enquiry";
import { startOutboxLoop } from "@/lib/jobs/background-sweeper";
import { deliverDueEmails } from "@/lib/jobs/outbox-delivery";
import { enquiryForm } from "./support/enquiry-helpers";
import { seededGalleryWithMail } from "./support/seeded-gallery-with-mail";

/*
 * The system clock stepped back an hour and forward a day, as NTP or a person setting it by hand does:
 * the wall clock (Date) is faked and moved (to days before the real one, so that what is queued is due); the
 * monotonic clock and the timers run as they do.
 */
const received = seededGalleryWithMail({ GALLERY_TIME_ZONE: "Europe/London" });

const setClock = (iso: string) => vi.setSystemTime(new Date(iso));

afterEach(() => {
  vi.useRealTimers();
});

async function digestAt(time: string) {
  await db.gallerySettings.update({ where: { id: 1 }, data: { digestEnabled: true, digestTime: time, digestOnClosedDays: true } });
}

describe("a clock that steps", () => {
  it("sends exactly one digest per gallery day, stepped back an hour and forward a day", async () => {
    await digestAt("08:00");
    await submitEnquiry(enquiryForm({ name: "Wendy Waiting", email: "wendy@example.test", message: "Still waiting for an answer" }), {
      clientIp: "198.51.100.61",
    });
    vi.useFakeTimers({ toFake: ["Date"] });

    setClock("2026-11-10T09:00:00Z");
    expect(await runDailyDigest()).toMatchObject({ outcome: "queued", day: "2026-11-10" });
    // Set back an hour, then another half: the day's digest is not sent again, nor early.
    setClock("2026-11-10T08:00:00Z");
    expect(await runDailyDigest()).toEqual({ outcome: "done_already", day: "2026-11-10" });
    setClock("2026-11-10T07:30:00Z");
    expect(await runDailyDigest()).toEqual({ outcome: "not_yet", at: "08:00" });
    // Forward a day: that day's digest, once.
    setClock("2026-11-11T08:30:00Z");
    expect(await runDailyDigest()).toMatchObject({ outcome: "queued", day: "2026-11-11" });
    setClock("2026-11-11T07:31:00Z");
    expect(await runDailyDigest()).toEqual({ outcome: "not_yet", at: "08:00" });
    setClock("2026-11-11T08:05:00Z");
    expect(await runDailyDigest()).toEqual({ outcome: "done_already", day: "2026-11-11" });

    vi.useRealTimers();
    await deliverDueEmails();
    // Two emails, one for each day, each sent once.
    const digests = received().filter((message) => / waiting · /.test(message.subject));
    expect(digests.map((message) => message.subject.split(" · ")[1]).sort()).toEqual([
      "Tuesday 10 November 2026",
      "Wednesday 11 November 2026",
    ]);
    expect(await db.digestRun.findMany({ select: { day: true }, orderBy: { day: "asc" } })).toEqual([
      { day: "2026-11-10" },
      { day: "2026-11-11" },
    ]);
  });

  it("keeps the outbox loop's own schedule: set back an hour, the digest still goes at its next check, not an hour later", async () => {
    await db.digestRun.deleteMany({});
    await db.gallerySettings.update({ where: { id: 1 }, data: { digestEnabled: false } });
    vi.useFakeTimers({ toFake: ["Date"] });
    setClock("2026-11-12T09:00:00Z");
    const loop = startOutboxLoop(50, { keepProcessAlive: false, digestCheckEveryMs: 300 });
    try {
      // The first pass has looked at the (disabled) digest; then the clock is set back an hour.
      await new Promise((resolve) => setTimeout(resolve, 500));
      setClock("2026-11-12T08:00:00Z");
      await digestAt("07:00");
      // Judged by the wall clock before, the next check was an hour away.
      await expect.poll(() => db.digestRun.count(), { timeout: 5_000 }).toBe(1);
      expect(await db.digestRun.findFirst({ select: { day: true } })).toEqual({ day: "2026-11-12" });
    } finally {
      await loop.stop();
    }
  });

  it("acknowledges a collector whose form was shown before the clock was set back, instead of flagging them as too fast", async () => {
    // The page was shown at 10:00; the clock was then set back an hour; they send it two minutes later.
    vi.useFakeTimers({ toFake: ["Date"] });
    setClock("2026-11-13T10:00:00Z");
    const form = enquiryForm({ name: "Tess Timely", email: "tess@example.test", message: "A question about the drawing" }, 0);
    setClock("2026-11-13T09:02:00Z");
    const { state } = await submitEnquiry(form, { clientIp: "198.51.100.62" });
    vi.useRealTimers();
    expect(state.status).toBe("sent");
    const stored = await db.enquiry.findUniqueOrThrow({ where: { reference: state.reference! }, include: { emails: true } });
    expect(stored).toMatchObject({ flagged: false, flagReasons: null });
    expect(stored.emails.map((email) => email.kind).sort()).toEqual(["collector_acknowledgement", "gallery_notification"]);
  });
});
