/**
 * Imports a gallery's spreadsheet (CSV, Excel .xlsx or LibreOffice .ods). A dry run unless --apply:
 * it shows what would be created or updated and every row it cannot read, with the reason.
 *
 *   npm run import -- catalogue.csv                      dry run into the current exhibition
 *   npm run import -- catalogue.xlsx --sheet "2026"      a spreadsheet's sheet (the first unless named)
 *   npm run import -- catalogue.csv --apply              import
 *   npm run import -- catalogue.csv --new-exhibition "Works on Paper" --apply
 *   npm run import -- catalogue.csv --exhibition norman-neasom-exhibition --apply
 */
import { readFileSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { IMPORT_MAX_BYTES } from "@/lib/catalogue/import/read-rows";
import { commandLineImportActor, importCatalogue, type ImportReport } from "@/lib/data/catalogue-import";
import { askRunningSiteToRefresh } from "@/lib/site-refresh";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    apply: { type: "boolean", default: false },
    exhibition: { type: "string" },
    "new-exhibition": { type: "string" },
    sheet: { type: "string" },
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

function print(report: ImportReport) {
  if (report.fileError) {
    console.error(`Nothing imported: ${report.fileError}`);
    return;
  }
  console.log(
    `${report.applied ? "Imported into" : "Dry run for"} ${report.exhibition?.isNew ? "a new exhibition" : "the exhibition"} “${report.exhibition?.title}”`,
  );
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
}

const report = await importCatalogue(
  { fileName: file, bytes: readFileSync(file), sheet: values.sheet },
  { exhibitionSlug: values.exhibition, newExhibitionTitle: values["new-exhibition"] },
  { apply: values.apply },
  commandLineImportActor(),
);
print(report);
if (report.fileError) process.exit(1);
if (!values.apply) {
  console.log("This was a dry run: nothing was written. Run again with --apply to import.");
} else {
  console.log(await askRunningSiteToRefresh());
}
