/**
 * Imports a gallery's spreadsheet (CSV, Excel .xlsx or LibreOffice .ods). A dry run unless --apply:
 * it shows what would be created or updated and every row it cannot read, with the reason.
 *
 *   npm run import -- catalogue.csv                      dry run into the current exhibition
 *   npm run import -- catalogue.xlsx --sheet "2026"      a spreadsheet's sheet (the first unless named)
 *   npm run import -- catalogue.xlsx --photos photos/    with the photographs named after the works
 *   npm run import -- catalogue.csv --apply              import
 *   npm run import -- catalogue.csv --new-exhibition "Works on Paper" --apply
 *   npm run import -- catalogue.csv --exhibition norman-neasom-exhibition --apply
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { PHOTOGRAPH_FILE } from "@/lib/catalogue/import/photograph-names";
import { IMPORT_MAX_BYTES } from "@/lib/catalogue/import/read-rows";
import { commandLineImportActor, importCatalogue } from "@/lib/data/catalogue-import";
import { type ImportProgress, type ImportReport, type PhotographSource } from "@/lib/catalogue/import/import-report";
import { askRunningSiteToRefresh } from "@/lib/catalogue-cache/ask-running-site-to-refresh";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    apply: { type: "boolean", default: false },
    exhibition: { type: "string" },
    "new-exhibition": { type: "string" },
    sheet: { type: "string" },
    photos: { type: "string" },
  },
});
const file = positionals[0];
if (!file) {
  console.error(
    'Usage: npm run import -- catalogue.csv|.xlsx|.ods [--sheet NAME] [--apply] [--exhibition slug | --new-exhibition "Title"]',
  );
  process.exit(2);
}

if (statSync(file).size > IMPORT_MAX_BYTES) {
  console.error(`Nothing imported: ${file} is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB. Import the catalogue in parts.`);
  process.exit(1);
}

/** The photographs in a folder and its subfolders, read only when attached. */
function photographsIn(folder: string): PhotographSource[] {
  let names: string[];
  try {
    names = readdirSync(folder, { recursive: true, encoding: "utf8" });
  } catch {
    console.error(`Nothing imported: the photographs folder ${folder} cannot be read.`);
    process.exit(1);
  }
  return names.filter((name) => PHOTOGRAPH_FILE.test(name)).map((name) => ({ name, read: () => readFile(path.join(folder, name)) }));
}

function printPhotographs(report: ImportReport) {
  const photographs = report.photographs;
  if (!photographs) return;
  const matchedFiles = photographs.matched.reduce((sum, row) => sum + row.files.length, 0);
  console.log(
    `Photographs: ${matchedFiles} matched to ${photographs.matched.length} works; ${photographs.unmatched.length} not matched; ${photographs.rowsWithout} works without one.`,
  );
  for (const row of photographs.matched) console.log(`  line ${String(row.line).padStart(3)}  ${row.label}: ${row.files.join(", ")}`);
  for (const file of photographs.unmatched) console.log(`  NOT MATCHED   ${file.file}: ${file.reason}`);
  if (photographs.attached !== undefined)
    console.log(`${photographs.attached} photographs attached (those attached before were left as they were).`);
  for (const file of photographs.refused ?? []) console.log(`  NOT ATTACHED  ${file.file}: ${file.reason}`);
}

function print(report: ImportReport) {
  if (report.fileError) {
    console.error(`Nothing imported: ${report.fileError}`);
    return;
  }
  for (const exhibition of report.exhibitions) {
    console.log(
      `${report.applied ? "Imported into" : "Dry run for"} ${exhibition.isNew ? "a new exhibition" : "the exhibition"} “${exhibition.title}”`,
    );
  }
  console.log(
    `Columns read: ${Object.entries(report.columns)
      .map(([field, header]) => `${header} → ${field}`)
      .join(", ")}`,
  );
  if (report.ignoredColumns.length > 0) console.log(`Columns ignored: ${report.ignoredColumns.join(", ")}`);
  if (report.newSections.length > 0) console.log(`New sections: ${report.newSections.join(", ")}`);
  for (const row of report.rows) {
    const verb = {
      create: report.applied ? "created" : "would create",
      update: report.applied ? "updated" : "would update",
      unchanged: "unchanged",
    }[row.action];
    console.log(
      `  line ${String(row.line).padStart(3)}  ${verb.padEnd(13)} ${row.label}${row.changes.length ? ` (${row.changes.join(", ")})` : ""}${
        row.notes.length ? ` — check: ${row.notes.join("; ")}` : ""
      }`,
    );
  }
  for (const error of report.errors)
    console.log(`  line ${String(error.line).padStart(3)}  NOT READ      ${error.label}: ${error.reasons.join("; ")}`);
  const { create, update, unchanged, errors } = report.counts;
  console.log(`${create} to create, ${update} to update, ${unchanged} unchanged, ${errors} not readable.`);
  printPhotographs(report);
}

/**
 * Progress on standard error, so the report on standard output stays clean: one line redrawn on a
 * terminal, a line every tenth of the way otherwise (a log, a CI run).
 */
function showProgress({ done, total, created, updated }: ImportProgress) {
  const line = `Importing: ${done.toLocaleString("en-GB")} of ${total.toLocaleString("en-GB")} rows written (${created} created, ${updated} updated)`;
  if (process.stderr.isTTY) {
    const width = 24;
    const filled = Math.round((done / Math.max(total, 1)) * width);
    process.stderr.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${line}${done === total ? "\n" : ""}`);
  } else if (done === total || Math.floor((done * 10) / total) > Math.floor(((done - 1) * 10) / total)) {
    process.stderr.write(`${line}\n`);
  }
}

// Ctrl-C stops after the row being written: each row is in its own transaction, so every row is
// either fully imported or untouched, and running the same command again carries on.
const stop = new AbortController();
let stoppingSince = 0;
process.on("SIGINT", () => {
  if (stoppingSince === 0) {
    stoppingSince = Date.now();
    process.stderr.write("\nStopping after the row being written (Ctrl-C again to leave at once; no row is ever half-written)…\n");
    stop.abort();
    return;
  }
  // One Ctrl-C can arrive more than once (the terminal, npm and tsx each pass it on): only a second
  // press, a moment later, leaves at once; a row being written then is rolled back, never half-kept.
  if (Date.now() - stoppingSince > 1_000) process.exit(130);
});

const report = await importCatalogue(
  { fileName: file, bytes: readFileSync(file), sheet: values.sheet },
  { exhibitionSlug: values.exhibition, newExhibitionTitle: values["new-exhibition"] },
  {
    apply: values.apply,
    onProgress: showProgress,
    signal: stop.signal,
    ...(values.photos ? { photographs: photographsIn(values.photos) } : {}),
  },
  commandLineImportActor(),
);
print(report);
if (report.fileError) process.exit(1);
if (!values.apply) {
  console.log("This was a dry run: nothing was written. Run again with --apply to import.");
} else {
  if (report.stoppedAfter !== undefined) {
    const total = report.counts.create + report.counts.update;
    const why = report.stopReason ? ` (${report.stopReason})` : "";
    console.log(
      `Stopped${why}: ${report.stoppedAfter} of ${total} rows were written, each complete; the rest are untouched. Run the same command again to finish (rows already in are unchanged).`,
    );
  }
  console.log(await askRunningSiteToRefresh());
  // Not process.exit: the report may still be on its way down a full pipe, and exit would cut it off.
  if (report.stoppedAfter !== undefined) process.exitCode = 130;
}
