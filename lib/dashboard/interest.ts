/**
 * The dashboard's figures, from the last year's enquiries (spam left out). Pure: the data layer reads
 * the rows, the charts draw these, the CSV downloads write them, and the tests check them.
 */
import { quantileSorted } from "d3-array";
import { addDays, galleryDay, weekdayOf } from "@/lib/time/gallery-time";

export type InterestWork = { key: string; label: string; section: string; soldNow: boolean };

export type InterestRow = {
  createdAt: Date;
  firstRepliedAt: Date | null;
  replyBy: Date | null;
  status: string;
  works: InterestWork[];
};

export const WEEKS_SHOWN = 52;
export const MONTHS_SHOWN = 12;

/** The Monday ("2026-11-23") of the gallery week an instant falls in. */
export function weekStartOf(instant: Date, timeZone: string): string {
  const day = galleryDay(instant, timeZone);
  return addDays(day, -((weekdayOf(day) + 6) % 7));
}

/** "2026-11": the gallery month an instant falls in. */
export function monthOf(instant: Date, timeZone: string): string {
  return galleryDay(instant, timeZone).slice(0, 7);
}

/** The last `count` months up to the one `now` falls in, oldest first. */
export function lastMonths(now: Date, timeZone: string, count = MONTHS_SHOWN): string[] {
  const [year, month] = monthOf(now, timeZone).split("-").map(Number) as [number, number];
  return Array.from({ length: count }, (_, index) => {
    const date = new Date(Date.UTC(year, month - 1 - (count - 1 - index), 1));
    return date.toISOString().slice(0, 7);
  });
}

/** Enquiries per week for the last 52 weeks (this one included), oldest first; weeks with none are there with 0. */
export function enquiriesPerWeek(rows: InterestRow[], now: Date, timeZone: string): Array<{ week: string; enquiries: number }> {
  const thisWeek = weekStartOf(now, timeZone);
  const weeks = Array.from({ length: WEEKS_SHOWN }, (_, index) => addDays(thisWeek, -7 * (WEEKS_SHOWN - 1 - index)));
  const counts = new Map(weeks.map((week) => [week, 0]));
  for (const row of rows) {
    const week = weekStartOf(row.createdAt, timeZone);
    if (counts.has(week)) counts.set(week, counts.get(week)! + 1);
  }
  return weeks.map((week) => ({ week, enquiries: counts.get(week)! }));
}

function ranked(counts: Map<string, { label: string; count: number }>, limit: number) {
  return [...counts.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)).slice(0, limit);
}

/** The most asked-about works: an enquiry about three works counts once for each. */
export function mostAskedWorks(rows: InterestRow[], limit = 10): Array<{ work: string; enquiries: number }> {
  const counts = new Map<string, { label: string; count: number }>();
  for (const row of rows) {
    for (const work of new Map(row.works.map((entry) => [entry.key, entry])).values()) {
      const entry = counts.get(work.key) ?? { label: work.label, count: 0 };
      entry.count += 1;
      counts.set(work.key, entry);
    }
  }
  return ranked(counts, limit).map((entry) => ({ work: entry.label, enquiries: entry.count }));
}

/** Enquiries by section: an enquiry counts once for each section its works are in; a general question under its own name. */
export function enquiriesBySection(rows: InterestRow[]): Array<{ section: string; enquiries: number }> {
  const counts = new Map<string, { label: string; count: number }>();
  for (const row of rows) {
    const sections = row.works.length > 0 ? new Set(row.works.map((work) => work.section)) : new Set(["General questions"]);
    for (const section of sections) {
      const entry = counts.get(section) ?? { label: section, count: 0 };
      entry.count += 1;
      counts.set(section, entry);
    }
  }
  return ranked(counts, 50).map((entry) => ({ section: entry.label, enquiries: entry.count }));
}

export const OUTCOMES = ["Work sold since", "Answered", "Waiting for a first reply", "Closed without a reply"] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * Where each enquiry ended, one outcome each, in this order: a work it asked about is sold now (to
 * them or to someone else: the catalogue does not say); staff answered it; it is still waiting for a
 * first reply; it was closed without one.
 */
export function outcomeOf(row: InterestRow): Outcome {
  if (row.works.some((work) => work.soldNow)) return "Work sold since";
  if (row.firstRepliedAt) return "Answered";
  if (row.status === "new" || row.status === "in_progress") return "Waiting for a first reply";
  return "Closed without a reply";
}

export function enquiriesByOutcome(rows: InterestRow[]): Array<{ outcome: Outcome; enquiries: number }> {
  const counts = new Map<Outcome, number>(OUTCOMES.map((outcome) => [outcome, 0]));
  for (const row of rows) counts.set(outcomeOf(row), counts.get(outcomeOf(row))! + 1);
  return OUTCOMES.map((outcome) => ({ outcome, enquiries: counts.get(outcome)! }));
}

const HOUR_MS = 3_600_000;
const roundedHours = (value: number | undefined) => (value === undefined ? null : Math.round(value * 10) / 10);

/**
 * Time to first reply, in hours (of the clock, not working hours), by the month the enquiry arrived:
 * the median and the 90th percentile of those answered, and how many were answered late (after
 * their reply-by time) or on time.
 */
export function firstReplyTimes(
  rows: InterestRow[],
  now: Date,
  timeZone: string,
): Array<{ month: string; answered: number; medianHours: number | null; p90Hours: number | null; onTime: number; late: number }> {
  const months = lastMonths(now, timeZone);
  const byMonth = new Map(months.map((month) => [month, { hours: [] as number[], onTime: 0, late: 0 }]));
  for (const row of rows) {
    if (!row.firstRepliedAt) continue;
    const entry = byMonth.get(monthOf(row.createdAt, timeZone));
    if (!entry) continue;
    entry.hours.push((row.firstRepliedAt.getTime() - row.createdAt.getTime()) / HOUR_MS);
    if (row.replyBy && row.firstRepliedAt > row.replyBy) entry.late += 1;
    else entry.onTime += 1;
  }
  return months.map((month) => {
    const entry = byMonth.get(month)!;
    const sorted = entry.hours.sort((a, b) => a - b);
    return {
      month,
      answered: sorted.length,
      medianHours: roundedHours(quantileSorted(sorted, 0.5)),
      p90Hours: roundedHours(quantileSorted(sorted, 0.9)),
      onTime: entry.onTime,
      late: entry.late,
    };
  });
}
