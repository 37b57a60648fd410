/**
 * A workbook's rows, read so that no file can take the site down with it. An .xlsx or .ods is a zip of
 * XML parts: its parts are counted and each is unpacked (off the event loop, capped at the size it
 * declares) before SheetJS sees them, so a part that lies or a file that claims gigabytes is refused in
 * a moment. SheetJS then runs in a worker thread with its own memory and time limits: whatever a
 * spreadsheet makes it do, the site's own process keeps answering.
 */
import path from "node:path";
import { Worker } from "node:worker_threads";
import { ArchiveRefused, looksLikeZip, NOT_A_ZIP, readZipEntries, unpackZipEntry } from "./zip-archive";

/** An .xlsx of the largest import (20,000 rows) unpacks to a few tens of MB at most. */
export const WORKBOOK_MAX_PARTS = 1_000;
export const WORKBOOK_MAX_UNPACKED_BYTES = 48 * 1024 * 1024;
const WORKER_HEAP_MB = 256;
const WORKER_TIME_LIMIT_MS = 60_000;

export type WorkbookRead = { sheetNames: string[]; records: string[][] | null } | { error: string };

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** Throws ArchiveRefused when the zip inside an .xlsx or .ods is not what a spreadsheet program writes. */
async function checkWorkbookParts(bytes: Uint8Array): Promise<void> {
  const parts = readZipEntries(bytes, { maxEntries: WORKBOOK_MAX_PARTS });
  const declared = parts.reduce((sum, part) => sum + part.size, 0);
  if (declared > WORKBOOK_MAX_UNPACKED_BYTES) {
    throw new ArchiveRefused(
      `it unpacks to ${megabytes(declared)}, more than the ${megabytes(WORKBOOK_MAX_UNPACKED_BYTES)} a spreadsheet of the largest import needs`,
    );
  }
  // One part at a time, each let go before the next: the check holds at most one part's bytes.
  for (const part of parts) await unpackZipEntry(bytes, part);
}

/** Where the worker's script is: beside this file in the project, and in a build (traced into it, next.config.ts). */
function workerScript() {
  return path.join(process.cwd(), "lib/archives/workbook-worker.cjs");
}

function readInWorker(bytes: Uint8Array, sheet: string | undefined, maxRows: number): Promise<WorkbookRead> {
  return new Promise((resolve) => {
    const worker = new Worker(workerScript(), {
      workerData: { bytes, sheet, maxRows },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const settle = (result: WorkbookRead) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(
      () =>
        settle({
          error: `The spreadsheet took more than ${WORKER_TIME_LIMIT_MS / 1000} seconds to read: save it as CSV, or send it in parts.`,
        }),
      WORKER_TIME_LIMIT_MS,
    );
    worker.on("message", (message: { sheetNames: string[]; records: string[][] | null } | { unreadable: string }) => {
      settle("unreadable" in message ? { error: `The file is not readable as a spreadsheet: ${message.unreadable}` } : message);
    });
    worker.on("error", (error: NodeJS.ErrnoException) => {
      settle({
        error:
          error.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? "The spreadsheet needs more memory to read than an import is given: save it as CSV, or send it in parts."
            : `The file is not readable as a spreadsheet: ${error.message}`,
      });
    });
    worker.on("exit", () => settle({ error: "The file is not readable as a spreadsheet." }));
  });
}

/** The rows of one sheet (the first, unless one is named) as text, as the spreadsheet program shows them. */
export async function readWorkbook(bytes: Uint8Array, options: { sheet?: string; maxRows: number }): Promise<WorkbookRead> {
  if (looksLikeZip(bytes)) {
    try {
      await checkWorkbookParts(bytes);
    } catch (error) {
      if (!(error instanceof ArchiveRefused)) throw error;
      if (error.message === NOT_A_ZIP)
        return { error: "The file is not readable as a spreadsheet: it is damaged, or not an Excel or LibreOffice file." };
      return { error: `The spreadsheet was not read: ${error.message}.` };
    }
  }
  return readInWorker(bytes, options.sheet, options.maxRows);
}
