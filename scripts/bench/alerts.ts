/**
 * `npm run bench:alerts`: "tell me about new works" at scale, on a database of its own (tmp/bench-alerts),
 * through the data layer as the site runs it. 10,000 confirmed alerts (by the artist, by a section, by
 * medium up to a price), then a 50-work import applied; what is timed is the round that matches the new
 * works against every alert and queues each one email (one transaction). Five rounds, each from the same
 * start (the emails deleted, the alerts as before), after a warm-up: the median and the spread.
 * Printed, never asserted: the figures depend on the machine.
 */
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { stringify } from "csv-stringify/sync";
import { freshBenchDatabase } from "./generate-catalogue";

const ALERTS = 10_000;
const NEW_WORKS = 50;
const RUNS = 5;
const databasePath = freshBenchDatabase("bench-alerts", 200);
process.env.LOG_LEVEL = "silent";

const sqlite = new Database(databasePath);
// The generated catalogue was shown long ago: only the import's works are new.
sqlite
  .prepare(`UPDATE "Artwork" SET "firstPublishedAt" = ?`)
  .run(new Date(Date.now() - 2 * 86_400_000).toISOString().replace("Z", "+00:00"));
const exhibition = sqlite.prepare(`SELECT "id", "artistId" FROM "Exhibition" WHERE "slug" = 'generated-collection'`).get() as {
  id: string;
  artistId: string;
};
const sections = sqlite
  .prepare(`SELECT "id", "title" FROM "Section" WHERE "exhibitionId" = ? ORDER BY "position"`)
  .all(exhibition.id) as Array<{ id: string; title: string }>;
const before = new Date(Date.now() - 60_000).toISOString().replace("Z", "+00:00");
const insert = sqlite.prepare(
  `INSERT INTO "NewWorkAlert" ("id", "email", "name", "scope", "artistId", "sectionId", "category", "maxPriceMinor", "currency", "criteriaKey",
     "confirmedAt", "coveredUntil", "createdAt", "updatedAt") VALUES (?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
);
sqlite.transaction(() => {
  for (let index = 0; index < ALERTS; index += 1) {
    const kind = index % 10;
    const section = sections[index % sections.length]!;
    const [scope, sectionId, category, maxPriceMinor] =
      kind < 6 ? ["artist", null, null, null] : kind < 9 ? ["section", section.id, null, null] : ["medium", null, "drawing", 150_000];
    const key = `${scope}:${sectionId ?? exhibition.artistId}:${category ?? ""}:${maxPriceMinor ?? "any"}`;
    insert.run(
      randomUUID(),
      `subscriber${index}@example.test`,
      scope,
      exhibition.artistId,
      sectionId,
      category,
      maxPriceMinor,
      maxPriceMinor ? "GBP" : null,
      key,
      before,
      before,
      before,
      before,
    );
  }
})();
sqlite.close();

// Fifty new works, imported as a gallery imports them (the import command's own code), into the generated sections.
const csv = stringify([
  ["Cat No", "Title", "Section", "Category", "Medium", "Size", "Price"],
  ...Array.from({ length: NEW_WORKS }, (_, index) => [
    `N${index + 1}`,
    `New Arrival ${index + 1}`,
    sections[index % sections.length]!.title,
    index % 2 === 0 ? "Drawing" : "Painting",
    index % 2 === 0 ? "Ink drawing" : "Watercolour",
    "Image: 30 x 40 cm",
    `£${900 + index * 40}`,
  ]),
]);
const { commandLineImportActor, importCatalogue } = await import("@/lib/data/catalogue-import");
const beforeImport = new Date(Date.now() - 1000).toISOString().replace("Z", "+00:00");
const imported = await importCatalogue(csv, { exhibitionSlug: "generated-collection" }, { apply: true }, commandLineImportActor());
const { queueNewWorkEmails } = await import("@/lib/data/new-work-alerts");
// Each run from the same start: written straight into the file (the reset is not what is measured).
const reset = new Database(databasePath);
function fromTheStart() {
  reset.prepare(`DELETE FROM "OutboxEmail" WHERE "kind" = 'new_works'`).run();
  reset.prepare(`UPDATE "NewWorkAlert" SET "lastSentAt" = NULL, "coveredUntil" = ?`).run(beforeImport);
}

fromTheStart();
const warm = await queueNewWorkEmails(new Date());
const seconds: number[] = [];
for (let run = 0; run < RUNS; run += 1) {
  fromTheStart();
  const started = performance.now();
  const round = await queueNewWorkEmails(new Date());
  seconds.push((performance.now() - started) / 1000);
  if (round.queued !== warm.queued) throw new Error(`Run ${run + 1} queued ${round.queued} emails, the warm-up ${warm.queued}`);
}
seconds.sort((a, b) => a - b);
console.log(
  `New works for ${ALERTS.toLocaleString("en-GB")} alerts after a ${imported.counts.create}-work import: ${warm.queued.toLocaleString("en-GB")} emails queued ` +
    `(${warm.newWorks} new works matched against ${warm.alertsDue.toLocaleString("en-GB")} alerts, one transaction); ${RUNS} runs after a warm-up: ` +
    `median ${seconds[Math.floor(RUNS / 2)]!.toFixed(2)} s, spread ${seconds[0]!.toFixed(2)}–${seconds[RUNS - 1]!.toFixed(2)} s (goal: under 5 s)`,
);
reset.close();
