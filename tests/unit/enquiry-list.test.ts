import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { readListedArtworks } from "@/lib/data/catalogue";
import { changeEnquiryList, enquiryListCookieValue, ENQUIRY_LIST_MAX, readEnquiryList } from "@/lib/enquiries/enquiry-list";
import { idsInEnquiryListCookie } from "@/lib/enquiries/enquiry-list-cookie";
import { issueFormToken } from "@/lib/enquiries/form-token";
import { submitEnquiry } from "@/lib/enquiry-intake/submit-enquiry";
import { serverEnv } from "@/lib/env";
import { deliverDueEmails } from "@/lib/jobs/outbox-delivery";
import { enquiryForm } from "./support/enquiry-helpers";
import { seededGalleryWithMail } from "./support/seeded-gallery-with-mail";

const received = seededGalleryWithMail();
const secret = () => serverEnv().FORM_SIGNING_SECRET;

async function idOf(slug: string): Promise<string> {
  return (await db.artwork.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}

describe("the list cookie", () => {
  it("keeps the ids it was signed with, and the browser can read them without the secret", () => {
    const value = enquiryListCookieValue(["cabc123", "cdef456"], secret());
    expect(readEnquiryList(value, secret())).toEqual(["cabc123", "cdef456"]);
    expect(idsInEnquiryListCookie(value)).toEqual(["cabc123", "cdef456"]);
  });

  it("is read as an empty list when edited by hand, signed with another secret, or past the limit", () => {
    const value = enquiryListCookieValue(["cabc123"], secret());
    expect(readEnquiryList(value.replace("cabc123", "cother99"), secret())).toEqual([]);
    expect(readEnquiryList(enquiryListCookieValue(["cabc123"], "another-secret-of-thirty-two-characters!"), secret())).toEqual([]);
    const tooMany = Array.from({ length: ENQUIRY_LIST_MAX + 1 }, (_, index) => `work${index}`);
    expect(readEnquiryList(enquiryListCookieValue(tooMany, secret()), secret())).toEqual([]);
    expect(readEnquiryList(enquiryListCookieValue(["bad id;"], secret()), secret())).toEqual([]);
    // A form token is signed with the same secret but is never a list.
    expect(readEnquiryList(issueFormToken(secret()), secret())).toEqual([]);
  });
});

describe("changing the list", () => {
  it("adds once, refuses the twenty-first work, removes, and empties", () => {
    expect(changeEnquiryList([], { intent: "add", workId: "a" })).toEqual({ outcome: "added", ids: ["a"] });
    expect(changeEnquiryList(["a"], { intent: "add", workId: "a" })).toEqual({ outcome: "already_listed", ids: ["a"] });
    const full = Array.from({ length: ENQUIRY_LIST_MAX }, (_, index) => `w${index}`);
    expect(changeEnquiryList(full, { intent: "add", workId: "one-more" })).toEqual({ outcome: "full", ids: full });
    expect(changeEnquiryList(["a", "b"], { intent: "remove", workId: "a" })).toEqual({ outcome: "removed", ids: ["b"] });
    expect(changeEnquiryList(["b"], { intent: "remove", workId: "a" })).toEqual({ outcome: "not_listed", ids: ["b"] });
    expect(changeEnquiryList(["a", "b"], { intent: "clear" })).toEqual({ outcome: "cleared", ids: [] });
  });

  it("reads each listed work as shown, hidden (with its name) or gone, in the list's order", async () => {
    const hiddenId = await idOf("69-gossips");
    await db.artwork.update({ where: { id: hiddenId }, data: { published: false } });
    try {
      const listed = await readListedArtworks([await idOf("42-second-retreat-from-russia"), hiddenId, "cgone0000000000000000000"]);
      expect(listed.map((entry) => entry.state)).toEqual(["shown", "hidden", "gone"]);
      expect(listed[1]).toMatchObject({ label: { catalogueNumber: "69", title: "Gossips" } });
    } finally {
      await db.artwork.update({ where: { id: hiddenId }, data: { published: true } });
    }
  });
});

describe("an enquiry about the works on a list", () => {
  it("names every work with its snapshot, in the list's order, in the stored enquiry and both emails", async () => {
    const slugs = ["42-second-retreat-from-russia", "69-gossips", "36-spanish-civil-war"];
    const ids = await Promise.all(slugs.map(idOf));
    const { state, outboxIds } = await submitEnquiry(
      enquiryForm({ name: "Ada List", email: "ada@example.test", listedWorks: ids, questions: ["price_availability"] }),
      { clientIp: "198.51.100.70" },
    );
    expect(state.status).toBe("sent");
    const stored = await db.enquiry.findUniqueOrThrow({
      where: { reference: state.reference! },
      include: { works: { orderBy: { position: "asc" } } },
    });
    expect(stored.artworkId).toBe(ids[0]);
    expect(stored.works.map((work) => work.artworkId)).toEqual(ids);
    expect(stored.works[0]!.snapshot).toMatchObject({
      catalogueNumber: "42",
      sizes: ["Image area: 15 × 22 in / 38.1 × 55.9 cm"],
      availability: "Available",
    });

    await deliverDueEmails({ ids: outboxIds });
    const toGallery = received().find(
      (message) => message.subject.includes(state.reference!) && message.to.includes("enquiries@gallery.test"),
    )!;
    expect(toGallery.subject).toBe(`Enquiry ${state.reference}: 42 Second Retreat from Russia and 2 other works`);
    expect(toGallery.text).toContain("A collector has asked about 3 works from their enquiry list.");
    const positions = slugs.map((slug) => toGallery.text.indexOf(`https://gallery.test/works/${slug}`));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(toGallery.text).toContain("1. 42 Second Retreat from Russia");
    expect(toGallery.html).toContain("<ol>");
    const toCollector = received().find((message) => message.to.includes("ada@example.test"))!;
    expect(toCollector.subject).toContain("42 Second Retreat from Russia and 2 other works");
    expect(toCollector.text).toContain("69 Gossips");
  });

  it("is refused with a clear message, and nothing stored, when a listed work is no longer shown", async () => {
    const hiddenId = await idOf("69-gossips");
    await db.artwork.update({ where: { id: hiddenId }, data: { published: false } });
    const before = await db.enquiry.count();
    try {
      const { state } = await submitEnquiry(
        enquiryForm({
          name: "Ben",
          email: "ben@example.test",
          message: "Both please",
          listedWorks: [await idOf("42-second-retreat-from-russia"), hiddenId],
        }),
        { clientIp: "198.51.100.71" },
      );
      expect(state.status).toBe("invalid");
      expect(state.message).toContain("“69 Gossips”, no longer in the catalogue");
      expect(state.message).toContain("nothing has been sent yet");
      expect(state.values.message).toBe("Both please");
      expect(await db.enquiry.count()).toBe(before);
    } finally {
      await db.artwork.update({ where: { id: hiddenId }, data: { published: true } });
    }
  });

  it("refuses more than twenty works with a message on the list", async () => {
    const ids = Array.from({ length: ENQUIRY_LIST_MAX + 1 }, (_, index) => `cwork${index}`);
    const { state } = await submitEnquiry(enquiryForm({ name: "Cy", email: "cy@example.test", message: "All", listedWorks: ids }), {
      clientIp: "198.51.100.72",
    });
    expect(state.status).toBe("invalid");
    expect(state.fieldErrors.listedWorks?.[0]).toContain(`at most ${ENQUIRY_LIST_MAX} works`);
  });
});
