/** Page weight (HTML, JS, CSS; raw and gzipped) and serving speed of the catalogue pages. */
import { gzipSync } from "node:zlib";
import { measureConcurrently, type BenchServer } from "./production-server";

/** Every public page type and the staff sign-in, as Lighthouse sees them too (scripts/bench/lighthouse.ts). */
export const PAGES = {
  home: "/",
  exhibition: "/exhibitions/norman-neasom-exhibition",
  section: "/exhibitions/norman-neasom-exhibition/wars-and-conflicts",
  "all works": "/works",
  artwork: "/works/42-second-retreat-from-russia",
  enquire: "/enquire",
  privacy: "/privacy",
  "404": "/no-such-page",
  "staff sign-in": "/staff/sign-in",
};
/** The framework's floor: a page made of server components only (the layout's links included). */
const FLOOR_PAGE = "privacy";

async function bytesOf(url: string): Promise<{ raw: number; gzip: number }> {
  const body = Buffer.from(await (await fetch(url)).arrayBuffer());
  return { raw: body.length, gzip: gzipSync(body).length };
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export async function benchPages(server: BenchServer): Promise<void> {
  console.log("\nPage weight (what a first visit downloads; gzip as a server would send it)");
  const rows: Array<{ name: string; jsGzip: number; line: string }> = [];
  for (const [name, path] of Object.entries(PAGES)) {
    const html = await (await fetch(`${server.baseUrl}${path}`)).text();
    const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]!);
    const styles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((match) => match[1]!);
    const sum = async (urls: string[]) => {
      const sizes = await Promise.all([...new Set(urls)].map((url) => bytesOf(new URL(url, server.baseUrl).toString())));
      return sizes.reduce((total, size) => ({ raw: total.raw + size.raw, gzip: total.gzip + size.gzip }), { raw: 0, gzip: 0 });
    };
    const js = await sum(scripts);
    const css = await sum(styles);
    const htmlBytes = Buffer.byteLength(html);
    rows.push({
      name,
      jsGzip: js.gzip,
      line: `HTML ${kb(htmlBytes)} (${kb(gzipSync(html).length)} gz) · JS ${kb(js.raw)} (${kb(js.gzip)} gz, ${new Set(scripts).size} files) · CSS ${kb(css.raw)} (${kb(css.gzip)} gz)`,
    });
  }
  const floor = rows.find((row) => row.name === FLOOR_PAGE)!.jsGzip;
  for (const row of rows) {
    const above = row.jsGzip - floor;
    console.log(`  ${row.name.padEnd(13)} ${row.line} · application JS above the floor ${above >= 0 ? "+" : ""}${kb(above)} gz`);
  }
  console.log(`  (floor: the ${FLOOR_PAGE} page, server components only: ${kb(floor)} gz of framework JavaScript)`);

  console.log("\nServing the pre-rendered artwork page (500 GETs, concurrency 16)");
  const serving = await measureConcurrently(500, 16, async () => {
    await (await fetch(`${server.baseUrl}${PAGES.artwork}`)).arrayBuffer();
  });
  console.log(`  ${serving.perSecond.toFixed(0)} pages/s, p50 ${serving.p50.toFixed(1)} ms, p99 ${serving.p99.toFixed(1)} ms`);
}
