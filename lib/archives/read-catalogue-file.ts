import { IMPORT_MAX_ROWS, type ReadResult } from "@/lib/catalogue/import/read-rows";
import {
  isSpreadsheetFile,
  readCatalogueCsvFile,
  readCatalogueSheet,
  unreadableFile,
  type CatalogueFile,
} from "@/lib/catalogue/import/read-spreadsheet";
import { readWorkbook } from "./read-workbook";

/** A catalogue file's rows, whether it is a CSV or a workbook; a workbook is read in a worker thread. */
export async function readCatalogueFile(file: CatalogueFile, defaultSection?: string): Promise<ReadResult> {
  if (!isSpreadsheetFile(file)) return readCatalogueCsvFile(file, defaultSection);
  const workbook = await readWorkbook(file.bytes, { sheet: file.sheet, maxRows: IMPORT_MAX_ROWS });
  if ("error" in workbook) return unreadableFile(workbook.error);
  return readCatalogueSheet(workbook, file.sheet, defaultSection);
}
