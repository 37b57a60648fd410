import type { Metadata } from "next";
import { requireStaff } from "@/lib/auth/staff-session";
import Link from "next/link";
import { BarList, ChartFigure, ColumnChart, LineChart } from "@/components/staff/charts";
import { readDashboard } from "@/lib/data/staff/dashboard";
import { countNewWorkSubscribers } from "@/lib/data/new-work-alerts";
import { percentOf } from "@/lib/dashboard/sales";
import { invoiceMoney } from "@/lib/sales/invoices";

export const metadata: Metadata = { title: "Dashboard", robots: { index: false } };

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** "2026-11" → "Nov 26" */
const monthLabel = (month: string) => `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(2, 4)}`;
/** "2026-11-23" → "23 Nov" */
const weekLabel = (week: string) => `${Number(week.slice(8, 10))} ${MONTH_NAMES[Number(week.slice(5, 7)) - 1]}`;

export default async function DashboardPage() {
  const staff = await requireStaff();
  const [dashboard, newWorkSubscribers] = await Promise.all([readDashboard(staff), countNewWorkSubscribers()]);
  const { weekly, works, sections, outcomes, replyTimes, sales, conversion } = dashboard;
  const money = (minor: number) => invoiceMoney(minor, dashboard.salesCurrency);
  const offerShare = percentOf(conversion.withOffer, conversion.enquiries);
  const saleShare = percentOf(conversion.sold, conversion.enquiries);
  return (
    <>
      <h1 className="text-3xl font-semibold">Dashboard</h1>
      <p className="mt-2 font-sans">
        What collectors have asked about since the week of {weekLabel(dashboard.since)} {dashboard.since.slice(0, 4)}:{" "}
        <strong>{dashboard.total}</strong> enquir{dashboard.total === 1 ? "y" : "ies"}, spam left out.
      </p>
      <p className="mt-2 font-sans" data-testid="dashboard-overdue">
        Now: <strong className={dashboard.overdueNow > 0 ? "text-alert" : undefined}>{dashboard.overdueNow} overdue</strong> of{" "}
        {dashboard.waitingNow} waiting for a reply. <Link href="/staff?status=waiting">Open them in the inbox</Link>
      </p>

      <p className="mt-2 font-sans" data-testid="dashboard-sales">
        The last year&rsquo;s sales: {conversion.enquiries} enquiries → {conversion.withOffer} with an offer
        {offerShare !== null && ` (${offerShare} %)`} → {conversion.sold} ending in a sale paid for
        {saleShare !== null && ` (${saleShare} %)`}. Average discount from the asking price:{" "}
        {dashboard.averageDiscountPercent === null ? "no sales yet" : `${dashboard.averageDiscountPercent} %`}. Days from a work&rsquo;s
        first enquiry to its sale (median): {dashboard.medianDaysToSale === null ? "no sales yet" : dashboard.medianDaysToSale}.
      </p>

      <p className="mt-2 font-sans" data-testid="dashboard-new-work-subscribers">
        Signed up to hear about new works: <strong>{newWorkSubscribers}</strong> {newWorkSubscribers === 1 ? "collector" : "collectors"}.{" "}
        <Link href="/staff/alerts">Who, and for what</Link>
      </p>

      <div className="mt-8 grid max-w-4xl gap-8">
        <ChartFigure
          id="sales"
          title="Sales per month"
          description={`Works paid for in full each month, over the last twelve, by value (${dashboard.salesCurrency}); the table and CSV give the count too.`}
          csvHref="/staff/dashboard/sales.csv"
          chart={
            <ColumnChart
              labels={sales.map((month) => month.month)}
              series={[{ name: `Value (${dashboard.salesCurrency})`, values: sales.map((month) => month.valueMinor / 100) }]}
              tickLabel={monthLabel}
            />
          }
          table={{
            columns: ["Month", "Works sold", `Value (${dashboard.salesCurrency})`],
            rows: sales.map((month) => [monthLabel(month.month), month.sales, money(month.valueMinor)]),
          }}
        />
        <ChartFigure
          id="weekly"
          title="Enquiries per week"
          description="The last 52 weeks, Monday to Sunday in the gallery's time."
          csvHref="/staff/dashboard/weekly.csv"
          chart={
            <ColumnChart
              labels={weekly.map((week) => week.week)}
              series={[{ name: "Enquiries", values: weekly.map((week) => week.enquiries) }]}
              labelEvery={8}
              tickLabel={weekLabel}
            />
          }
          table={{ columns: ["Week starting", "Enquiries"], rows: weekly.map((week) => [week.week, week.enquiries]) }}
        />
        <ChartFigure
          id="outcomes"
          title="How enquiries ended"
          description="Each enquiry once: a work it asked about has been sold since (to them or another collector), answered, still waiting for a first reply, or closed without one."
          csvHref="/staff/dashboard/outcomes.csv"
          chart={<BarList rows={outcomes.map((outcome) => ({ label: outcome.outcome, value: outcome.enquiries }))} />}
          table={{ columns: ["Outcome", "Enquiries"], rows: outcomes.map((outcome) => [outcome.outcome, outcome.enquiries]) }}
        />
        <ChartFigure
          id="works"
          title="Most asked-about works"
          description="The ten works named in most enquiries; an enquiry about several works counts for each."
          csvHref="/staff/dashboard/works.csv"
          chart={
            works.length > 0 ? (
              <BarList rows={works.map((work) => ({ label: work.work, value: work.enquiries }))} />
            ) : (
              <p className="font-sans text-sm">No enquiry has named a work yet.</p>
            )
          }
          table={{ columns: ["Work", "Enquiries"], rows: works.map((work) => [work.work, work.enquiries]) }}
        />
        <ChartFigure
          id="sections"
          title="Enquiries by section"
          description="Each section an enquiry's works are in; questions about no particular work under General questions."
          csvHref="/staff/dashboard/sections.csv"
          chart={
            sections.length > 0 ? (
              <BarList rows={sections.map((section) => ({ label: section.section, value: section.enquiries }))} />
            ) : (
              <p className="font-sans text-sm">No enquiries yet.</p>
            )
          }
          table={{ columns: ["Section", "Enquiries"], rows: sections.map((section) => [section.section, section.enquiries]) }}
        />
        <ChartFigure
          id="reply-times"
          title="Time to first reply"
          description="Hours from arrival to the first reply, by the month enquiries arrived: the median, and the time nine in ten were answered within."
          csvHref="/staff/dashboard/reply-times.csv"
          chart={
            <LineChart
              labels={replyTimes.map((month) => month.month)}
              series={[
                { name: "Median", values: replyTimes.map((month) => month.medianHours) },
                { name: "90th percentile", values: replyTimes.map((month) => month.p90Hours) },
              ]}
              unit="h"
              tickLabel={monthLabel}
            />
          }
          table={{
            columns: ["Month", "Answered", "Median (hours)", "90th percentile (hours)"],
            rows: replyTimes.map((month) => [
              month.month,
              month.answered,
              month.medianHours ?? "none answered",
              month.p90Hours ?? "none answered",
            ]),
          }}
        />
        <ChartFigure
          id="late"
          title="First replies on time and late"
          description="By the month enquiries arrived: answered by their reply-by time, or after it."
          csvHref="/staff/dashboard/reply-times.csv"
          chart={
            <ColumnChart
              labels={replyTimes.map((month) => month.month)}
              series={[
                { name: "On time", values: replyTimes.map((month) => month.onTime) },
                { name: "Late", values: replyTimes.map((month) => month.late) },
              ]}
              tickLabel={monthLabel}
            />
          }
          table={{ columns: ["Month", "On time", "Late"], rows: replyTimes.map((month) => [month.month, month.onTime, month.late]) }}
        />
      </div>
    </>
  );
}
