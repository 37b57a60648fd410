import { sitemapDocument, sitemapEntries, XML_HEADERS } from "@/lib/catalogue-cache/sitemap";

export async function GET() {
  return new Response(sitemapDocument(await sitemapEntries()), { headers: XML_HEADERS });
}
