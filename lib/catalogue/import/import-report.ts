import type { ImportField } from "@/lib/catalogue/import/read-rows";

/**
 * What an import was asked to do and what it found: the dry run's and the import's report, shared by
 * the staff page, the command line and lib/data/catalogue-import.ts, which plans and writes it.
 */

export type ImportTarget = { exhibitionSlug?: string; newExhibitionTitle?: string };

/** The form's choice ("new", or an exhibition's slug; empty for the current one) as an import target. */
export function importTargetOf(target: string, newExhibitionTitle: string): ImportTarget {
  return target === "new" ? { newExhibitionTitle } : { exhibitionSlug: target || undefined };
}

export type PlannedRow = {
  line: number;
  label: string;
  action: "create" | "update" | "unchanged";
  changes: string[];
  /** What was kept as written for staff to check (an unreadable size, a price with more words than a price). */
  notes: string[];
  slug?: string;
};

export type ImportReport = {
  applied: boolean;
  fileError: string | null;
  /** Where the import was pointed (or the first exhibition the file names). */
  exhibition: { title: string; slug: string; isNew: boolean } | null;
  /** Every exhibition the rows go to (an Exhibition column can name several). */
  exhibitions: Array<{ title: string; slug: string; isNew: boolean }>;
  columns: Partial<Record<ImportField, string>>;
  ignoredColumns: string[];
  newSections: string[];
  rows: PlannedRow[];
  errors: Array<{ line: number; label: string; reasons: string[] }>;
  counts: { create: number; update: number; unchanged: number; errors: number };
  /** Set when an import was stopped (Ctrl-C) before its end: how many rows were written, each complete. */
  stoppedAfter?: number;
  /** Why it stopped, when not by hand: the database could not take the next row (a full disk). */
  stopReason?: string;
  /** Where photographs were offered with the file (`--photos DIR`): which go to which works, and which to none. */
  photographs?: {
    matched: Array<{ line: number; label: string; files: string[] }>;
    unmatched: Array<{ file: string; reason: string }>;
    rowsWithout: number;
    /** After an import: photographs attached, and those that could not be (not an image, too large). */
    attached?: number;
    refused?: Array<{ file: string; reason: string }>;
  };
};

/** A photograph file offered with an import, read only if it is attached. */
export type PhotographSource = { name: string; read: () => Promise<Uint8Array> };

/** How far an import has got: rows written of those to write. */
export type ImportProgress = { done: number; total: number; created: number; updated: number };

export type ImportOptions = {
  apply: boolean;
  /** Called after each row written. */
  onProgress?: (progress: ImportProgress) => void;
  /** Stops the import after the row being written: every row is either fully in or untouched. */
  signal?: AbortSignal;
  /** Photograph files to attach to the rows whose names they carry (lib/catalogue/import/photograph-names.ts). */
  photographs?: PhotographSource[];
};
