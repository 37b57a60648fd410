/**
 * A gallery's catalogue file as rows of text, whichever program wrote it: CSV, Excel (.xlsx, and the
 * older .xls) or LibreOffice (.ods). The rules here are pure; the workbook itself is opened by
 * lib/archives/read-workbook.ts (SheetJS, in a worker thread, after its parts are checked), and each
 * cell comes through as the gallery sees it in the program (its formatted text: "£875", "12/03/1952",
 * "8.75"), never as a raw serial number.
 */
import { readCatalogueCsv, readCatalogueRecords, type ReadResult } from "./read-rows";

export type CatalogueFile = { fileName: string; bytes: Uint8Array; sheet?: string };

const SPREADSHEET_NAME = /\.(xlsx|xlsm|xls|ods)$/i;

/** A zip file (xlsx, ods) or an old Excel file (OLE): read as a spreadsheet whatever it is called. */
function looksLikeSpreadsheet(bytes: Uint8Array): boolean {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  return zip || ole;
}

export function isSpreadsheetFile(file: CatalogueFile): boolean {
  return SPREADSHEET_NAME.test(file.fileName) || looksLikeSpreadsheet(file.bytes);
}

/**
 * A CSV's text: UTF-8 if it is (with or without a byte-order mark), else Windows-1252, which is
 * what Excel on Windows writes for "CSV (Comma delimited)" (a "£" there is one byte, 0xA3).
 */
function csvText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

export const unreadableFile = (fileError: string): ReadResult => ({ columns: {}, ignoredColumns: [], rows: [], fileError });

/** A CSV file's rows; a spreadsheet's are read by lib/archives. */
export function readCatalogueCsvFile(file: CatalogueFile, defaultSection?: string): ReadResult {
  if (file.sheet) return unreadableFile(`--sheet names a sheet, but ${file.fileName} is a CSV file, which has none.`);
  return readCatalogueCsv(csvText(file.bytes), defaultSection);
}

/** The rows of the sheet asked for (or the first), from what the workbook was found to hold. */
export function readCatalogueSheet(
  workbook: { sheetNames: string[]; records: string[][] | null },
  sheet: string | undefined,
  defaultSection?: string,
): ReadResult {
  if (workbook.sheetNames.length === 0) return unreadableFile("The spreadsheet has no sheets.");
  if (!workbook.records) {
    return unreadableFile(`The spreadsheet has no sheet named “${sheet}”. Its sheets: ${workbook.sheetNames.join(", ")}.`);
  }
  return readCatalogueRecords(workbook.records, defaultSection);
}
