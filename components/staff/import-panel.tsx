"use client";

import { useActionState, type ReactNode } from "react";
import { ImportReportTable } from "@/components/staff/import-report-table";
import { applyImport, type ImportApplyState } from "@/lib/actions/staff-import";
import type { ImportReport } from "@/lib/data/catalogue-import";

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
            {pending ? "Importing…" : `Import ${toImport} works into “${preview.report.exhibition?.title}”`}
          </button>
        </form>
      )}
      {report && !report.fileError && <ImportReportTable report={report} />}
    </div>
  );
}
