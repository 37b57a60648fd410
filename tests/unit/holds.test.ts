import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { askForAvailabilityAlert, confirmAvailabilityAlert, unsubscribeAvailabilityAlert } from "@/lib/data/availability-alerts";
import { endExpiredHolds } from "@/lib/data/holds";
import { extendHold, holdsOfWork, placeHold, releaseHold } from "@/lib/data/staff/holds";
import { submitEnquiry } from "@/lib/enquiry-intake/submit-enquiry";
import { deliverDueEmails } from "@/lib/jobs/outbox-delivery";
import type { StaffMember } from "@/lib/staff/roles";
import { enquiryForm } from "./support/enquiry-helpers";
import { seededGalleryWithMail } from "./support/seeded-gallery-with-mail";

const received = seededGalleryWithMail({ GALLERY_TIME_ZONE: "Europe/London" });
const HOUR = 3_600_000;
let staff: StaffMember;
let viewer: StaffMember;

async function work(slug: string) {
  return db.artwork.findUniqueOrThrow({ where: { slug } });
}

beforeAll(async () => {
  await db.user.create({ data: { id: "holds-staff", name: "Harriet Holder", email: "harriet@gallery.test", role: "staff" } });
  await db.user.create({ data: { id: "holds-viewer", name: "Vic Viewer", email: "vic@gallery.test", role: "viewer" } });
  staff = { id: "holds-staff", name: "Harriet Holder", email: "harriet@gallery.test", role: "staff" };
  viewer = { id: "holds-viewer", name: "Vic Viewer", email: "vic@gallery.test", role: "viewer" };
});

