import { describe, expect, it } from "vitest";
import { closestWorks, similarityScore, type ComparableWork } from "@/lib/catalogue/similar-works";
import { db } from "@/lib/db/client";
import { submitEnquiry } from "@/lib/enquiry-intake/submit-enquiry";
import { deliverDueEmails } from "@/lib/jobs/outbox-delivery";
import { enquiryForm } from "./support/enquiry-helpers";
import { seededGalleryWithMail } from "./support/seeded-gallery-with-mail";

const received = seededGalleryWithMail();

function work(id: string, fields: Partial<ComparableWork> & { inches?: [number, number] }): ComparableWork {
  const [height, width] = fields.inches ?? [10, 10];
  return {
    id,
    sectionId: fields.sectionId ?? "s1",
    category: fields.category ?? "drawing",
    priceMinor: fields.priceMinor ?? null,
    currency: fields.priceMinor ? "GBP" : null,
    dimensions: [{ kind: "image", height, width, depth: null, unit: "in" }],
  };
}

describe("works close to one that is not available", () => {
  it("weighs series, kind, size and price together: the same kind at the same size and price comes before another kind from the series", () => {
    const sold = work("sold", { sectionId: "wars", category: "drawing", inches: [15, 22], priceMinor: 90_000 });
    const sameSeriesPainting = work("a", { sectionId: "wars", category: "painting", inches: [15, 19] });
    const drawingSameSize = work("b", { sectionId: "other", category: "drawing", inches: [16, 20], priceMinor: 85_000 });
    const drawingTiny = work("c", { sectionId: "other", category: "drawing", inches: [3, 4], priceMinor: 85_000 });
    const paintingElsewhere = work("d", { sectionId: "other", category: "painting", inches: [15, 22] });
    expect(similarityScore(sold, drawingSameSize)).toBeGreaterThan(similarityScore(sold, drawingTiny));
    expect(closestWorks(sold, [paintingElsewhere, drawingTiny, drawingSameSize, sameSeriesPainting, sold], 3).map((w) => w.id)).toEqual([
      "b",
      "a",
      "c",
    ]);
  });

  it("ranks by price within the same currency only, and keeps catalogue order on ties", () => {
    const sold = work("sold", { priceMinor: 100_000 });
    const near = work("near", { priceMinor: 95_000 });
    const far = work("far", { priceMinor: 400_000 });
    const dollars = { ...work("usd", {}), priceMinor: 100_000, currency: "USD" };
    expect(closestWorks(sold, [far, dollars, near], 3).map((w) => w.id)).toEqual(["near", "far", "usd"]);
    expect(closestWorks(sold, [work("x", {}), work("y", {})], 2).map((w) => w.id)).toEqual(["x", "y"]);
  });
});

describe("the acknowledgement of an enquiry about a work that is not available", () => {
  async function enquireAbout(slug: string, email: string) {
    const { state, outboxIds } = await submitEnquiry(
      enquiryForm({ name: "Honest Test", email, artworkSlug: slug, message: "Still for sale?" }),
      {
        clientIp: `198.51.100.${Math.floor(Math.random() * 200) + 20}`,
      },
    );
    expect(state.status).toBe("sent");
    await deliverDueEmails({ ids: outboxIds });
    return received().find((message) => message.to.includes(email))!;
  }

  it("says plainly that the work is sold and suggests up to three available works close to it, with links", async () => {
    await db.artwork.update({ where: { slug: "42-second-retreat-from-russia" }, data: { availability: "sold" } });
    try {
      const acknowledgement = await enquireAbout("42-second-retreat-from-russia", "sold.case@example.test");
      expect(acknowledgement.text).toContain("42 Second Retreat from Russia has been sold, so it is no longer available.");
      expect(acknowledgement.text).toContain("Available works close to it:");
      const suggested = [...acknowledgement.text.matchAll(/https:\/\/gallery\.test\/works\/([a-z0-9-]+)/g)].map((match) => match[1]);
      expect(suggested).toEqual(["36-spanish-civil-war", "69-gossips", "38-comments-on-life"]);
      expect(acknowledgement.html).toContain('href="https://gallery.test/works/36-spanish-civil-war"');
      const availability = await db.artwork.findMany({ where: { slug: { in: suggested as string[] } }, select: { availability: true } });
      expect(availability.every((row) => row.availability === "available")).toBe(true);
    } finally {
      await db.artwork.update({ where: { slug: "42-second-retreat-from-russia" }, data: { availability: "available" } });
    }
  });

  it("says a reserved work is reserved, and a work in a private collection is not for sale", async () => {
    await db.artwork.update({ where: { slug: "69-gossips" }, data: { availability: "reserved" } });
    try {
      const reserved = await enquireAbout("69-gossips", "reserved.case@example.test");
      expect(reserved.text).toContain("69 Gossips is reserved for another collector at the moment.");
    } finally {
      await db.artwork.update({ where: { slug: "69-gossips" }, data: { availability: "available" } });
    }
    const privateWork = await enquireAbout("58-skyscrapers", "private.case@example.test");
    expect(privateWork.text).toContain("58 Skyscrapers is in a private collection and is not for sale");
    expect(privateWork.text).not.toContain("58-skyscrapers\n  ");
  });

  it("says nothing of the kind about a work that is available", async () => {
    const acknowledgement = await enquireAbout("37-undertones-of-war", "available.case@example.test");
    expect(acknowledgement.text).not.toMatch(/has been sold|reserved|private collection|close to it/);
  });
});
