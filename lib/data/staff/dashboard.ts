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
import { db } from "@/lib/db/client";
import { readArtworkSnapshot } from "@/lib/enquiries/snapshot";
import { serverEnv } from "@/lib/env";
import { countWaiting } from "@/lib/data/staff/inbox";

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
};

/** The last year's enquiries (spam left out) as the figures read them: a year and a week, enough for 52 weeks and 12 months. */
async function interestRows(now: Date): Promise<InterestRow[]> {
  const since = new Date(now.getTime() - (WEEKS_SHOWN + 1) * 7 * 86_400_000);
  const rows = await db.enquiry.findMany({
    where: { createdAt: { gte: since }, status: { not: "spam" } },
    select: {
      createdAt: true,
      firstRepliedAt: true,
      replyBy: true,
      status: true,
      works: { orderBy: { position: "asc" }, select: { artworkId: true, snapshot: true, artwork: { select: { availability: true } } } },
    },
  });
  return rows.map((row) => ({
    createdAt: row.createdAt,
    firstRepliedAt: row.firstRepliedAt,
    replyBy: row.replyBy,
    status: row.status,
    works: row.works.flatMap((work) => {
      const snapshot = readArtworkSnapshot(work.snapshot);
      if (!snapshot) return [];
      return [
        {
          key: work.artworkId ?? `gone:${snapshot.slug}`,
          label: workLabel(snapshot),
          section: snapshot.section,
          soldNow: work.artwork?.availability === "sold",
        },
      ];
    }),
  }));
}

export async function readDashboard(staff: StaffMember, now = new Date()): Promise<Dashboard> {
  requireRole(staff);
  const timeZone = serverEnv().GALLERY_TIME_ZONE;
  const [rows, waitingNow] = await Promise.all([interestRows(now), countWaiting(staff, now)]);
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
  };
}

export const DASHBOARD_CHARTS = ["weekly", "works", "sections", "outcomes", "reply-times"] as const;
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
