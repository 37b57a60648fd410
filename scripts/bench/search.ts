/**
 * `npm run bench:search`: catalogue search over 5,000 generated works (a database of its own in
 * tmp/): p50 and p99 of the query the search page makes, for a mix of searches people type, after a
 * warm-up. Printed, never asserted.
 */
import { freshBenchDatabase } from "./generate-catalogue";

const WORKS = 5_000;
const ROUNDS = 40;
const SEARCHES = [
  "harvest",
  "pen and ink",
  "bordesley",
  "drawings",
  "watercolour evesham",
  "1958",
  "12a",
  "mill",
  "storm at",
  "ferry redditch",
  "zeppelin",
];

freshBenchDatabase("bench-search", WORKS);

const { searchArtworks } = await import("@/lib/data/search");
for (const search of SEARCHES) await searchArtworks(search);
const timings: number[] = [];
let found = 0;
for (let round = 0; round < ROUNDS; round += 1) {
  for (const search of SEARCHES) {
    const started = performance.now();
    found += (await searchArtworks(search)).length;
    timings.push(performance.now() - started);
  }
}
timings.sort((a, b) => a - b);
const at = (share: number) => timings[Math.min(timings.length - 1, Math.floor(share * timings.length))]!;
console.log(
  `Search over ${(WORKS + 9).toLocaleString("en-GB")} works: ${timings.length} searches (${SEARCHES.length} kinds, after a warm-up), ` +
    `p50 ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms, slowest ${at(1).toFixed(1)} ms (goal p99 under 20 ms); ` +
    `${Math.round(found / ROUNDS)} results a round`,
);
