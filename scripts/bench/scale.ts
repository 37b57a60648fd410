/**
 * The site with a large catalogue (`npm run bench -- --works 5000`): build time, the weight of All
 * works and of the longest section, the sitemap's validity, and how fast All works filters and sorts.
 */
import { percentile, type BenchServer } from "./production-server";

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

async function page(server: BenchServer, path: string): Promise<{ status: number; bytes: number; text: string }> {
  const response = await fetch(`${server.baseUrl}${path}`);
  const text = await response.text();
  return { status: response.status, bytes: Buffer.byteLength(text), text };
}

const SORTS = ["number", "title", "size"];
const AVAILABILITIES = ["", "available", "sold", "reserved", "private_collection"];
const CATEGORIES = ["", "drawing", "painting", "print"];

export async function benchScale(server: BenchServer, works: number): Promise<void> {
  console.log(`\nA catalogue of ${works} generated works in 40 sections (beside the seeded exhibition)`);
  if (server.buildSeconds !== null)
    console.log(`  build (the first 500 artwork pages rendered ahead, the rest on first visit): ${server.buildSeconds.toFixed(0)} s`);
  console.log(`  first artwork page after the server started: ${server.firstArtworkMs.toFixed(0)} ms`);

  const first = await page(server, "/works");
  const pageCount = Number(/page 1 of (\d+)/.exec(first.text)?.[1] ?? 1);
  const samples = [
    ["All works, page 1", "/works"],
    [`All works, page ${Math.ceil(pageCount / 2)}`, `/works?page=${Math.ceil(pageCount / 2)}`],
    [`All works, page ${pageCount} (the last)`, `/works?page=${pageCount}`],
    ["All works, a section sorted by title", "/works?section=generated-section-7&sort=title"],
    ["the generated exhibition", "/exhibitions/generated-collection"],
    ["a section of the generated exhibition", "/exhibitions/generated-collection/generated-section-1"],
  ] as const;
  for (const [name, path] of samples) {
    const result = await page(server, path);
    console.log(`  ${name}: HTTP ${result.status}, ${kb(result.bytes)} of HTML`);
  }

  const sitemap = await page(server, "/sitemap.xml");
  const isIndex = sitemap.text.includes("<sitemapindex");
  const parts = isIndex ? [...sitemap.text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname) : ["/sitemap.xml"];
  let urls = 0;
  let largest = 0;
  for (const part of parts) {
    const text = part === "/sitemap.xml" ? sitemap.text : (await page(server, part)).text;
    const count = (text.match(/<url>/g) ?? []).length;
    const wellFormed = text.startsWith('<?xml version="1.0" encoding="UTF-8"?>') && text.trimEnd().endsWith("</urlset>");
    if (!wellFormed) throw new Error(`${part} is not a complete urlset`);
    urls += count;
    largest = Math.max(largest, count);
  }
  console.log(
    `  sitemap: ${urls} addresses in ${parts.length} file${parts.length === 1 ? "" : "s"} (largest ${largest}; the limit is 50,000), ${kb(sitemap.bytes)} for sitemap.xml`,
  );

  // Filter and sort as collectors do: a random section, category, availability, order and page each time.
  // Interleaved with the enquiry page, the lightest page rendered per visit (its form carries a fresh
  // token), so both see the same machine: that page is the framework's floor for a page made on demand.
  const sectionCount = 40;
  const latencies: number[] = [];
  const floor: number[] = [];
  const largestFiltered = { bytes: 0, path: "" };
  for (let request = 0; request < 60; request += 1) {
    await page(server, `/works?sort=${SORTS[request % 3]}`); // warm-up
    await page(server, "/enquire");
  }
  for (let request = 0; request < 400; request += 1) {
    const query = new URLSearchParams();
    if (request % 2 === 0) query.set("section", `generated-section-${1 + (request % sectionCount)}`);
    const category = CATEGORIES[request % CATEGORIES.length]!;
    const availability = AVAILABILITIES[(request >> 1) % AVAILABILITIES.length]!;
    if (category) query.set("category", category);
    if (availability) query.set("availability", availability);
    query.set("sort", SORTS[request % SORTS.length]!);
    if (request % 5 === 0) query.set("page", String(1 + (request % 7)));
    const path = `/works?${query}`;
    const started = performance.now();
    const result = await page(server, path);
    latencies.push(performance.now() - started);
    if (result.status !== 200) throw new Error(`${path} answered ${result.status}`);
    if (result.bytes > largestFiltered.bytes) Object.assign(largestFiltered, { bytes: result.bytes, path });
    const floorStarted = performance.now();
    await page(server, "/enquire");
    floor.push(performance.now() - floorStarted);
  }
  latencies.sort((a, b) => a - b);
  floor.sort((a, b) => a - b);
  console.log(
    `  All works filtered and sorted (400 different queries, one at a time, whole response): p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p99 ${percentile(latencies, 0.99).toFixed(1)} ms; largest page ${kb(largestFiltered.bytes)}`,
  );
  console.log(
    `  the enquiry page, between them (the floor for a page made per visit): p50 ${percentile(floor, 0.5).toFixed(1)} ms, p99 ${percentile(floor, 0.99).toFixed(1)} ms`,
  );
}
