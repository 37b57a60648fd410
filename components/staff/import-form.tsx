"use client";

import Link from "next/link";
import { useActionState } from "react";
import { runImport, type ImportFormState } from "@/lib/actions/staff-import";

const INITIAL: ImportFormState = { report: null, csv: "", target: "", newExhibitionTitle: "", message: "" };
const VERBS = { create: "Create", update: "Update", unchanged: "Unchanged" } as const;

export function ImportForm({ exhibitions }: { exhibitions: Array<{ slug: string; title: string }> }) {
  const [state, action, pending] = useActionState(runImport, INITIAL);
  const report = state.report;
  const canApply = report && !report.applied && !report.fileError && report.counts.create + report.counts.update > 0;
  return (
    // Remounted after each answer, so the choices shown are the ones the dry run used.
    <form
      key={`${state.target}|${state.newExhibitionTitle}|${state.message}`}
      action={action}
      className="space-y-6 font-sans"
      aria-label="Import a spreadsheet"
    >
      <p role="status" aria-live="polite" className={state.message ? "border-l-4 border-accent bg-white p-3" : "sr-only"}>
        {state.message}
      </p>
      <div>
        <label htmlFor="import-file" className="field-label">
          CSV file
        </label>
        <input id="import-file" name="file" type="file" accept=".csv,text/csv" aria-describedby="import-file-hint" className="mt-1 block" />
        <p id="import-file-hint" className="field-hint">
          Columns such as Cat No, Title, Section, Medium, Signed, Year, Size, Framed, Price and Status, named as your spreadsheet names
          them. Other columns are ignored.
        </p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="import-target" className="field-label">
            Import into
          </label>
          <select id="import-target" name="target" defaultValue={state.target} className="field-input">
            {exhibitions.map((exhibition) => (
              <option key={exhibition.slug} value={exhibition.slug}>
                {exhibition.title}
              </option>
            ))}
            <option value="new">A new exhibition…</option>
          </select>
        </div>
        <div>
          <label htmlFor="import-new-title" className="field-label">
            New exhibition’s title (if new)
          </label>
          <input id="import-new-title" name="newExhibitionTitle" defaultValue={state.newExhibitionTitle} className="field-input" />
        </div>
      </div>
      <textarea name="csv" value={state.csv} readOnly hidden aria-hidden="true" />
      <input type="hidden" name="previewedTarget" value={state.target} />
      <input type="hidden" name="previewedNewExhibitionTitle" value={state.newExhibitionTitle} />
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="intent" value="preview" className="button-quiet" disabled={pending}>
          {pending ? "Reading…" : "Read the file (dry run)"}
        </button>
        {canApply && (
          <button type="submit" name="intent" value="apply" className="button-primary" disabled={pending}>
            Import {report.counts.create + report.counts.update} works into “{report.exhibition?.title}”
          </button>
        )}
      </div>

      {report && !report.fileError && (
        <section aria-labelledby="import-report-heading" className="space-y-3">
          <h2 id="import-report-heading" className="text-xl font-semibold">
            {report.applied ? "What was imported" : "What would be imported"}
          </h2>
          {report.ignoredColumns.length > 0 && <p>Columns ignored: {report.ignoredColumns.join(", ")}</p>}
          {report.newSections.length > 0 && <p>New sections: {report.newSections.join(", ")}</p>}
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Rows of the file and what happens to each</caption>
            <thead>
              <tr className="border-b border-ink">
                <th scope="col" className="py-1 pr-3">
                  Line
                </th>
                <th scope="col" className="py-1 pr-3">
                  Work
                </th>
                <th scope="col" className="py-1">
                  Outcome
                </th>
              </tr>
            </thead>
            <tbody>
              {report.rows.map((row) => (
                <tr key={row.line} className="border-b border-rule" data-testid="import-row">
                  <td className="py-1 pr-3">{row.line}</td>
                  <td className="py-1 pr-3">
                    {report.applied && row.slug ? <Link href={`/works/${row.slug}`}>{row.label}</Link> : row.label}
                  </td>
                  <td className="py-1">
                    {VERBS[row.action]}
                    {row.changes.length > 0 ? `: ${row.changes.join(", ")}` : ""}
                  </td>
                </tr>
              ))}
              {report.errors.map((error) => (
                <tr key={`error-${error.line}`} className="border-b border-rule text-alert" data-testid="import-error">
                  <td className="py-1 pr-3">{error.line}</td>
                  <td className="py-1 pr-3">{error.label}</td>
                  <td className="py-1">Not read: {error.reasons.join("; ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </form>
  );
}
