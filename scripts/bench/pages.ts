/** Page weight (HTML, JS, CSS; raw and gzipped) and serving speed of the catalogue pages. */
import { gzipSync } from "node:zlib";
import { percentile, type BenchServer } from "./production-server";

const PAGES = {
  home: "/",
  exhibition: "/exhibitions/norman-neasom-exhibition",
  section: "/exhibitions/norman-neasom-exhibition/wars-and-conflicts",
  artwork: "/works/42-second-retreat-from-russia",
  "all works": "/works",
};

async function bytesOf(url: string): Promise<{ raw: number; gzip: number }> {
  const body = Buffer.from(await (await fetch(url)).arrayBuffer());
  return { raw: body.length, gzip: gzipSync(body).length };
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export async function benchPages(server: BenchServer): Promise<void> {
  console.log("\nPage weight (what a first visit downloads; gzip as a server would send it)");
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
    console.log(
      `  ${name.padEnd(10)} HTML ${kb(htmlBytes)} (${kb(gzipSync(html).length)} gz) · JS ${kb(js.raw)} (${kb(js.gzip)} gz, ${new Set(scripts).size} files) · CSS ${kb(css.raw)} (${kb(css.gzip)} gz)`,
    );
  }

  console.log("\nServing the pre-rendered artwork page (500 GETs, concurrency 16)");
  const latencies: number[] = [];
  let remaining = 500;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (remaining > 0) {
        remaining -= 1;
        const begin = performance.now();
        await (await fetch(`${server.baseUrl}${PAGES.artwork}`)).arrayBuffer();
        latencies.push(performance.now() - begin);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const seconds = (performance.now() - started) / 1000;
  console.log(`  ${(500 / seconds).toFixed(0)} pages/s, p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p99 ${percentile(latencies, 0.99).toFixed(1)} ms`);
}
