import Link from "next/link";
import { TableHead } from "@/components/staff/table-head";
import type { ImportReport } from "@/lib/data/catalogue-import";

const VERBS = { create: "Create", update: "Update", unchanged: "Unchanged" } as const;

/** Every row of a read spreadsheet and what happens (or happened) to it, with the rows not read and why. */
export function ImportReportTable({ report }: { report: ImportReport }) {
  return (
    <section aria-labelledby="import-report-heading" className="space-y-3">
      <h2 id="import-report-heading" className="text-xl font-semibold">
        {report.applied ? "What was imported" : "What would be imported"}
      </h2>
      {report.ignoredColumns.length > 0 && <p>Columns ignored: {report.ignoredColumns.join(", ")}</p>}
      {report.newSections.length > 0 && <p>New sections: {report.newSections.join(", ")}</p>}
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
