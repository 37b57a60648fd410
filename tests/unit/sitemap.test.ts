import { describe, expect, it } from "vitest";
import { pageWindow } from "@/components/pager";
import { pageOf } from "@/lib/data/catalogue";
import { sitemapDocument, sitemapPart, type SitemapEntry } from "@/lib/catalogue-cache/sitemap";

const entries = (count: number): SitemapEntry[] =>
  Array.from({ length: count }, (_, index) => ({ url: `https://gallery.test/works/work-${index}`, priority: 0.8 }));
const locations = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);

describe("the sitemap, split at the protocol's limit", () => {
  it("is one urlset up to the limit", () => {
    const xml = sitemapDocument(entries(5), 5);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
    expect(locations(xml)).toHaveLength(5);
    expect(sitemapPart(entries(5), 1, 5)).toBeNull();
  });

  it("becomes an index of parts past the limit, the parts holding every address once and none over the limit", () => {
    const all = entries(12);
    const index = sitemapDocument(all, 5);
    expect(index).toContain("<sitemapindex");
    expect(locations(index)).toEqual(
      ["/sitemaps/1.xml", "/sitemaps/2.xml", "/sitemaps/3.xml"].map((path) => `http://localhost:3000${path}`),
    );
    const parts = [1, 2, 3].map((part) => locations(sitemapPart(all, part, 5)!));
    expect(parts.map((part) => part.length)).toEqual([5, 5, 2]);
    expect(parts.flat()).toEqual(all.map((entry) => entry.url));
    expect(sitemapPart(all, 4, 5)).toBeNull();
    expect(sitemapPart(all, 0, 5)).toBeNull();
  });

  it("escapes what XML needs escaped", () => {
    expect(sitemapDocument([{ url: "https://gallery.test/works?a=1&b=2", priority: 1 }])).toContain(
      "<loc>https://gallery.test/works?a=1&amp;b=2</loc>",
    );
  });
});

describe("All works, a page at a time", () => {
  const works = Array.from({ length: 50 }, (_, index) => index) as never[];
  it("cuts the list into pages and keeps a page past the end on the last one", () => {
    expect(pageOf(works, 1, 24)).toMatchObject({ total: 50, page: 1, pageCount: 3 });
    expect(pageOf(works, 3, 24).works).toHaveLength(2);
    expect(pageOf(works, 99, 24)).toMatchObject({ page: 3 });
    expect(pageOf([], 1, 24)).toMatchObject({ total: 0, page: 1, pageCount: 1, works: [] });
  });

  it("offers the first, the last and two pages either side of the current one", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 4)).toEqual([1, 2, 3, 4]);
    expect(pageWindow(10, 209)).toEqual([1, "gap", 8, 9, 10, 11, 12, "gap", 209]);
    expect(pageWindow(209, 209)).toEqual([1, "gap", 207, 208, 209]);
  });
});
