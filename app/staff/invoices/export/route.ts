import { requireStaff } from "@/lib/auth/staff-session";
import { toCsv } from "@/lib/csv/export";
import { invoicesForAccountant } from "@/lib/data/staff/invoices";

/** Every issued invoice and credit note, one row per line, in Xero's sales-invoice import layout. */
export async function GET() {
  const staff = await requireStaff();
  const [columns = [], ...lines] = await invoicesForAccountant(staff);
  const rows = lines.map((line) => Object.fromEntries(columns.map((column, index) => [column, line[index] ?? ""])));
  return new Response(toCsv(rows, columns), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="invoices-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
