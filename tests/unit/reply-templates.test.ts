import { describe, expect, it } from "vitest";
import { fillTemplate, placeholderValues, unknownPlaceholders } from "@/lib/enquiries/reply-placeholders";
import { replyTemplateFromForm, replyTemplateSchema } from "@/lib/validations/saved-replies";

const values = (works: Array<{ label: string; price: string; url: string }>) =>
  placeholderValues({
    collectorName: "Ada Lovelace",
    works,
    galleryName: "Bracebridge Fine Art",
    reference: "ENQ-2026-000042",
    siteUrl: "https://gallery.test",
  });

describe("saved replies", () => {
  it("fill every placeholder for one work", () => {
    const text = "Dear {collector_name}, {work_title} is {work_price}: {work_link} ({reference}) — {gallery_name}";
    expect(
      fillTemplate(text, values([{ label: "42 Second Retreat from Russia", price: "£1,200", url: "https://gallery.test/works/42" }])),
    ).toBe(
      "Dear Ada Lovelace, 42 Second Retreat from Russia is £1,200: https://gallery.test/works/42 (ENQ-2026-000042) — Bracebridge Fine Art",
    );
  });

  it("name every work of an enquiry about several, each with its price", () => {
    const filled = values([
      { label: "37 Undertones of War", price: "£900", url: "u1" },
      { label: "38 Comments on Life", price: "Sold", url: "u2" },
      { label: "63 The Auctioneer", price: "Price on application", url: "u3" },
    ]);
    expect(filled.work_title).toBe("37 Undertones of War, 38 Comments on Life and 63 The Auctioneer");
    expect(filled.work_price).toBe("37 Undertones of War: £900; 38 Comments on Life: Sold; 63 The Auctioneer: Price on application");
    expect(values([]).work_title).toBe("your question");
  });

  it("leave an unknown placeholder as written, and the form names it", () => {
    expect(fillTemplate("Dear {colector_name}", values([]))).toBe("Dear {colector_name}");
    expect(unknownPlaceholders("Dear {colector_name}, {work_title} {price}")).toEqual(["{colector_name}", "{price}"]);
    const parsed = replyTemplateSchema.safeParse(
      replyTemplateFromForm({ name: "Typo", subject: "{work_title}", body: "Dear {colector_name}" }),
    );
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path).toEqual(["body"]);
    expect(parsed.error!.issues[0]!.message).toMatch(/^\{colector_name\} is not a placeholder the form can fill: use \{collector_name\}/);
  });

  it("refuse a subject on two lines and an empty text", () => {
    const parsed = replyTemplateSchema.safeParse(replyTemplateFromForm({ name: "X", subject: "one\ntwo", body: "  " }));
    expect(parsed.error!.issues.map((issue) => issue.path[0]).sort()).toEqual(["body", "subject"]);
  });
});
