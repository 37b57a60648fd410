import "server-only";
import { requireRole, type StaffMember } from "@/lib/staff/roles";
import { workLabel } from "@/lib/catalogue/describe";
import {
  enquiriesByOutcome,
  enquiriesBySection,
  enquiriesPerWeek,
  firstReplyTimes,
  mostAskedWorks,
  WEEKS_SHOWN,
  type InterestRow,
} from "@/lib/dashboard/interest";
import { db, querySql, sqlTimestamp } from "@/lib/db/client";
import { readArtworkSnapshot } from "@/lib/enquiries/snapshot";
import { serverEnv } from "@/lib/env";
import { countWaiting } from "@/lib/data/staff/inbox";
import {
  averageDiscountPercent,
  medianDaysToSale,
  salesByMonth,
  type Conversion,
  type MonthOfSales,
  type SaleRow,
} from "@/lib/dashboard/sales";

export type Dashboard = {
  since: string;
  total: number;
  overdueNow: number;
  waitingNow: number;
  weekly: ReturnType<typeof enquiriesPerWeek>;
  works: ReturnType<typeof mostAskedWorks>;
  sections: ReturnType<typeof enquiriesBySection>;
  outcomes: ReturnType<typeof enquiriesByOutcome>;
  replyTimes: ReturnType<typeof firstReplyTimes>;
  sales: MonthOfSales[];
  salesCurrency: string;
  averageDiscountPercent: number | null;
  medianDaysToSale: number | null;
  conversion: Conversion;
};

/**
 * Works sold in the last year: a work line of an invoice paid in full, at the moment its last payment
 * came in, against the asking price of the offer it came from (or the work's price), and its first enquiry.
 */
async function saleRows(since: Date): Promise<SaleRow[]> {
  const invoices = await db.invoice.findMany({
    where: { kind: "invoice", status: "issued" },
    include: {
      payments: { select: { amountMinor: true, receivedOn: true, createdAt: true } },
      offer: { select: { askingMinor: true } },
      lines: { where: { kind: "work" }, select: { artworkId: true, amountMinor: true, artwork: { select: { priceMinor: true } } } },
    },
  });
  const rows: SaleRow[] = [];
  for (const invoice of invoices) {
    const paid = invoice.payments.reduce((sum, payment) => sum + payment.amountMinor, 0);
    if (paid < invoice.totalMinor || invoice.payments.length === 0) continue;
    const paidAt = new Date(Math.max(...invoice.payments.map((payment) => payment.createdAt.getTime())));
    if (paidAt < since) continue;
    for (const line of invoice.lines) {
      const first = line.artworkId
        ? await db.enquiryWork.findFirst({ where: { artworkId: line.artworkId }, orderBy: { enquiry: { createdAt: "asc" } }, select: { enquiry: { select: { createdAt: true } } } })
        : null;
      rows.push({
        paidAt,
        currency: invoice.currency,
        soldMinor: line.amountMinor,
        askingMinor: invoice.offer?.askingMinor ?? line.artwork?.priceMinor ?? null,
        firstEnquiryAt: first?.enquiry.createdAt ?? null,
      });
    }
  }
  return rows;
}

/** Of the year's enquiries (spam left out): how many came with an offer, and how many ended in a sale paid for. */
async function conversionSince(since: Date): Promise<Conversion> {
  const where = { createdAt: { gte: since }, status: { not: "spam" } };
  const [enquiries, withOffer, sold] = await Promise.all([
    db.enquiry.count({ where }),
    db.enquiry.count({ where: { ...where, offers: { some: {} } } }),
    db.enquiry.findMany({
      where: { ...where, invoices: { some: { kind: "invoice", status: "issued" } } },
      select: { invoices: { where: { kind: "invoice", status: "issued" }, select: { totalMinor: true, payments: { select: { amountMinor: true } } } } },
    }),
  ]);
  const paid = sold.filter((enquiry) =>
    enquiry.invoices.some((invoice) => invoice.payments.reduce((sum, payment) => sum + payment.amountMinor, 0) >= invoice.totalMinor),
  ).length;
  return { enquiries, withOffer, sold: paid };
}

