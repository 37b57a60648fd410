/**
 * The gallery's own clock (GALLERY_TIME_ZONE), the one place time is turned into the gallery's days
 * and words: staff offer viewings "Tuesdays 10:00–17:00", collectors read "Tuesday 1 December, 11:00",
 * reply-by times count opening hours, staff pages write "26 Nov 2026, 08:04", and the database keeps
 * instants in UTC. The functions that take a time zone are pure; staffTime and galleryDate use the
 * configured one.
 */
import { serverEnv } from "@/lib/env";

// Making a formatter costs far more than using one (every enquiry's reply-by time uses several):
// one per time zone and purpose, kept for the life of the process.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(purpose: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${purpose}|${timeZone}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat("en-GB", { ...options, timeZone });
    formatters.set(key, made);
  }
  return made;
}

function partsIn(instant: Date, timeZone: string) {
  const parts = formatter("parts", timeZone, {
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const value = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return {
    year: value("year"),
    month: value("month"),
    day: value("day"),
    hour: value("hour"),
    minute: value("minute"),
    second: value("second"),
  };
}

/** How far the zone's clock is ahead of UTC at that instant, in milliseconds. */
function offsetAt(instant: Date, timeZone: string): number {
  const p = partsIn(instant, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant a wall-clock time ("2026-12-01", "10:30") names in the zone. */
export function galleryTimeToInstant(day: string, time: string, timeZone: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, date, hour, minute);
  // Twice: the offset at the first guess may differ from the offset at the answer (a change of clocks between).
  const first = wall - offsetAt(new Date(wall), timeZone);
  return new Date(wall - offsetAt(new Date(first), timeZone));
}

/** "2026-12-01": the day an instant falls on in the zone. */
export function galleryDay(instant: Date, timeZone: string): string {
  const p = partsIn(instant, timeZone);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

/** The day after (or before, with -1) a "YYYY-MM-DD" day. */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/** 0 for Sunday … 6 for Saturday, of a "YYYY-MM-DD" day. */
export function weekdayOf(day: string): number {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date)).getUTCDay();
}

/** "Tuesday 1 December 2026" (composed from its parts: ICU versions differ on a comma after the weekday). */
export function galleryDayLabel(instant: Date, timeZone: string): string {
  const parts = formatter("day-label", timeZone, { weekday: "long", day: "numeric", month: "long", year: "numeric" }).formatToParts(
    instant,
  );
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((entry) => entry.type === type)?.value ?? "";
  return `${part("weekday")} ${part("day")} ${part("month")} ${part("year")}`;
}

/** "11:00" */
export function galleryClock(instant: Date, timeZone: string): string {
  return formatter("clock", timeZone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
}

/** "Tuesday 1 December 2026, 11:00–12:00" */
export function viewingTimeLabel(startsAt: Date, endsAt: Date, timeZone: string): string {
  return `${galleryDayLabel(startsAt, timeZone)}, ${galleryClock(startsAt, timeZone)}–${galleryClock(endsAt, timeZone)}`;
}

/**
 * The instants a staff filter "from day A to day B" covers, both days whole, in the gallery's clock
 * (as staff read every date on their pages): from A's midnight up to, not including, the midnight after B.
 */
export function galleryDaysRange(from: string | undefined, to: string | undefined, timeZone: string): { gte?: Date; lt?: Date } {
  return {
    ...(from ? { gte: galleryTimeToInstant(from, "00:00", timeZone) } : {}),
    ...(to ? { lt: galleryTimeToInstant(addDays(to, 1), "00:00", timeZone) } : {}),
  };
}

/**
 * "26 Nov 2026, 08:04": how the staff area writes a moment, in the gallery's own clock
 * (GALLERY_TIME_ZONE), the one reply-by times and viewings are counted in. Server-side only: a form
 * in the browser is given the words, not the instant.
 */
export function staffTime(iso: string): string {
  return formatter("staff-time", serverEnv().GALLERY_TIME_ZONE, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

/** "26 November 2026": a day in the gallery's clock. */
export function galleryDate(iso: string): string {
  return formatter("gallery-date", serverEnv().GALLERY_TIME_ZONE, { day: "numeric", month: "long", year: "numeric" }).format(new Date(iso));
}
