/**
 * `npm run bench:sale`: the sale's figures on a database of its own (tmp/bench-sale), through the data
 * layer as the site runs it:
 *   - a five-work invoice issued: its number, its PDF made (pdfkit) and stored, its email queued, in
 *     one transaction; p50 and p99 over 200, after a warm-up;
 *   - the expiry sweep over 10,000 holds that ran out at once (500 ended to a transaction, each work
 *     made available again), against the sweep with none due (what every tick costs).
 * Printed, never asserted: the figures depend on the machine.
 */
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { freshBenchDatabase } from "./generate-catalogue";

const INVOICES = 200;
const HOLDS = 10_000;
const databasePath = freshBenchDatabase("bench-sale", HOLDS);
process.env.UPLOAD_DIR = `${databasePath}-uploads`;
process.env.LOG_LEVEL = "silent";

const sqlite = new Database(databasePath);
const works = sqlite.prepare(`SELECT "id" FROM "Artwork" ORDER BY "id"`).all() as Array<{ id: string }>;
// The owner's bank details, as Settings would save them.
sqlite
  .prepare(`INSERT INTO "SaleSettings" ("id", "bankDetails", "updatedAt") VALUES (1, ?, ?)`)
  .run("Bracebridge Fine Art Ltd, sort code 12-34-56, account 12345678", new Date().toISOString());

const { createDraftInvoice, issueInvoice } = await import("@/lib/data/invoices");
const { endExpiredHolds } = await import("@/lib/data/holds");

const quantile = (sorted: number[], share: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!;
const actor = { id: null, name: "The benchmark" };

function draftOfFiveWorks(round: number): Promise<string> {
  return createDraftInvoice({
    buyerName: `Buyer ${round}`,
    buyerEmail: `buyer${round}@example.test`,
    buyerAddress: "3 Mill Lane\nLedbury HR8 1AA",
    currency: "GBP",
    lines: works
      .slice(round * 5, round * 5 + 5)
      .map((work, index) => ({ kind: "work" as const, artworkId: work.id, amountMinor: 100_000 + index * 12_500 })),
    createdBy: actor,
  });
}

for (let round = 0; round < 5; round += 1) await issueInvoice(await draftOfFiveWorks(round), actor);
const milliseconds: number[] = [];
for (let round = 5; round < 5 + INVOICES; round += 1) {
  const draft = await draftOfFiveWorks(round);
  const started = performance.now();
  await issueInvoice(draft, actor);
  milliseconds.push(performance.now() - started);
}
milliseconds.sort((a, b) => a - b);
console.log(
  `A five-work invoice issued (number, PDF made and stored, email queued, one transaction), ${INVOICES} after a warm-up: ` +
    `p50 ${quantile(milliseconds, 0.5).toFixed(1)} ms, p99 ${quantile(milliseconds, 0.99).toFixed(1)} ms, spread ${milliseconds[0]!.toFixed(1)}–${milliseconds.at(-1)!.toFixed(1)} ms`,
);

// 10,000 holds, every one run out a minute ago (written straight into the file: their placing is not what is measured).
const heldUntil = new Date(Date.now() - 60_000);
const stamp = heldUntil.toISOString().replace("Z", "+00:00");
sqlite.exec(`UPDATE "InvoiceLine" SET "liveArtworkId" = NULL; UPDATE "Artwork" SET "availability" = 'reserved'`);
const insertHold = sqlite.prepare(
  `INSERT INTO "WorkHold" ("id", "artworkId", "collectorName", "collectorEmail", "heldUntil", "createdAt", "updatedAt") VALUES (?, ?, 'Held', 'held@example.test', ?, ?, ?)`,
);
sqlite.transaction(() => {
  for (const work of works.slice(0, HOLDS)) insertHold.run(randomUUID(), work.id, stamp, stamp, stamp);
})();
const idle: number[] = [];
for (let run = 0; run < 20; run += 1) {
  const started = performance.now();
  await endExpiredHolds(new Date(heldUntil.getTime() - 3_600_000));
  idle.push(performance.now() - started);
}
idle.sort((a, b) => a - b);
const started = performance.now();
const swept = await endExpiredHolds(new Date());
const sweepSeconds = (performance.now() - started) / 1000;
console.log(
  `The expiry sweep with nothing due (every tick): p50 ${quantile(idle, 0.5).toFixed(2)} ms over 20 runs, with ${HOLDS.toLocaleString("en-GB")} holds waiting`,
);
console.log(
  `The expiry sweep over ${swept.ended.toLocaleString("en-GB")} holds run out at once: ${sweepSeconds.toFixed(1)} s ` +
    `(${((sweepSeconds * 1000) / Math.max(1, swept.ended)).toFixed(2)} ms a hold, 500 to a transaction; refresh: ${swept.change?.everything ? "the whole catalogue" : "per work"})`,
);
sqlite.close();
