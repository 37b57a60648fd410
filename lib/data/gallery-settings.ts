import "server-only";
// Read by the outbox worker too (the digest), which runs outside Next.js: nothing here may import the
// staff session or anything else of Next's. Changing the settings is lib/data/staff/settings.ts.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { REPLY_UNITS, type ReplySchedule } from "@/lib/enquiries/reply-by";
import { serverEnv } from "@/lib/env";
import type { GallerySettingsInput } from "@/lib/validations/gallery-settings";

export type GallerySettings = GallerySettingsInput & { updatedAt: string | null };

const TEN_TO_HALF_FIVE = { opens: "10:00", closes: "17:30" };

/** What a gallery gets before an owner changes anything (the migration writes the same row). */
export const DEFAULT_GALLERY_SETTINGS: GallerySettings = {
  replyWithin: 1,
  replyWithinUnit: "working_days",
  openingHours: [null, TEN_TO_HALF_FIVE, TEN_TO_HALF_FIVE, TEN_TO_HALF_FIVE, TEN_TO_HALF_FIVE, TEN_TO_HALF_FIVE, TEN_TO_HALF_FIVE],
  holidays: [],
  digestEnabled: true,
  digestTime: "08:30",
  digestOnClosedDays: false,
  digestTo: null,
  updatedAt: null,
};

const storedHours = z
  .array(z.object({ opens: z.string().regex(/^\d\d:\d\d$/), closes: z.string().regex(/^\d\d:\d\d$/) }).nullable())
  .length(7);
const storedReplyUnit = z.enum(REPLY_UNITS);
const storedHolidays = z.array(z.object({ date: z.iso.date(), name: z.string() }));

// Read on every enquiry (its reply-by time): kept for a short while, so a change reaches other
// processes within this long and this process at once. Timed on the monotonic clock: a wall clock set
// back an hour would have kept a stale copy for the hour.
const CACHE_MS = 30_000;
let cached: { settings: GallerySettings; until: number } | null = null;

/** The gallery's settings (defaults where the row or a part of it is missing or unreadable), kept a short while. */
export async function readGallerySettings(): Promise<GallerySettings> {
  const now = performance.now();
  if (cached && cached.until > now) return cached.settings;
  const row = await db.gallerySettings.findUnique({ where: { id: 1 } });
  const settings: GallerySettings = row
    ? {
        replyWithin: row.replyWithin,
        replyWithinUnit: storedReplyUnit.catch(DEFAULT_GALLERY_SETTINGS.replyWithinUnit).parse(row.replyWithinUnit),
        openingHours: storedHours.catch(DEFAULT_GALLERY_SETTINGS.openingHours).parse(row.openingHours),
        holidays: storedHolidays.catch([]).parse(row.holidays),
        digestEnabled: row.digestEnabled,
        digestTime: row.digestTime,
        digestOnClosedDays: row.digestOnClosedDays,
        digestTo: row.digestTo,
        updatedAt: row.updatedAt.toISOString(),
      }
    : DEFAULT_GALLERY_SETTINGS;
  cached = { settings, until: now + CACHE_MS };
  return settings;
}

/** The settings as saved this moment, whatever is kept (the settings page, the digest). */
export async function readSavedGallerySettings(): Promise<GallerySettings> {
  forgetGallerySettings();
  return readGallerySettings();
}

/** Forget the kept copy (after a change, and between tests that change the row directly). */
export function forgetGallerySettings(): void {
  cached = null;
}

/** The settings as the reply-by clock reads them, in the gallery's time zone. */
export function replyScheduleOf(settings: GallerySettings): ReplySchedule {
  return {
    replyWithin: settings.replyWithin,
    unit: settings.replyWithinUnit,
    openingHours: settings.openingHours,
    holidays: settings.holidays.map((holiday) => holiday.date),
    timeZone: serverEnv().GALLERY_TIME_ZONE,
  };
}

export async function readReplySchedule(): Promise<ReplySchedule> {
  return replyScheduleOf(await readGallerySettings());
}

/** The settings as the form's fields ("on" for a ticked box; a closed day's times empty). */
export function settingsFormValues(settings: GallerySettings): Record<string, string> {
  const values: Record<string, string> = {
    replyWithin: String(settings.replyWithin),
    replyWithinUnit: settings.replyWithinUnit,
    holidays: settings.holidays.map((holiday) => `${holiday.date}${holiday.name ? ` ${holiday.name}` : ""}`).join("\n"),
    digestTime: settings.digestTime,
    digestTo: settings.digestTo ?? "",
  };
  if (settings.digestEnabled) values.digestEnabled = "on";
  if (settings.digestOnClosedDays) values.digestOnClosedDays = "on";
  settings.openingHours.forEach((hours, weekday) => {
    values[`opens${weekday}`] = hours?.opens ?? "";
    values[`closes${weekday}`] = hours?.closes ?? "";
  });
  return values;
}
