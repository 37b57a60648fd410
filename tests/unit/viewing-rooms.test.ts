import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import {
  addWorkToRoom,
  closeViewingRoom,
  createViewingRoom,
  inviteRoomGuest,
  readViewingRoom,
  revokeRoomGuest,
  updateViewingRoom,
} from "@/lib/data/staff/viewing-rooms";
import { openViewingRoom, openViewingRoomWork, roomIdForGuest, roomWorksForEnquiry, viewingRoomTearSheets } from "@/lib/data/viewing-rooms";
import { attachPhotograph } from "@/lib/data/photograph-records";
import { erasePersonalData } from "@/lib/data/personal-data";
import { submitEnquiry } from "@/lib/enquiry-intake/submit-enquiry";
import { deliverDueEmails } from "@/lib/jobs/outbox-delivery";
import type { StaffMember } from "@/lib/staff/roles";
import { photograph } from "../support/compose-email";
import { pdfText } from "../support/pdf-text";
import { enquiryForm } from "./support/enquiry-helpers";
import { seededGalleryWithMail } from "./support/seeded-gallery-with-mail";

const received = seededGalleryWithMail();
const STAFF: StaffMember = { id: "rooms-staff", name: "Rosa Rooms", email: "rosa@gallery.test", role: "staff" };
const inAMonth = () => new Date(Date.now() + 30 * 86_400_000);
let unpublished: { id: string; slug: string };

beforeAll(async () => {
  await db.user.create({ data: { id: STAFF.id, name: STAFF.name, email: STAFF.email, role: "staff" } });
  const section = await db.section.findFirstOrThrow({ where: { slug: "wars-and-conflicts" } });
  unpublished = await db.artwork.create({
    data: {
      slug: "44-private-preview",
      catalogueNumber: "44",
      title: "Private Preview",
      sectionId: section.id,
      position: 99,
      category: "drawing",
      technique: "Pencil drawing",
      priceMinor: 180_000,
      currency: "GBP",
      published: false,
      description: "A drawing not yet shown on the site.",
    },
  });
  await attachPhotograph(unpublished.id, "preview.jpg", await photograph(800, 600));
  // A second work numbered 42, as catalogues repeat numbers across series.
  await db.artwork.create({
    data: {
      slug: "42-another-forty-two",
      catalogueNumber: "42",
      title: "Another Forty-Two",
      sectionId: section.id,
      position: 98,
      category: "drawing",
    },
  });
});

/** Invites a guest and returns their link's token, read from the email they were sent. */
async function invite(roomId: string, email: string) {
  const outcome = await inviteRoomGuest(STAFF, roomId, { name: "Vera Visitor", email });
  expect(outcome.invited).toBe(true);
  await deliverDueEmails({ ids: [(outcome as { outboxId: string }).outboxId] });
  const invitation = received().findLast((message) => message.to.includes(email))!;
  expect(invitation.subject).toMatch(/^A private viewing room for you: /);
  return /\/rooms\/([A-Za-z0-9_-]{43})/.exec(invitation.text)![1]!;
}

