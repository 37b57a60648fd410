import { requireStaff } from "@/lib/auth/staff-session";
import { toCsv } from "@/lib/csv/export";
import { DASHBOARD_CHARTS, dashboardTable, readDashboard } from "@/lib/data/staff/dashboard";

/** One dashboard chart's figures as a CSV file: /staff/dashboard/weekly.csv and so on. */
export async function GET(_request: Request, { params }: { params: Promise<{ chart: string }> }) {
  const staff = await requireStaff();
  const { chart: file } = await params;
  const chart = DASHBOARD_CHARTS.find((name) => `${name}.csv` === file);
  if (!chart) {
    return new Response("No such chart.", { status: 404, headers: { "Cache-Control": "private, no-store" } });
  }
  const table = dashboardTable(await readDashboard(staff), chart);
  return new Response(toCsv(table.rows, table.columns), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${chart}-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
