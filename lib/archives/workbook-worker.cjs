/**
 * Reads one workbook with SheetJS, in a worker thread with its own memory limit (see read-workbook.ts):
 * a spreadsheet that makes SheetJS need more stops this thread, never the site's process.
 */
const { parentPort, workerData } = require("node:worker_threads");
const { read, utils } = require("@e965/xlsx");

const { bytes, sheet, maxRows } = workerData;
try {
  // One row past the cap (and the header) is enough to know a sheet is too long.
  const workbook = read(bytes, { type: "array", sheetRows: maxRows + 2, cellFormula: false, cellHTML: false });
  const name = sheet || workbook.SheetNames[0];
  const found = name ? workbook.Sheets[name] : undefined;
  const records = found
    ? utils
        .sheet_to_json(found, { header: 1, raw: false, defval: "", blankrows: false })
        .map((row) => row.map((cell) => String(cell ?? "").trim()))
    : null;
  parentPort.postMessage({ sheetNames: workbook.SheetNames, records });
} catch (error) {
  parentPort.postMessage({ unreadable: error instanceof Error ? error.message : String(error) });
}