/** The last year's enquiries (spam left out) as the figures read them: a year and a week, enough for 52 weeks and 12 months. */
async function interestRows(now: Date): Promise<InterestRow[]> {
  const since = new Date(now.getTime() - (WEEKS_SHOWN + 1) * 7 * 86_400_000);
  // A year of enquiries with their works, in one plain read: through Prisma (a query for the enquiries,
  // one for their works, each row mapped) 8,900 of them took 130 ms of the web process's only thread.
  const joined = await querySql<{
    id: number;
    createdAt: string;
    firstRepliedAt: string | null;
    replyBy: string | null;
    status: string;
    artworkId: string | null;
    snapshot: string | null;
    availability: string | null;
  }>(
    `SELECT e."id", e."createdAt", e."firstRepliedAt", e."replyBy", e."status", w."artworkId", w."snapshot", a."availability"
     FROM "Enquiry" e
     LEFT JOIN "EnquiryWork" w ON w."enquiryId" = e."id"
     LEFT JOIN "Artwork" a ON a."id" = w."artworkId"
     WHERE e."createdAt" >= ? AND e."status" <> 'spam'
     ORDER BY e."id", w."position"`,
    [sqlTimestamp(since)],
  );
  // Rows come ordered by enquiry: a Map keeps them in that order, each with its works gathered in turn.
  const byId = new Map<number, InterestRow>();
  for (const line of joined) {
    let row = byId.get(line.id);
    if (!row) {
      row = {
        createdAt: new Date(line.createdAt),
        firstRepliedAt: line.firstRepliedAt === null ? null : new Date(line.firstRepliedAt),
        replyBy: line.replyBy === null ? null : new Date(line.replyBy),
        status: line.status,
        works: [],
      };
      byId.set(line.id, row);
    }
    const snapshot = line.snapshot === null ? null : readArtworkSnapshot(JSON.parse(line.snapshot));
    if (!snapshot) continue;
    row.works.push({
      key: line.artworkId ?? `gone:${snapshot.slug}`,
      label: workLabel(snapshot),
      section: snapshot.section,
      soldNow: line.availability === "sold",
    });
  }
  return [...byId.values()];
}

export async function readDashboard(staff: StaffMember, now = new Date()): Promise<Dashboard> {
  requireRole(staff);
  const timeZone = serverEnv().GALLERY_TIME_ZONE;
  const yearAgo = new Date(now.getTime() - 366 * 86_400_000);
  const [rows, waitingNow, sold, conversion] = await Promise.all([interestRows(now), countWaiting(staff, now), saleRows(yearAgo), conversionSince(yearAgo)]);
  const currencies = new Map<string, number>();
  for (const sale of sold) currencies.set(sale.currency, (currencies.get(sale.currency) ?? 0) + 1);
  const salesCurrency = [...currencies.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "GBP";
  const inMainCurrency = sold.filter((sale) => sale.currency === salesCurrency);
  const weekly = enquiriesPerWeek(rows, now, timeZone);
  return {
    since: weekly[0]!.week,
    total: weekly.reduce((sum, week) => sum + week.enquiries, 0),
    overdueNow: waitingNow.overdue,
    waitingNow: waitingNow.waiting,
    weekly,
    works: mostAskedWorks(rows),
    sections: enquiriesBySection(rows),
    outcomes: enquiriesByOutcome(rows),
    replyTimes: firstReplyTimes(rows, now, timeZone),
    sales: salesByMonth(inMainCurrency, now, timeZone),
    salesCurrency,
    averageDiscountPercent: averageDiscountPercent(sold),
    medianDaysToSale: medianDaysToSale(sold),
    conversion,
  };
}

export const DASHBOARD_CHARTS = ["weekly", "works", "sections", "outcomes", "reply-times", "sales"] as const;
export type DashboardChart = (typeof DASHBOARD_CHARTS)[number];

/** One chart's figures as CSV rows (the same numbers the chart and its table show). */
export function dashboardTable(dashboard: Dashboard, chart: DashboardChart): { columns: string[]; rows: Array<Record<string, string>> } {
  const text = (value: number | null) => (value === null ? "" : String(value));
  switch (chart) {
    case "weekly":
      return {
        columns: ["week starting", "enquiries"],
        rows: dashboard.weekly.map((week) => ({ "week starting": week.week, enquiries: String(week.enquiries) })),
      };
    case "works":
      return {
        columns: ["work", "enquiries"],
        rows: dashboard.works.map((work) => ({ work: work.work, enquiries: String(work.enquiries) })),
      };
    case "sections":
      return {
        columns: ["section", "enquiries"],
        rows: dashboard.sections.map((section) => ({ section: section.section, enquiries: String(section.enquiries) })),
      };
    case "outcomes":
      return {
        columns: ["outcome", "enquiries"],
        rows: dashboard.outcomes.map((outcome) => ({ outcome: outcome.outcome, enquiries: String(outcome.enquiries) })),
      };
    case "sales":
      return {
        columns: ["month", "works sold", `value (${dashboard.salesCurrency})`],
        rows: dashboard.sales.map((month) => ({
          month: month.month,
          "works sold": String(month.sales),
          [`value (${dashboard.salesCurrency})`]: (month.valueMinor / 100).toFixed(2),
        })),
      };
    case "reply-times":
      return {
        columns: ["month", "answered", "median hours", "90th percentile hours", "on time", "late"],
        rows: dashboard.replyTimes.map((month) => ({
          month: month.month,
          answered: String(month.answered),
          "median hours": text(month.medianHours),
          "90th percentile hours": text(month.p90Hours),
          "on time": String(month.onTime),
          late: String(month.late),
        })),
      };
  }
}
