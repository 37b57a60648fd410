import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { runDailyDigest } from "@/lib/data/daily-digest";
import { endExpiredHolds } from "@/lib/data/holds";
import { claimDueEmails, renewClaim } from "@/lib/data/outbox";
import { placeHold } from "@/lib/data/staff/holds";
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
const HOUR = 3_600_000;

/** An enquiry's two emails (to the gallery, to the collector), queued and not yet sent. */
async function queuedEnquiryEmails(name: string, clientIp: string): Promise<{ reference: string; ids: string[] }> {
  const { state } = await submitEnquiry(
    enquiryForm({ name, email: `${name.split(" ")[0]!.toLowerCase()}@example.test`, message: "About the drawing" }),
    {
      clientIp,
    },
  );
  const emails = await db.outboxEmail.findMany({ where: { enquiry: { reference: state.reference! } }, select: { id: true } });
  return { reference: state.reference!, ids: emails.map((email) => email.id) };
}

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

  it("sends an email claimed by a sweeper that died before the clock was set back an hour at the next sweep, not an hour later, and once", async () => {
    const { reference, ids } = await queuedEnquiryEmails("Lena Lease", "198.51.100.63");
    const claimedAt = Date.now() + HOUR;
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(claimedAt);
    // A sweeper claims both for its two minutes and dies before sending; then the clock goes back an hour.
    const dead = await claimDueEmails(new Date(), ids, 10, 2 * 60_000);
    expect(dead).toHaveLength(2);
    vi.setSystemTime(claimedAt - HOUR);
    // Judged by its end alone, the claim would hold for another 62 minutes.
    expect(await deliverDueEmails({ ids })).toMatchObject({ claimed: 2, sent: 2, lost: 0 });
    vi.useRealTimers();
    expect(await renewClaim(dead[0]!, new Date(Date.now() + 60_000))).toBe(false);
    expect(received().filter((message) => message.subject.includes(reference))).toHaveLength(2);
  });

  it("renews a claim before sending when the clock went back since it was made, so an email another sweeper may take is sent only if still ours", async () => {
    const { reference, ids } = await queuedEnquiryEmails("Rhea Renewal", "198.51.100.64");
    // A renewal is the one write that leaves an email 'sending': counted by a trigger.
    await db.$executeRawUnsafe(`CREATE TABLE "StepRenewal" ("emailId" TEXT NOT NULL)`);
    await db.$executeRawUnsafe(
      `CREATE TRIGGER "count_step_renewals" AFTER UPDATE OF "claimedUntil" ON "OutboxEmail"
       WHEN OLD."status" = 'sending' AND NEW."status" = 'sending'
       BEGIN INSERT INTO "StepRenewal" VALUES (NEW."id"); END`,
    );
    try {
      // Claimed at one moment; by the first send the clock reads an hour earlier.
      const claimedAt = Date.now();
      let reads = 0;
      const clock = () => new Date(reads++ === 0 ? claimedAt : claimedAt - HOUR);
      expect(await deliverDueEmails({ ids, clock })).toMatchObject({ claimed: 2, sent: 2, lost: 0 });
      const renewals = await db.$queryRawUnsafe<{ emailId: string }[]>(`SELECT "emailId" FROM "StepRenewal"`);
      expect(renewals.map((row) => row.emailId).sort()).toEqual([...ids].sort());
      expect(received().filter((message) => message.subject.includes(reference))).toHaveLength(2);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER "count_step_renewals"`);
      await db.$executeRawUnsafe(`DROP TABLE "StepRenewal"`);
    }
  });

  it("ends a hold when the clock passes its time, once, and never brings it back when the clock is set back", async () => {
    await db.user.create({ data: { id: "clock-staff", name: "Clara Clock", email: "clara@gallery.test", role: "staff" } });
    const staff = { id: "clock-staff", name: "Clara Clock", email: "clara@gallery.test", role: "staff" } as const;
    const gossips = await db.artwork.findUniqueOrThrow({ where: { slug: "69-gossips" } });
    const placedAt = Date.now() + 2 * 24 * HOUR;
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(placedAt);
    const heldUntil = new Date(placedAt + 2 * HOUR);
    expect(
      await placeHold(staff, { artworkId: gossips.id, collectorName: "Hal Holder", collectorEmail: "hal@example.test", heldUntil }),
    ).toMatchObject({
      ok: true,
    });
    const availability = async () => (await db.artwork.findUniqueOrThrow({ where: { id: gossips.id } })).availability;
    // Set back an hour: still held.
    vi.setSystemTime(placedAt - HOUR);
    expect((await endExpiredHolds(new Date())).ended).toBe(0);
    expect(await availability()).toBe("reserved");
    // Forward a day: ended, by two sweepers at once, once.
    vi.setSystemTime(placedAt + 24 * HOUR);
    const sweeps = await Promise.all([endExpiredHolds(new Date()), endExpiredHolds(new Date())]);
    expect(sweeps.map((sweep) => sweep.ended).sort()).toEqual([0, 1]);
    expect(await availability()).toBe("available");
    // Back again, to before its time: it stays ended, and nothing is ended twice.
    vi.setSystemTime(placedAt);
    expect((await endExpiredHolds(new Date())).ended).toBe(0);
    vi.useRealTimers();
    expect(await availability()).toBe("available");
    const hold = await db.workHold.findFirstOrThrow({ where: { artworkId: gossips.id } });
    expect(hold.endedAt?.getTime()).toBe(placedAt + 24 * HOUR);
    const history = await db.activityEntry.findMany({ where: { subjectType: "artwork", subjectId: gossips.id } });
    expect(history.filter((entry) => entry.action === "hold ran out")).toHaveLength(1);
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
