/**
 * A gallery's catalogue file as rows of text, whichever program wrote it: CSV, Excel (.xlsx, and the
 * older .xls) or LibreOffice (.ods). Spreadsheets are read through SheetJS (`@e965/xlsx`, the npm
 * publication of SheetJS Community Edition 0.20.3; the `xlsx` package on npm stopped at 0.18.5, which
 * has two published advisories fixed since). Each cell comes through as the gallery sees it in the
 * program (its formatted text: "£875", "12/03/1952", "8.75"), never as a raw serial number.
 */
import { read, utils, type WorkBook } from "@e965/xlsx";
import { IMPORT_MAX_ROWS, readCatalogueCsv, readCatalogueRecords, type ReadResult } from "./read-rows";

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

const failed = (fileError: string): ReadResult => ({ columns: {}, ignoredColumns: [], rows: [], fileError });

export function readCatalogueFile(file: CatalogueFile, defaultSection?: string): ReadResult {
  if (!isSpreadsheetFile(file)) {
    if (file.sheet) return failed(`--sheet names a sheet, but ${file.fileName} is a CSV file, which has none.`);
    return readCatalogueCsv(csvText(file.bytes), defaultSection);
  }
  let workbook: WorkBook;
  try {
    // One row past the cap (and the header) is enough to know a sheet is too long.
    workbook = read(file.bytes, { type: "array", sheetRows: IMPORT_MAX_ROWS + 2, cellFormula: false, cellHTML: false });
  } catch (error) {
    return failed(`The file is not readable as a spreadsheet: ${(error as Error).message}`);
  }
  const name = file.sheet ?? workbook.SheetNames[0];
  if (!name) return failed("The spreadsheet has no sheets.");
  const sheet = workbook.Sheets[name];
  if (!sheet) return failed(`The spreadsheet has no sheet named “${file.sheet}”. Its sheets: ${workbook.SheetNames.join(", ")}.`);
  const records = utils
    .sheet_to_json<unknown[]>(sheet, { header: 1, raw: false, defval: "", blankrows: false })
    .map((row) => row.map((cell) => String(cell ?? "").trim()));
  return readCatalogueRecords(records, defaultSection);
}
