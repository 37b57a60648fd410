import { sitemapEntries, sitemapPart, XML_HEADERS } from "@/lib/catalogue-cache/sitemap";

type Context = { params: Promise<{ file: string }> };

export async function GET(_request: Request, { params }: Context) {
  const { file } = await params;
  const part = /^(\d{1,6})\.xml$/.exec(file)?.[1];
  const document = part ? sitemapPart(await sitemapEntries(), Number(part)) : null;
  if (!document) return new Response("No such sitemap.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(document, { headers: XML_HEADERS });
}
