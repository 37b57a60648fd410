import type { ImportReport } from "@/lib/catalogue/import/import-report";

/** The sentence a staff member reads after a dry run or an import (and the command line prints). */
export function importReportMessage(report: ImportReport): string {
  const { create, update, unchanged, errors } = report.counts;
  if (report.fileError) return `Nothing imported: ${report.fileError}`;
  if (report.applied && report.stoppedAfter !== undefined) {
    const total = create + update;
    const why = report.stopReason ? `: ${report.stopReason}` : "";
    return `Stopped after ${report.stoppedAfter} of ${total} rows${why}. The rows written are complete and the rest untouched; import the same file again to finish (rows already in are left as they are).`;
  }
  return report.applied
    ? `Imported: ${create} created, ${update} updated, ${unchanged} unchanged, ${errors} rows not readable and skipped.`
    : `Dry run: ${create} to create, ${update} to update, ${unchanged} unchanged, ${errors} not readable. Nothing has been written yet.`;
}

/** Why an upload was not read, for the codes the upload route sends the browser back with. */
export const IMPORT_UPLOAD_PROBLEMS: Record<string, string> = {
  "too-large": "That file is larger than 10 MB; nothing was read. Import the catalogue in parts.",
  unreadable: "That upload could not be read; nothing was read. Please choose the file again.",
  "photographs-too-large": "The photographs file is larger than 100 MB; nothing was read. Send the photographs in parts.",
  missing: "Choose a spreadsheet file to read first.",
  "no-title": "Give the new exhibition a title (at most 200 characters).",
  "sheet-name": "A sheet’s name is at most 100 characters: give it as the workbook’s tab shows it.",
  "not-kept": "That file was imported already, or was read more than a day ago. Read it again to import it.",
};
