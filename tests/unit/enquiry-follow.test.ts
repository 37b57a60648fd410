import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import {
  addFollowUp,
  askErasureThroughFollowLink,
  eraseDueRequests,
  ERASURE_DELAY_HOURS,
  FOLLOW_UPS_PER_DAY,
  pendingErasureThroughFollowLink,
  readFollowedEnquiry,
  withdrawErasureThroughFollowLink,
} from "@/lib/data/enquiry-follow";
import { hashLinkToken, issueLinkToken } from "@/lib/enquiries/link-token";
import { submitEnquiry } from "@/lib/enquiry-intake/submit-enquiry";
import { deliverDueEmails } from "@/lib/jobs/outbox-delivery";
import { enquiryForm } from "./support/enquiry-helpers";
import { seededGalleryWithMail } from "./support/seeded-gallery-with-mail";

const received = seededGalleryWithMail();
let connection = 0;

/** Sends an enquiry and returns its reference and the follow link's token, read from the acknowledgement received. */
async function enquireAndReadLink(email: string, slug = "42-second-retreat-from-russia") {
  connection += 1;
  const { state, outboxIds } = await submitEnquiry(
    enquiryForm({ name: "Follow Test", email, artworkSlug: slug, message: "How is it framed?" }),
    {
      clientIp: `198.51.100.${100 + connection}`,
    },
  );
  expect(state.status).toBe("sent");
  await deliverDueEmails({ ids: outboxIds });
  const acknowledgement = received().find((message) => message.to.includes(email) && message.subject.includes(state.reference!))!;
  const token = acknowledgement.text.match(/https:\/\/gallery\.test\/follow\/([A-Za-z0-9_-]{43})/)?.[1];
  expect(token).toBeDefined();
  return { reference: state.reference!, token: token!, acknowledgement };
}

describe("the follow link", () => {
  it("is sent in the acknowledgement, kept only as a hash, and opens the enquiry with its status, works and replies", async () => {
    const { reference, token, acknowledgement } = await enquireAndReadLink("follower.one@example.test");
    expect(acknowledgement.html).toContain(`https://gallery.test/follow/${token}`);
    const stored = await db.enquiry.findUniqueOrThrow({ where: { reference } });
    expect(stored.followTokenHash).toBe(hashLinkToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored.followExpiresAt!.getTime() - stored.createdAt.getTime()).toBe(730 * 86_400_000);

    const followed = await readFollowedEnquiry(token);
    expect(followed).toMatchObject({ reference, status: { label: "Received" }, message: "How is it framed?" });
    expect(followed!.works[0]).toMatchObject({
      asked: { title: "Second Retreat from Russia", availability: "Available" },
      now: { slug: "42-second-retreat-from-russia", availability: "Available" },
    });
  });

  it("opens nothing when guessed, expired or withdrawn", async () => {
    const { reference, token } = await enquireAndReadLink("follower.two@example.test");
    expect(await readFollowedEnquiry(issueLinkToken().token)).toBeNull();
    expect(await readFollowedEnquiry(`${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`)).toBeNull();
    expect(await readFollowedEnquiry(token, new Date(Date.now() + 731 * 86_400_000))).toBeNull();
    expect(await addFollowUp(token, "Hello?", new Date(Date.now() + 731 * 86_400_000))).toEqual({ stored: false, reason: "no_enquiry" });
    await db.enquiry.update({ where: { reference }, data: { followRevokedAt: new Date() } });
    expect(await readFollowedEnquiry(token)).toBeNull();
    expect(await addFollowUp(token, "Hello?")).toEqual({ stored: false, reason: "no_enquiry" });
    expect(await askErasureThroughFollowLink(token)).toBeNull();
    expect(await db.enquiry.count({ where: { reference } })).toBe(1);
  });
});

describe("a follow-up message", () => {
  it("joins the same enquiry, reopens an answered one, and is emailed to the gallery with the collector as reply-to", async () => {
    const { reference, token } = await enquireAndReadLink("follower.three@example.test");
    await db.enquiry.update({ where: { reference }, data: { status: "replied" } });
    const outcome = await addFollowUp(token, "Thank you: could it be sent to Lyon?");
    expect(outcome.stored).toBe(true);
    const stored = await db.enquiry.findUniqueOrThrow({ where: { reference }, include: { followUps: true } });
    expect(stored.status).toBe("in_progress");
    expect(stored.followUps.map((followUp) => followUp.body)).toEqual(["Thank you: could it be sent to Lyon?"]);
    expect((await readFollowedEnquiry(token))!.followUps).toHaveLength(1);

    await deliverDueEmails({ ids: outcome.stored ? outcome.outboxIds : [] });
    const toGallery = received().find((message) => message.subject === `Follow-up on ${reference}: 42 Second Retreat from Russia`)!;
    expect(toGallery.to).toEqual(["enquiries@gallery.test"]);
    expect(toGallery.replyTo).toEqual(["follower.three@example.test"]);
    expect(toGallery.text).toContain("could it be sent to Lyon?");
    expect(toGallery.text).toContain(`https://gallery.test/staff/enquiries/${reference}`);
  });

  it(`stops at ${FOLLOW_UPS_PER_DAY} a day for one enquiry`, async () => {
    const { reference, token } = await enquireAndReadLink("follower.four@example.test");
    for (let index = 0; index < FOLLOW_UPS_PER_DAY; index += 1) expect((await addFollowUp(token, `Message ${index}`)).stored).toBe(true);
    expect(await addFollowUp(token, "One too many")).toEqual({ stored: false, reason: "too_many" });
    expect(await db.enquiryFollowUp.count({ where: { enquiry: { reference } } })).toBe(FOLLOW_UPS_PER_DAY);
  });
});

