import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { askToReserve, confirmReserveRequest } from "@/lib/data/hold-requests";
import { declineRequestedHold, grantRequestedHold, holdRequestsWaiting } from "@/lib/data/staff/holds";
import { deliverDueEmails } from "@/lib/jobs/outbox-delivery";
import type { StaffMember } from "@/lib/staff/roles";
import { seededGalleryWithMail } from "./support/seeded-gallery-with-mail";

const received = seededGalleryWithMail({ GALLERY_TIME_ZONE: "Europe/London" });
let staff: StaffMember;

beforeAll(async () => {
  await db.user.create({ data: { id: "request-staff", name: "Rita Requests", email: "rita@gallery.test", role: "staff" } });
  staff = { id: "request-staff", name: "Rita Requests", email: "rita@gallery.test", role: "staff" };
  await db.saleSettings.create({ data: { collectorHoldHours: 48, autoGrantHoldsUpToMinor: 100_000 } });
  await db.artwork.update({ where: { slug: "69-gossips" }, data: { priceMinor: 80_000, currency: "GBP" } });
  await db.artwork.update({ where: { slug: "38-comments-on-life" }, data: { priceMinor: 250_000, currency: "GBP" } });
});

async function confirmLinkFor(email: string): Promise<string> {
  await deliverDueEmails();
  const message = received()
    .filter((entry) => entry.to.includes(email) && entry.subject.startsWith("Confirm: reserve"))
    .pop()!;
  return /\/reserve\/confirm\/([A-Za-z0-9_-]{43})/.exec(message.text)![1]!;
}

describe("a collector's own request to reserve", () => {
  it("counts only once confirmed; up to the owner's price it is granted at once for the set hours; a link used twice says so", async () => {
    const now = new Date();
    expect((await askToReserve({ artworkSlug: "69-gossips", name: "Greta Gossip", email: "greta@example.test", now })).outcome).toBe(
      "confirmation_sent",
    );
    expect(await db.workHold.count({ where: { artwork: { slug: "69-gossips" } } })).toBe(0);
    const token = await confirmLinkFor("greta@example.test");
    const confirmed = await confirmReserveRequest(token, now);
    expect(confirmed).toMatchObject({ outcome: "granted", workLabel: "69 Gossips" });
    const hold = await db.workHold.findFirstOrThrow({ where: { artwork: { slug: "69-gossips" }, endedAt: null } });
    expect(hold.heldUntil.getTime() - now.getTime()).toBe(48 * 3_600_000);
    expect((await db.artwork.findUniqueOrThrow({ where: { slug: "69-gossips" } })).availability).toBe("reserved");
    expect(await confirmReserveRequest(token, now)).toEqual({ outcome: "already", workLabel: "69 Gossips", status: "granted" });
    await deliverDueEmails();
    expect(received().some((message) => message.subject === "Reserved for you: 69 Gossips")).toBe(true);
  });

  it("above that price it waits for staff, who are emailed; one open request per mailbox; a late link is refused", async () => {
    const now = new Date();
    await askToReserve({ artworkSlug: "38-comments-on-life", name: "Walt Waiting", email: "walt@example.test", now });
    // A second request from the same mailbox (another spelling of it) while the first is open: told by email, nothing stored.
    expect((await askToReserve({ artworkSlug: "38-comments-on-life", name: "Walt", email: "Walt+again@example.test", now })).outcome).toBe(
      "already_open",
    );
    expect(await db.holdRequest.count({ where: { email: { contains: "walt" } } })).toBe(1);
    const token = await confirmLinkFor("walt@example.test");
    expect(await confirmReserveRequest(token, now)).toEqual({ outcome: "waiting", workLabel: "38 Comments on Life" });
    await deliverDueEmails();
    expect(received().some((message) => message.subject === "Asked to reserve: 38 Comments on Life")).toBe(true);
    const [waiting] = await holdRequestsWaiting(staff);
    expect(waiting?.name).toBe("Walt Waiting");
    expect((await declineRequestedHold(staff, waiting!.id)).ok).toBe(true);
    await deliverDueEmails();
    expect(
      received().filter(
        (message) => message.subject === "Your request to reserve 38 Comments on Life" && message.to.includes("walt@example.test"),
      ),
    ).toHaveLength(1);
    expect(await grantRequestedHold(staff, waiting!.id)).toEqual({
      ok: false,
      message: "This request was answered already; nothing was changed.",
    });

    await askToReserve({ artworkSlug: "38-comments-on-life", name: "Lena Late", email: "lena@example.test", now });
    const late = await confirmLinkFor("lena@example.test");
    expect(await confirmReserveRequest(late, new Date(now.getTime() + 25 * 3_600_000))).toEqual({ outcome: "expired" });
    // Expired, it no longer holds the mailbox's place.
    expect(
      (await askToReserve({ artworkSlug: "38-comments-on-life", name: "Lena", email: "lena@example.test", now: new Date() })).outcome,
    ).toBe("confirmation_sent");
    expect((await askToReserve({ artworkSlug: "69-gossips", name: "Late", email: "x@example.test", now })).outcome).toBe("not_reservable");
  });
});