describe("private viewing rooms", () => {
  it("shows its guest the works chosen, unpublished ones too, counts what was opened, and takes one enquiry about several", async () => {
    const roomId = await createViewingRoom(STAFF, {
      title: "Drawings for Vera",
      introduction: "A few for your study.",
      showPrices: true,
      expiresAt: inAMonth(),
    });
    expect(await addWorkToRoom(STAFF, roomId, "42")).toEqual({
      added: false,
      reason: "several",
      slugs: expect.arrayContaining(["42-second-retreat-from-russia", "42-another-forty-two"]),
    });
    expect(await addWorkToRoom(STAFF, roomId, "42-second-retreat-from-russia")).toEqual({ added: true });
    expect(await addWorkToRoom(STAFF, roomId, "44")).toEqual({ added: true });
    expect(await addWorkToRoom(STAFF, roomId, "44")).toEqual({ added: false, reason: "already" });
    expect(await addWorkToRoom(STAFF, roomId, "no-such-work")).toEqual({ added: false, reason: "no_work" });
    const token = await invite(roomId, "vera.visitor@example.test");

    const room = await openViewingRoom(token);
    expect(room!.works.map(({ work }) => work.slug)).toEqual(["42-second-retreat-from-russia", "44-private-preview"]);
    expect(room!.works[1]!.price).toBe("£1,800");
    expect(room!.works[1]!.work.photographs).toHaveLength(1);
    const inRoom = await openViewingRoomWork(token, "44-private-preview");
    expect(inRoom!.work.description).toBe("A drawing not yet shown on the site.");
    expect(await openViewingRoomWork(token, "63-the-auctioneer")).toBeNull();

    const seen = await readViewingRoom(STAFF, roomId);
    expect(seen!.guests[0]).toMatchObject({ opens: 1, email: "vera.visitor@example.test" });
    expect(seen!.works.map((work) => [work.slug, work.opens, work.published])).toEqual([
      ["42-second-retreat-from-russia", 0, true],
      ["44-private-preview", 1, false],
    ]);

    // One enquiry about both, the unpublished one included; a work from outside the room is not taken.
    const works = await roomWorksForEnquiry(token, [
      unpublished.id,
      (await db.artwork.findUniqueOrThrow({ where: { slug: "42-second-retreat-from-russia" } })).id,
      "not-in-room",
    ]);
    const { state } = await submitEnquiry(
      enquiryForm({ name: "Vera Visitor", email: "vera.visitor@example.test", message: "Both, please." }),
      {
        clientIp: "198.51.100.91",
        roomWorks: works!,
      },
    );
    expect(state.status).toBe("sent");
    const stored = await db.enquiry.findUniqueOrThrow({
      where: { reference: state.reference! },
      include: { works: { orderBy: { position: "asc" } } },
    });
    expect(stored.works.map((work) => work.artworkId)).toEqual([
      (await db.artwork.findUniqueOrThrow({ where: { slug: "42-second-retreat-from-russia" } })).id,
      unpublished.id,
    ]);

    // Prices hidden: the room says none.
    await updateViewingRoom(STAFF, roomId, { title: "Drawings for Vera", introduction: "", showPrices: false, expiresAt: inAMonth() });
    expect((await openViewingRoom(token))!.works.every((work) => work.price === null)).toBe(true);

    // Tear sheets: one work a page, read as a person reads them.
    const sheets = await viewingRoomTearSheets(roomId);
    const text = pdfText(sheets!.pdf);
    expect(text.split("\f").filter((page) => page.trim())).toHaveLength(2);
    expect(text).toContain("42 Second Retreat from Russia");
    expect(text).toContain("44 Private Preview");
    expect(text).not.toContain("£1,800");
  });

  it("does not open for a withdrawn link, a closed room, an expired room or a guessed token; erasure removes the guest", async () => {
    const roomId = await createViewingRoom(STAFF, { title: "Briefly open", introduction: "", showPrices: true, expiresAt: inAMonth() });
    await addWorkToRoom(STAFF, roomId, "44");
    const first = await invite(roomId, "first.guest@example.test");
    const second = await invite(roomId, "second.guest@example.test");
    expect(await openViewingRoom(first)).not.toBeNull();
    expect(await openViewingRoom("A".repeat(43))).toBeNull();
    expect(await openViewingRoom("short")).toBeNull();

    const guest = (await readViewingRoom(STAFF, roomId))!.guests.find((entry) => entry.email === "first.guest@example.test")!;
    expect(await revokeRoomGuest(STAFF, roomId, guest.id)).toBe(true);
    expect(await openViewingRoom(first)).toBeNull();
    expect(await openViewingRoom(second)).not.toBeNull();

    await db.viewingRoom.update({ where: { id: roomId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await openViewingRoom(second)).toBeNull();
    expect(await roomIdForGuest(second)).toBeNull();
    await db.viewingRoom.update({ where: { id: roomId }, data: { expiresAt: inAMonth() } });
    expect(await openViewingRoom(second)).not.toBeNull();
    expect(await closeViewingRoom(STAFF, roomId)).toBe(true);
    expect(await closeViewingRoom(STAFF, roomId)).toBe(false);
    expect(
      (await db.activityEntry.findMany({ where: { subjectType: "room", subjectId: roomId }, orderBy: { at: "asc" } })).map((entry) => [
        entry.action,
        entry.subjectLabel,
      ]),
    ).toEqual([
      ["made a viewing room", "Briefly open"],
      ["invited a collector to a viewing room", "Briefly open"],
      ["invited a collector to a viewing room", "Briefly open"],
      ["closed a viewing room", "Briefly open"],
    ]);
    expect(await openViewingRoom(second)).toBeNull();
    expect(await inviteRoomGuest(STAFF, roomId, { name: "Late", email: "late@example.test" })).toEqual({
      invited: false,
      reason: "closed",
    });

    await erasePersonalData("second.guest@example.test");
    expect(await db.viewingRoomGuest.count({ where: { email: "second.guest@example.test" } })).toBe(0);
  });
});