describe("erasure from the follow page", () => {
  const HOUR = 3_600_000;

  it("is done a day after it is asked for, unless withdrawn from the link meanwhile; asking twice keeps the first time", async () => {
    const { reference, token } = await enquireAndReadLink("changed.mind@example.test");
    const asked = new Date();
    const first = await askErasureThroughFollowLink(token, asked);
    expect(first!.eraseAt.getTime() - asked.getTime()).toBe(ERASURE_DELAY_HOURS * HOUR);
    expect((await askErasureThroughFollowLink(token, new Date(asked.getTime() + HOUR)))!.eraseAt).toEqual(first!.eraseAt);
    expect(await pendingErasureThroughFollowLink(token)).toEqual(first!.eraseAt);
    // Nothing is erased before the day is out.
    expect((await eraseDueRequests(new Date(asked.getTime() + 23 * HOUR))).erased).toBe(0);
    expect(await db.enquiry.count({ where: { reference } })).toBe(1);

    expect(await withdrawErasureThroughFollowLink(token)).toBe(true);
    expect(await withdrawErasureThroughFollowLink(token)).toBe(false);
    expect(await pendingErasureThroughFollowLink(token)).toBeNull();
    expect((await eraseDueRequests(new Date(asked.getTime() + 25 * HOUR))).erased).toBe(0);
    expect(await db.enquiry.count({ where: { reference } })).toBe(1);
    const history = await db.activityEntry.findMany({ where: { subjectType: "privacy", subjectLabel: reference }, orderBy: { id: "asc" } });
    expect(history.map((entry) => entry.action)).toEqual([
      "asked for their data to be erased in a day",
      "withdrew their request to be erased",
    ]);
  });

  it("erases every enquiry from that address when the day has passed, with the gallery's notice (references only) in the same transaction", async () => {
    const first = await enquireAndReadLink("eraser@example.test");
    // A second enquiry the same day gets no acknowledgement (one a day per address) but is erased too.
    connection += 1;
    const second = await submitEnquiry(
      enquiryForm({ name: "Eraser", email: "Eraser@Example.test", artworkSlug: "69-gossips", message: "And this one?" }),
      { clientIp: `198.51.100.${100 + connection}` },
    );
    const references = [first.reference, second.state.reference!].sort();
    const asked = new Date();
    await askErasureThroughFollowLink(first.token, asked);

    // The notice is written in the erasing transaction: when the erasure cannot finish, there is no notice either.
    await db.$executeRawUnsafe(
      `CREATE TRIGGER "refuse_erasure" BEFORE DELETE ON "Enquiry" BEGIN SELECT RAISE(ABORT, 'the disk is unwell'); END`,
    );
    const after = new Date(asked.getTime() + (ERASURE_DELAY_HOURS + 1) * HOUR);
    await expect(eraseDueRequests(after)).rejects.toThrow();
    expect(await db.outboxEmail.count({ where: { kind: "erasure_notice" } })).toBe(0);
    expect(await db.enquiry.count({ where: { reference: { in: references } } })).toBe(2);
    expect(await db.erasureRequest.count()).toBe(1);
    await db.$executeRawUnsafe(`DROP TRIGGER "refuse_erasure"`);

    // Two sweeps at once (the stack's processes all sweep): one erasure, one notice.
    const [one, other] = await Promise.all([eraseDueRequests(after), eraseDueRequests(after)]);
    expect(one.erased + other.erased).toBe(1);
    const erased = one.erased === 1 ? one : other;
    expect(await db.outboxEmail.count({ where: { kind: "erasure_notice" } })).toBe(1);
    expect(await db.activityEntry.count({ where: { action: "erased a collector's data at their request" } })).toBe(1);
    expect(await db.enquiry.count({ where: { reference: { in: references } } })).toBe(0);
    expect(await db.erasureRequest.count()).toBe(0);
    expect(await readFollowedEnquiry(first.token)).toBeNull();
    const notice = await db.outboxEmail.findUniqueOrThrow({ where: { id: erased.outboxIds[0] } });
    expect(notice).toMatchObject({ kind: "erasure_notice", toAddress: "enquiries@gallery.test", replyTo: null });
    for (const reference of references) expect(notice.textBody).toContain(reference);
    expect(`${notice.subject}${notice.textBody}${notice.htmlBody}`.toLowerCase()).not.toContain("eraser");
  });
});
