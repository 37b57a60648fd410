import Link from "next/link";
import { TableHead } from "@/components/staff/table-head";
import type { ImportReport } from "@/lib/catalogue/import/import-report";

const VERBS = { create: "Create", update: "Update", unchanged: "Unchanged" } as const;

/** Every row of a read spreadsheet and what happens (or happened) to it, with the rows not read and why. */
export function ImportReportTable({ report }: { report: ImportReport }) {
  const photographsOf = (line: number) => report.photographs?.matched.find((row) => row.line === line)?.files.join(", ");
  return (
    <section aria-labelledby="import-report-heading" className="space-y-3">
      <h2 id="import-report-heading" className="text-xl font-semibold">
        {report.applied ? "What was imported" : "What would be imported"}
      </h2>
      {report.ignoredColumns.length > 0 && <p>Columns ignored: {report.ignoredColumns.join(", ")}</p>}
      {report.newSections.length > 0 && <p>New sections: {report.newSections.join(", ")}</p>}
      {report.photographs && <PhotographSummary photographs={report.photographs} />}
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Rows of the file and what happens to each</caption>
        <TableHead columns={["Line", "Work", "Outcome"]} compact />
        <tbody>
          {report.rows.map((row) => (
            <tr key={row.line} className="border-b border-rule" data-testid="import-row">
              <td className="py-1 pr-3">{row.line}</td>
              <td className="py-1 pr-3">{report.applied && row.slug ? <Link href={`/works/${row.slug}`}>{row.label}</Link> : row.label}</td>
              <td className="py-1">
                {VERBS[row.action]}
                {row.changes.length > 0 ? `: ${row.changes.join(", ")}` : ""}
                {row.notes.length > 0 ? <span className="block text-alert">Check: {row.notes.join("; ")}</span> : null}
                {photographsOf(row.line) ? <span className="block">Photographs: {photographsOf(row.line)}</span> : null}
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
  );
}

function PhotographSummary({ photographs }: { photographs: NonNullable<ImportReport["photographs"]> }) {
  const files = photographs.matched.reduce((sum, row) => sum + row.files.length, 0);
  return (
    <div data-testid="import-photographs">
      <p>
        Photographs: {files} matched to {photographs.matched.length} works; {photographs.unmatched.length} not matched;{" "}
        {photographs.rowsWithout} works without one.
        {photographs.attached !== undefined ? ` ${photographs.attached} attached.` : ""}
      </p>
      {photographs.unmatched.length + (photographs.refused?.length ?? 0) > 0 && (
        <ul className="list-disc pl-6 text-alert">
          {photographs.unmatched.map((file) => (
            <li key={`unmatched-${file.file}`}>
              {file.file}: {file.reason}
            </li>
          ))}
          {(photographs.refused ?? []).map((file) => (
            <li key={`refused-${file.file}`}>
              {file.file}: not attached, {file.reason.charAt(0).toLowerCase()}
              {file.reason.slice(1)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
