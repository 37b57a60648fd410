/**
 * When an enquiry should be answered by: the gallery promises itself a reply within so many working
 * days or hours, counted only while it is open (its weekly opening hours, in its own time zone, less
 * its holidays). Pure, so the inbox, the enquiry's arrival and the tests share one clock.
 */
import { addDays, galleryClock, galleryDay, galleryTimeToInstant, weekdayOf } from "@/lib/time/gallery-time";

export const REPLY_UNITS = ["working_days", "working_hours"] as const;
export type ReplyUnit = (typeof REPLY_UNITS)[number];

export const REPLY_UNIT_LABELS: Record<ReplyUnit, string> = { working_days: "working days", working_hours: "working hours" };

/** One day's opening hours ("10:00"–"17:30"), or null when the gallery is closed that weekday. */
export type OpeningHours = { opens: string; closes: string } | null;

export type ReplySchedule = {
  replyWithin: number;
  unit: ReplyUnit;
  /** Indexed by weekday: 0 is Sunday … 6 Saturday. */
  openingHours: OpeningHours[];
  /** Days the gallery is closed whatever the weekday ("2026-12-25"). */
  holidays: string[];
  timeZone: string;
};

export const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

// More than a year of closed days in a row means a schedule that never opens (the settings form refuses one).
const SEARCH_DAYS = 400;

type Window = { day: string; opens: Date; closes: Date };

/** The opening window of a gallery day, or null when it is closed (its weekday, or a holiday). */
function windowOf(day: string, schedule: ReplySchedule, holidays: Set<string>): Window | null {
  const hours = schedule.openingHours[weekdayOf(day)];
  if (!hours || holidays.has(day)) return null;
  const opens = galleryTimeToInstant(day, hours.opens, schedule.timeZone);
  const closes = galleryTimeToInstant(day, hours.closes, schedule.timeZone);
  return closes > opens ? { day, opens, closes } : null;
}

/** The open windows from the day `from` falls on, in order. */
function* openWindows(from: Date, schedule: ReplySchedule): Generator<Window> {
  const holidays = new Set(schedule.holidays);
  let day = galleryDay(from, schedule.timeZone);
  for (let step = 0; step < SEARCH_DAYS; step += 1, day = addDays(day, 1)) {
    const window = windowOf(day, schedule, holidays);
    if (window) yield window;
  }
}

/** "Mon 10:00–17:30, Tue closed, …", Sunday first: the settings page and the settings' history. */
export function openingHoursInWords(hours: OpeningHours[]): string {
  return hours.map((day, weekday) => `${WEEKDAY_NAMES[weekday]!.slice(0, 3)} ${day ? `${day.opens}–${day.closes}` : "closed"}`).join(", ");
}

/** Whether the gallery is open on that day at all (the digest's "closed days"). */
export function isOpenDay(day: string, schedule: ReplySchedule): boolean {
  return windowOf(day, schedule, new Set(schedule.holidays)) !== null;
}

/**
 * The reply-by time of an enquiry that arrived at `arrival`.
 * - working hours: that much open time after arrival (an evening enquiry's clock starts at the next opening);
 * - working days: the same time of day on the Nth opening day after the one it is counted from (an
 *   enquiry outside opening hours counts from the next opening), kept within that day's hours.
 * A schedule with no opening at all falls back to calendar days or hours, never to "never".
 */
export function replyByFor(arrival: Date, schedule: ReplySchedule): Date {
  const amount = Math.max(1, Math.floor(schedule.replyWithin));
  if (schedule.unit === "working_hours") {
    let remaining = amount * 3_600_000;
    for (const window of openWindows(arrival, schedule)) {
      const start = Math.max(arrival.getTime(), window.opens.getTime());
      const available = window.closes.getTime() - start;
      if (available <= 0) continue;
      if (remaining <= available) return new Date(start + remaining);
      remaining -= available;
    }
    return new Date(arrival.getTime() + amount * 3_600_000);
  }

  let start: { window: Window; at: Date } | null = null;
  let counted = 0;
  for (const window of openWindows(arrival, schedule)) {
    if (!start) {
      if (arrival >= window.closes) continue;
      start = { window, at: arrival > window.opens ? arrival : window.opens };
      continue;
    }
    counted += 1;
    if (counted < amount) continue;
    // The starting moment's clock time, on this day, kept within its opening hours.
    const clock = galleryClock(start.at, schedule.timeZone);
    const sameTime = galleryTimeToInstant(window.day, clock, schedule.timeZone);
    if (sameTime < window.opens) return window.opens;
    if (sameTime > window.closes) return window.closes;
    return sameTime;
  }
  return new Date(arrival.getTime() + amount * 86_400_000);
}

/** "3 h 20 min", "2 days 4 h", "12 min": how long, for the inbox and the digest. */
export function spanInWords(milliseconds: number): string {
  const minutes = Math.max(0, Math.round(milliseconds / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return `${days} day${days === 1 ? "" : "s"}${hours > 0 ? ` ${hours} h` : ""}`;
  if (hours > 0) return `${hours} h${rest > 0 ? ` ${rest} min` : ""}`;
  return `${Math.max(rest, 1)} min`;
}

export type ReplyByState = { overdue: boolean; words: string };

/** "2 h 5 min late" or "due in 45 min": the time left before the reply-by time, or past it. */
export function replyByState(replyBy: Date, now: Date): ReplyByState {
  const difference = replyBy.getTime() - now.getTime();
  return difference < 0
    ? { overdue: true, words: `${spanInWords(-difference)} late` }
    : { overdue: false, words: `due in ${spanInWords(difference)}` };
}
