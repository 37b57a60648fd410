/**
 * `npm run bench:lighthouse`: Lighthouse (mobile, its default simulated throttling) on every public
 * page type and the staff sign-in of a production build, with Debian's Chromium. Each page is run
 * several times and the median is printed with the spread: this machine is shared and noisy.
 *
 *   npm run bench:lighthouse [-- --runs 3] [--no-build]
 *
 * Lighthouse is installed on first use into tmp/lighthouse-cli (pinned), not into the project:
 * nothing the gallery runs or tests needs it.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { promisify } from "node:util";
import { ensurePinnedCli } from "@/scripts/support/pinned-cli";
import { PAGES } from "./pages";
import { startProductionServer } from "./production-server";

const LIGHTHOUSE_VERSION = "12.2.3";
const cliFolder = path.resolve("tmp/lighthouse-cli");
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;

type Run = { scores: Record<(typeof CATEGORIES)[number], number>; lcpMs: number; tbtMs: number; cls: number; failed: string[] };

type Report = {
  categories: Record<string, { score: number | null; auditRefs: Array<{ id: string; weight: number }> }>;
  audits: Record<string, { score: number | null; numericValue?: number; scoreDisplayMode: string }>;
};

async function lighthouse(lighthouseBin: string, url: string): Promise<Run> {
  const { stdout } = await promisify(execFile)(
    lighthouseBin,
    [
      url,
      "--output=json",
      "--output-path=stdout",
      "--quiet",
      "--ignore-status-code",
      `--only-categories=${CATEGORIES.join(",")}`,
      "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ],
    { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" }, maxBuffer: 64 * 1024 * 1024 },
  );
  const report = JSON.parse(stdout) as Report;
  const failed = CATEGORIES.filter((category) => category !== "performance").flatMap((category) =>
    report.categories[category]!.auditRefs.filter(
      (ref) => ref.weight > 0 && report.audits[ref.id]?.scoreDisplayMode === "binary" && report.audits[ref.id]?.score === 0,
    ).map((ref) => `${category}: ${ref.id}`),
  );
  return {
    scores: Object.fromEntries(
      CATEGORIES.map((category) => [category, Math.round(100 * (report.categories[category]!.score ?? 0))]),
    ) as Run["scores"],
    lcpMs: report.audits["largest-contentful-paint"]!.numericValue ?? 0,
    tbtMs: report.audits["total-blocking-time"]!.numericValue ?? 0,
    cls: report.audits["cumulative-layout-shift"]!.numericValue ?? 0,
    failed,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function spread(values: number[], digits = 0): string {
  const sorted = [...values].sort((a, b) => a - b);
  const format = (value: number) => value.toFixed(digits);
  return sorted[0] === sorted.at(-1) ? format(sorted[0]!) : `${format(median(values))} (${format(sorted[0]!)}–${format(sorted.at(-1)!)})`;
}

const { values } = parseArgs({ options: { runs: { type: "string", default: "3" }, "no-build": { type: "boolean", default: false } } });
const lighthouseBin = ensurePinnedCli(cliFolder, "lighthouse", LIGHTHOUSE_VERSION);
const server = await startProductionServer("bench-lighthouse", 3302, { reuseBuild: values["no-build"] });
try {
  const runs = Number(values.runs);
  console.log(`\nLighthouse ${LIGHTHOUSE_VERSION}, mobile, ${runs} runs per page: median (lowest–highest)`);
  console.log(
    `  ${"page".padEnd(13)} ${"perf".padEnd(12)} ${"a11y".padEnd(12)} ${"best pr.".padEnd(12)} ${"SEO".padEnd(12)} ${"LCP ms".padEnd(18)} ${"TBT ms".padEnd(16)} CLS`,
  );
  for (const [name, pathname] of Object.entries(PAGES)) {
    const results: Run[] = [];
    // Pages in turn rather than all runs of one page together, so a busy moment touches several pages a little.
    for (let run = 0; run < runs; run += 1) results.push(await lighthouse(lighthouseBin, `${server.baseUrl}${pathname}`));
    const column = (pick: (run: Run) => number, width: number, digits = 0) => spread(results.map(pick), digits).padEnd(width);
    console.log(
      `  ${name.padEnd(13)} ${column((r) => r.scores.performance, 12)} ${column((r) => r.scores.accessibility, 12)} ${column((r) => r.scores["best-practices"], 12)} ${column((r) => r.scores.seo, 12)} ${column((r) => r.lcpMs, 18)} ${column((r) => r.tbtMs, 16)} ${spread(
        results.map((r) => r.cls),
        3,
      )}`,
    );
    const failures = [...new Set(results.flatMap((run) => run.failed))];
    if (failures.length > 0) console.log(`  ${"".padEnd(13)} failed: ${failures.join(", ")}`);
  }
} finally {
  await server.stop();
}