describe("holds", () => {
  it("a hold makes the work Reserved until its time, in both histories; a second hold is refused with who holds it", async () => {
    const retreat = await work("42-second-retreat-from-russia");
    const until = new Date("2030-12-12T17:00:00Z");
    const placed = await placeHold(
      staff,
      { artworkId: retreat.id, collectorName: "Ada Collector", collectorEmail: "Ada@Example.test", heldUntil: until },
      new Date("2030-12-06T10:00:00Z"),
    );
    expect(placed).toMatchObject({
      ok: true,
      message: "Held for Ada Collector until Thursday 12 December 2030, 17:00. The public pages show it as Reserved now.",
    });
    expect((await work("42-second-retreat-from-russia")).availability).toBe("reserved");

    const second = await placeHold(
      staff,
      { artworkId: retreat.id, collectorName: "Bea Buyer", collectorEmail: "bea@example.test", heldUntil: until },
      new Date("2030-12-06T10:00:00Z"),
    );
    expect(second).toEqual({
      ok: false,
      message:
        "This work is held already for Ada Collector until Thursday 12 December 2030, 17:00, placed by Harriet Holder. Release or extend that hold instead.",
    });
    const holds = await holdsOfWork(staff, retreat.id);
    expect(holds.open?.collectorEmail).toBe("ada@example.test");
    const history = await db.activityEntry.findMany({ where: { subjectType: "artwork", subjectId: retreat.id } });
    expect(history.map((entry) => entry.action)).toContain("placed a hold");
    expect(history.map((entry) => entry.detail).join(" ")).not.toContain("Ada");

    const released = await releaseHold(staff, holds.open!.id);
    expect(released.ok).toBe(true);
    expect((await work("42-second-retreat-from-russia")).availability).toBe("available");
    expect(await releaseHold(staff, holds.open!.id)).toEqual({
      ok: false,
      message: "That hold has ended already (released, run out or sold); nothing was changed.",
    });
  });

  it("refuses a time in the past, a hold on a work that is not for sale, and a viewer", async () => {
    const retreat = await work("42-second-retreat-from-russia");
    const skyscrapers = await work("58-skyscrapers");
    const now = new Date();
    const later = new Date(now.getTime() + 24 * HOUR);
    expect(
      await placeHold(staff, {
        artworkId: retreat.id,
        collectorName: "A",
        collectorEmail: "a@example.test",
        heldUntil: new Date(now.getTime() - HOUR),
      }),
    ).toEqual({
      ok: false,
      message: "That time has passed: choose a later one.",
    });
    expect(
      await placeHold(staff, { artworkId: skyscrapers.id, collectorName: "A", collectorEmail: "a@example.test", heldUntil: later }),
    ).toEqual({
      ok: false,
      message: "This work is in a private collection: it cannot be held. Nothing was changed.",
    });
    expect(await db.workHold.count({ where: { artworkId: skyscrapers.id } })).toBe(0);
    expect((await work("58-skyscrapers")).availability).toBe("private_collection");
    await expect(
      placeHold(viewer, { artworkId: retreat.id, collectorName: "A", collectorEmail: "a@example.test", heldUntil: later }),
    ).rejects.toThrow();
  });

  it("sixteen holds on one work at the same moment: one is placed, fifteen are told who holds it", async () => {
    const taxman = await work("50-the-taxman");
    const later = new Date(Date.now() + 48 * HOUR);
    const outcomes = await Promise.all(
      Array.from({ length: 16 }, (_, index) =>
        placeHold(staff, {
          artworkId: taxman.id,
          collectorName: `Collector ${index}`,
          collectorEmail: `c${index}@example.test`,
          heldUntil: later,
        }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    const refusals = outcomes.filter((outcome) => !outcome.ok);
    expect(refusals).toHaveLength(15);
    for (const refusal of refusals) expect(refusal.message).toMatch(/^This work is held already for Collector \d+ until /);
    expect(await db.workHold.count({ where: { artworkId: taxman.id, endedAt: null } })).toBe(1);
  });

  it("a hold extended runs to its new end; one that runs out frees the work and tells each person waiting exactly once", async () => {
    const auctioneer = await work("63-the-auctioneer");
    const placedAt = new Date();
    const placed = await placeHold(staff, {
      artworkId: auctioneer.id,
      collectorName: "Ada Collector",
      collectorEmail: "ada@example.test",
      heldUntil: new Date(placedAt.getTime() + 2 * HOUR),
    });
    expect(placed.ok).toBe(true);
    const { open } = await holdsOfWork(staff, auctioneer.id);
    const extended = await extendHold(staff, { holdId: open!.id, heldUntil: new Date(placedAt.getTime() + 4 * HOUR) });
    expect(extended.ok).toBe(true);

    // A collector whose enquiry named the reserved work is kept on the list by itself...
    const { state } = await submitEnquiry(
      enquiryForm({ name: "Enid Enquirer", email: "enid@example.test", artworkSlug: auctioneer.slug, message: "Is it still to be had?" }),
      { clientIp: "198.51.100.71" },
    );
    expect(state.status).toBe("sent");
    // ...and someone asks on the page, and confirms from the email.
    const asked = await askForAvailabilityAlert({
      artworkSlug: auctioneer.slug,
      name: "Pat Pagereader",
      email: "pat@example.test",
      now: new Date(),
    });
    expect(asked.outcome).toBe("confirmation_sent");
    // One who asked and never confirmed is not emailed.
    await askForAvailabilityAlert({ artworkSlug: auctioneer.slug, name: "", email: "never@example.test", now: new Date() });
    await deliverDueEmails();
    const confirmation = received().find((message) => message.to.includes("pat@example.test"))!;
    const confirmLink = /https:\/\/gallery\.test\/alerts\/confirm\/([A-Za-z0-9_-]{43})/.exec(confirmation.text)![1]!;
    // Pressed after its 48 hours, the link asks them to ask again.
    expect((await confirmAvailabilityAlert(confirmLink, new Date(Date.now() + 49 * HOUR))).outcome).toBe("expired");
    expect((await confirmAvailabilityAlert(confirmLink, new Date())).outcome).toBe("confirmed");
    expect((await confirmAvailabilityAlert(confirmLink, new Date())).outcome).toBe("already_confirmed");

    // Not yet its time: nothing ends.
    expect((await endExpiredHolds(new Date(placedAt.getTime() + 3 * HOUR))).ended).toBe(0);
    // Its time, swept twice at once (two processes): ended once, each person told once.
    const [first, second] = await Promise.all([
      endExpiredHolds(new Date(placedAt.getTime() + 5 * HOUR)),
      endExpiredHolds(new Date(placedAt.getTime() + 5 * HOUR)),
    ]);
    expect(first.ended + second.ended).toBe(1);
    expect((await work("63-the-auctioneer")).availability).toBe("available");
    await deliverDueEmails();
    const told = received().filter((message) => message.subject === "63 The Auctioneer is available again");
    expect(told.map((message) => message.to[0]).sort()).toEqual(["enid@example.test", "pat@example.test"]);
    const toPat = told.find((message) => message.to.includes("pat@example.test"))!;
    expect(toPat.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    const unsubscribe = /<https:\/\/gallery\.test\/api\/alerts\/unsubscribe\/([^>]+)>/.exec(toPat.headers["list-unsubscribe"]!)![1]!;
    expect(await unsubscribeAvailabilityAlert(unsubscribe, new Date())).toEqual({
      outcome: "unsubscribed",
      workLabel: "63 The Auctioneer",
    });
    expect(await unsubscribeAvailabilityAlert(`${unsubscribe}x`, new Date())).toEqual({ outcome: "unknown" });

    // Held and freed again: nobody is told a second time.
    await placeHold(staff, {
      artworkId: auctioneer.id,
      collectorName: "Ada",
      collectorEmail: "ada@example.test",
      heldUntil: new Date(Date.now() + HOUR),
    });
    const again = await holdsOfWork(staff, auctioneer.id);
    await releaseHold(staff, again.open!.id);
    await deliverDueEmails();
    expect(received().filter((message) => message.subject === "63 The Auctioneer is available again")).toHaveLength(2);
    const workHistory = await db.activityEntry.findMany({
      where: { subjectType: "artwork", subjectId: auctioneer.id },
      orderBy: { at: "asc" },
    });
    expect(workHistory.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(["placed a hold", "changed the hold's end", "hold ran out", "released the hold"]),
    );
  });

  it("on an available work the page offers no alert; an unknown work is not found", async () => {
    expect(
      (await askForAvailabilityAlert({ artworkSlug: "36-spanish-civil-war", name: "", email: "x@example.test", now: new Date() })).outcome,
    ).toBe("work_available");
    expect(
      (await askForAvailabilityAlert({ artworkSlug: "no-such-work", name: "", email: "x@example.test", now: new Date() })).outcome,
    ).toBe("no_such_work");
  });
});
