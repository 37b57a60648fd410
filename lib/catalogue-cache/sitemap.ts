import "server-only";
import { unstable_cache } from "next/cache";
import { cacheTags } from "@/lib/catalogue-cache/cache-tags";
import { listPublicAddresses } from "@/lib/data/catalogue";
import { absoluteUrl } from "@/lib/http/site";

/** The sitemap protocol's limit per file; past it, sitemap.xml becomes an index of numbered parts. */
export const URLS_PER_SITEMAP = 50_000;

export type SitemapEntry = { url: string; lastModified?: string; priority: number };

const getPublicAddresses = unstable_cache(listPublicAddresses, ["public-addresses"], {
  tags: [cacheTags.catalogue, cacheTags.artworkLists],
});

export async function sitemapEntries(): Promise<SitemapEntry[]> {
  const addresses = await getPublicAddresses();
  return [
    { url: absoluteUrl("/"), priority: 1 },
    { url: absoluteUrl("/works"), priority: 0.8 },
    ...addresses.exhibitions.map(({ exhibitionSlug }) => ({ url: absoluteUrl(`/exhibitions/${exhibitionSlug}`), priority: 0.9 })),
    ...addresses.sections.map(({ exhibitionSlug, sectionSlug }) => ({
      url: absoluteUrl(`/exhibitions/${exhibitionSlug}/${sectionSlug}`),
      priority: 0.7,
    })),
    ...addresses.artworks.map(({ slug, updatedAt }) => ({ url: absoluteUrl(`/works/${slug}`), lastModified: updatedAt, priority: 0.8 })),
    { url: absoluteUrl("/enquire"), priority: 0.5 },
  ];
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

export function urlSet(entries: SitemapEntry[]): string {
  const urls = entries.map(
    (entry) =>
      `<url><loc>${escapeXml(entry.url)}</loc>${entry.lastModified ? `<lastmod>${escapeXml(entry.lastModified)}</lastmod>` : ""}<priority>${entry.priority}</priority></url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
}

export function sitemapIndex(partCount: number): string {
  const parts = Array.from(
    { length: partCount },
    (_, index) => `<sitemap><loc>${escapeXml(absoluteUrl(`/sitemaps/${index + 1}.xml`))}</loc></sitemap>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${parts.join("\n")}\n</sitemapindex>\n`;
}

/** sitemap.xml: every address, or, past the limit, the index of the parts. */
export function sitemapDocument(entries: SitemapEntry[], limit = URLS_PER_SITEMAP): string {
  return entries.length <= limit ? urlSet(entries) : sitemapIndex(Math.ceil(entries.length / limit));
}

/** Part n (from 1) of a split sitemap, or null past the last. */
export function sitemapPart(entries: SitemapEntry[], part: number, limit = URLS_PER_SITEMAP): string | null {
  if (entries.length <= limit || !Number.isInteger(part) || part < 1 || (part - 1) * limit >= entries.length) return null;
  return urlSet(entries.slice((part - 1) * limit, part * limit));
}

export const XML_HEADERS = { "Content-Type": "application/xml; charset=utf-8" };
