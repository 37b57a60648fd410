"use client";

import { useActionState, useEffect, useState, type ReactNode } from "react";
import { ImportReportTable } from "@/components/staff/import-report-table";
import { applyImport, type ImportApplyState } from "@/lib/actions/staff-import";
import type { ImportReport } from "@/lib/catalogue/import/import-report";

type Props = {
  /** What the page has to say first: the dry run's summary, or why a file was not read. */
  message: string;
  /** The staged file's dry run, when there is one to import. */
  preview: { uploadId: string; report: ImportReport } | null;
  /** The upload form (a server component). */
  children: ReactNode;
};

/** The import page's live part: its status line, and "Import" for the file a dry run read. */
export function ImportPanel({ message, preview, children }: Props) {
  const [state, action, pending] = useActionState<ImportApplyState, FormData>(applyImport, {
    status: "idle",
    message,
    fieldErrors: {},
    values: {},
  });
  const progress = useImportProgress(pending ? (preview?.uploadId ?? null) : null);
  const report = state.result ?? (state.status === "idle" ? preview?.report : undefined) ?? null;
  const toImport = preview ? preview.report.counts.create + preview.report.counts.update : 0;
  const canApply = state.status === "idle" && preview && !preview.report.fileError && toImport > 0;
  return (
    <div className="space-y-6 font-sans">
      <p role="status" aria-live="polite" className={state.message ? "border-l-4 border-accent bg-white p-3" : "sr-only"}>
        {state.message}
      </p>
      {children}
      {canApply && (
        <form action={action} aria-label="Import the file that was read">
          <input type="hidden" name="upload" value={preview.uploadId} />
          <button type="submit" className="button-primary" disabled={pending}>
            {pending ? "Importing…" : `Import ${toImport} works into ${exhibitionNames(preview.report)}`}
          </button>
          {pending && progress && progress.total > 0 ? (
            <p className="mt-3">
              <label htmlFor="import-progress" className="block">
                Importing: {progress.done.toLocaleString("en-GB")} of {progress.total.toLocaleString("en-GB")} rows written
              </label>
              <progress id="import-progress" className="w-full" value={progress.done} max={progress.total} />
            </p>
          ) : null}
        </form>
      )}
      {report && !report.fileError && <ImportReportTable report={report} />}
    </div>
  );
}

/** While an import runs, how far it has got: asked of the server twice a second (with JavaScript; without, the page waits for the end). */
function useImportProgress(uploadId: string | null): { done: number; total: number } | null {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  useEffect(() => {
    if (!uploadId) return;
    let stopped = false;
    const ask = async () => {
      try {
        const response = await fetch(`/staff/import/progress?upload=${encodeURIComponent(uploadId)}`, { cache: "no-store" });
        if (response.ok && !stopped) setProgress((await response.json()) as { done: number; total: number });
      } catch {
        // The next question will tell.
      }
    };
    const timer = setInterval(ask, 500);
    void ask();
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [uploadId]);
  return uploadId ? progress : null;
}

/** “A”, or “A”, “B” and “C” for a file whose Exhibition column names several. */
function exhibitionNames(report: ImportReport): string {
  const names = (report.exhibitions.length > 0 ? report.exhibitions : report.exhibition ? [report.exhibition] : []).map(
    (exhibition) => `“${exhibition.title}”`,
  );
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : (names[0] ?? "the exhibition");
}
