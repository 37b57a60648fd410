import { describe, expect, it } from "vitest";
import { formatPrice, parsePrice, PriceParseError, readGalleryPrice } from "@/lib/catalogue/prices";
import { artworkSlugBase, slugify, uniqueSlug } from "@/lib/catalogue/slugs";
import { availabilityFromGalleryText, categoryFromGalleryWord } from "@/lib/catalogue/vocabulary";

describe("slugs", () => {
  it("joins catalogue number and title", () => {
    expect(artworkSlugBase("42", "Second Retreat from Russia")).toBe("42-second-retreat-from-russia");
    expect(artworkSlugBase("93x", "Harvest Supper")).toBe("93x-harvest-supper");
  });

  it("drops brackets and punctuation", () => {
    expect(slugify("Neasom. N (Watercolours)")).toBe("neasom-n-watercolours");
    expect(slugify("  The Taxman!  ")).toBe("the-taxman");
    expect(slugify("Tom & Jerry's")).toBe("tom-and-jerrys");
  });

  it("folds accents and ligatures", () => {
    expect(slugify("Café Zoë à Besançon")).toBe("cafe-zoe-a-besancon");
    expect(slugify("Straße Ærø")).toBe("strasse-aero");
  });

  it("keeps two works with the same number and title apart", () => {
    const taken = new Set(["65c-study", "65c-study-2"]);
    expect(uniqueSlug(artworkSlugBase("65c", "Study"), (slug) => taken.has(slug))).toBe("65c-study-3");
    expect(uniqueSlug("65c-other", (slug) => taken.has(slug))).toBe("65c-other");
  });

  it("never returns an empty slug", () => {
    expect(artworkSlugBase("", "???")).toBe("work");
  });
});

describe("prices", () => {
  it.each([
    ["£875.00", { amountMinor: 87500, currency: "GBP" }],
    ["Price £ 875.00", { amountMinor: 87500, currency: "GBP" }],
    ["Suggested Offer: £3,750", { amountMinor: 375000, currency: "GBP" }],
    ["€1,200.50", { amountMinor: 120050, currency: "EUR" }],
    ["$99.5", { amountMinor: 9950, currency: "USD" }],
    ["1200", { amountMinor: 120000, currency: "GBP" }],
  ])("reads %j", (text, expected) => {
    expect(parsePrice(text)).toEqual(expected);
  });

  it.each(["", "  ", "POA", "Price on application", "not for sale"])("reads %j as no price", (text) => {
    expect(parsePrice(text)).toBeNull();
  });

  it("refuses text with no amount", () => {
    expect(() => parsePrice("ask us")).toThrow(PriceParseError);
  });

  it("formats whole and fractional amounts", () => {
    expect(formatPrice(87500, "GBP")).toBe("£875");
    expect(formatPrice(87550, "GBP")).toBe("£875.50");
    expect(formatPrice(375000, "GBP")).toBe("£3,750");
  });
});

describe("gallery vocabulary", () => {
  it("maps statuses as galleries write them", () => {
    expect(availabilityFromGalleryText("This work is in a private collection")).toBe("private_collection");
    expect(availabilityFromGalleryText("SOLD")).toBe("sold");
    expect(availabilityFromGalleryText("Reserved")).toBe("reserved");
    expect(availabilityFromGalleryText("")).toBe("available");
    expect(availabilityFromGalleryText(null)).toBe("available");
    expect(availabilityFromGalleryText("maybe next week")).toBeUndefined();
  });

  it("maps filing words to categories", () => {
    expect(categoryFromGalleryWord("Drawings")).toBe("drawing");
    expect(categoryFromGalleryWord("Paintings")).toBe("painting");
    expect(categoryFromGalleryWord("Watercolours")).toBe("painting");
    expect(categoryFromGalleryWord("Tapestry")).toBeUndefined();
  });
});

describe("a price cell as galleries fill it in", () => {
  it.each([
    ["£875", { amountMinor: 87500, currency: "GBP" }, null, false],
    ["£ 875.00", { amountMinor: 87500, currency: "GBP" }, null, false],
    ["875 GBP", { amountMinor: 87500, currency: "GBP" }, null, false],
    ["875 USD", { amountMinor: 87500, currency: "USD" }, null, false],
    ["Price £1,175", { amountMinor: 117500, currency: "GBP" }, null, false],
    ["Suggested offer: £3,750", { amountMinor: 375000, currency: "GBP" }, null, false],
    ["POA", null, null, false],
    ["Price on application", null, null, false],
    ["NFS", null, null, false],
    ["Sold", null, "sold", false],
    ["RESERVED", null, "reserved", false],
    ["Private collection", null, "private_collection", false],
    ["This work is in a private collection", null, "private_collection", false],
    ["Sold, was £900", { amountMinor: 90000, currency: "GBP" }, "sold", true],
    ["£875 or nearest offer", { amountMinor: 87500, currency: "GBP" }, null, true],
    ["ask us", null, null, true],
  ] as const)("reads %j", (text, price, availability, worthChecking) => {
    expect(readGalleryPrice(text)).toEqual({ price, availability, worthChecking });
  });

  it("reads an empty cell as no price and nothing to check", () => {
    expect(readGalleryPrice("  ")).toEqual({ price: null, availability: null, worthChecking: false });
    expect(readGalleryPrice(null)).toEqual({ price: null, availability: null, worthChecking: false });
  });
});
