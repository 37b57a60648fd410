/** The sale's figures for the dashboard, from rows: pure, so they are tested apart from the database. */
import { lastMonths, monthOf } from "@/lib/dashboard/interest";

/** One work sold: when it was paid for in full, for how much, against what asking price, and when it was first asked about. */
export type SaleRow = {
  paidAt: Date;
  currency: string;
  soldMinor: number;
  askingMinor: number | null;
  firstEnquiryAt: Date | null;
};

export type MonthOfSales = { month: string; sales: number; valueMinor: number };

/** Works sold per month for the last twelve (value in the gallery's main currency: the one most sales were in). */
export function salesByMonth(rows: SaleRow[], now: Date, timeZone: string): MonthOfSales[] {
  const months = lastMonths(now, timeZone);
  const byMonth = new Map(months.map((month) => [month, { sales: 0, valueMinor: 0 }]));
  for (const row of rows) {
    const entry = byMonth.get(monthOf(row.paidAt, timeZone));
    if (!entry) continue;
    entry.sales += 1;
    entry.valueMinor += row.soldMinor;
  }
  return months.map((month) => ({ month, ...byMonth.get(month)! }));
}

/** The mean discount from the asking price over sales that had one, as a whole percentage; null when none had. */
export function averageDiscountPercent(rows: SaleRow[]): number | null {
  const priced = rows.filter((row) => row.askingMinor !== null && row.askingMinor > 0);
  if (priced.length === 0) return null;
  const total = priced.reduce((sum, row) => sum + Math.max(0, (row.askingMinor! - row.soldMinor) / row.askingMinor!), 0);
  return Math.round((total / priced.length) * 1000) / 10;
}

/** The median days from a work's first enquiry to its sale; null when no sold work was enquired about. */
export function medianDaysToSale(rows: SaleRow[]): number | null {
  const days = rows
    .filter((row) => row.firstEnquiryAt !== null)
    .map((row) => Math.max(0, (row.paidAt.getTime() - row.firstEnquiryAt!.getTime()) / 86_400_000))
    .sort((a, b) => a - b);
  if (days.length === 0) return null;
  const middle = Math.floor(days.length / 2);
  const median = days.length % 2 === 1 ? days[middle]! : (days[middle - 1]! + days[middle]!) / 2;
  return Math.round(median * 10) / 10;
}

export type Conversion = { enquiries: number; withOffer: number; sold: number };

/** Share, as a whole percentage, of one count in another; null when there is nothing to share. */
export function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}
