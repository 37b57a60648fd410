/**
 * `npm run bench:import`: how long the dry run of a 20,000-row spreadsheet takes against an
 * exhibition that already holds those 20,000 works (the worst case for matching rows to works). Each
 * tenth row raises a price, and a blank price differs from the generated works' currency, so the dry
 * run has updates to plan as well as unchanged rows. A database of its own in tmp/.
 * Printed, never asserted: the figure depends on the machine.
 */
import Database from "better-sqlite3";
import { stringify } from "csv-stringify/sync";
import { IMPORT_MAX_ROWS } from "@/lib/catalogue/import/read-rows";
import { freshBenchDatabase } from "./generate-catalogue";

const RUNS = 5;
const databasePath = freshBenchDatabase("bench-import", IMPORT_MAX_ROWS);

const sqlite = new Database(databasePath, { readonly: true });
const works = sqlite
  .prepare(
    `SELECT a."catalogueNumber" AS number, a."title", s."title" AS section, a."category", a."technique", a."priceMinor",
            (SELECT group_concat(upper(substr(d."kind", 1, 1)) || substr(d."kind", 2) || ': ' || d."height" || ' x ' || d."width" || ' ' || d."unit", ' - ')
               FROM "Dimension" d WHERE d."artworkId" = a."id") AS size
       FROM "Artwork" a JOIN "Section" s ON s."id" = a."sectionId" JOIN "Exhibition" e ON e."id" = s."exhibitionId"
      WHERE e."slug" = 'generated-collection'`,
  )
  .all() as Array<{
  number: string;
  title: string;
  section: string;
  category: string;
  technique: string;
  priceMinor: number | null;
  size: string;
}>;
sqlite.close();
const csv = stringify([
  ["Cat No", "Title", "Section", "Category", "Medium", "Size", "Price"],
  ...works.map((work, index) => [
    work.number,
    work.title,
    work.section,
    work.category,
    work.technique,
    work.size,
    work.priceMinor === null ? "" : `£${(work.priceMinor + (index % 10 === 0 ? 10_000 : 0)) / 100}`,
  ]),
]);

const { commandLineImportActor, importCatalogue } = await import("@/lib/data/catalogue-import");
const dryRun = () => importCatalogue(csv, { exhibitionSlug: "generated-collection" }, { apply: false }, commandLineImportActor());
const warm = await dryRun();
console.log(
  `Dry run of ${works.length.toLocaleString("en-GB")} rows (${(Buffer.byteLength(csv) / 1024 / 1024).toFixed(1)} MB) against as many works: ` +
    `${warm.counts.create} to create, ${warm.counts.update} to update, ${warm.counts.unchanged} unchanged, ${warm.counts.errors} not readable`,
);
const seconds: number[] = [];
for (let run = 0; run < RUNS; run += 1) {
  const started = performance.now();
  await dryRun();
  seconds.push((performance.now() - started) / 1000);
}
seconds.sort((a, b) => a - b);
console.log(
  `  ${RUNS} runs after a warm-up: median ${seconds[Math.floor(RUNS / 2)]!.toFixed(2)} s, spread ${seconds[0]!.toFixed(2)}–${seconds[RUNS - 1]!.toFixed(2)} s (goal: well under 10 s)`,
);

// The 5,000-row file the issue names, into a new exhibition: dry run, then apply (each work its own transaction).
const fiveThousand = stringify([
  ["Cat No", "Title", "Section", "Category", "Medium", "Size", "Price"],
  ...works.slice(0, 5_000).map((work) => [work.number, work.title, work.section, work.category, work.technique, work.size, "£450"]),
]);
const target = { newExhibitionTitle: "Five Thousand" };
let started = performance.now();
const planned = await importCatalogue(fiveThousand, target, { apply: false }, commandLineImportActor());
const dryRunSeconds = (performance.now() - started) / 1000;
started = performance.now();
const applied = await importCatalogue(fiveThousand, target, { apply: true }, commandLineImportActor());
const applySeconds = (performance.now() - started) / 1000;
console.log(
  `5,000 rows into a new exhibition: dry run ${dryRunSeconds.toFixed(2)} s (${planned.counts.create} to create), ` +
    `apply ${applySeconds.toFixed(1)} s (${applied.counts.create} created; goals: under 10 s and under 60 s)`,
);
