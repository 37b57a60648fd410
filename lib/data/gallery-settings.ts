import "server-only";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/staff-session";
import { activityEntry } from "@/lib/data/activity";
import { db } from "@/lib/db";
import { REPLY_UNIT_LABELS, REPLY_UNITS, WEEKDAY_NAMES, type OpeningHours, type ReplySchedule } from "@/lib/enquiries/reply-by";
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
const storedHolidays = z.array(z.object({ date: z.iso.date(), name: z.string() }));

// Read on every enquiry (its reply-by time): kept for a short while, so a change reaches other
// processes within this long and this process at once.
const CACHE_MS = 30_000;
let cached: { settings: GallerySettings; until: number } | null = null;

/** The gallery's settings (defaults where the row or a part of it is missing or unreadable), kept a short while. */
export async function readGallerySettings(): Promise<GallerySettings> {
  const now = Date.now();
  if (cached && cached.until > now) return cached.settings;
  const row = await db.gallerySettings.findUnique({ where: { id: 1 } });
  const settings: GallerySettings = row
    ? {
        replyWithin: row.replyWithin,
        replyWithinUnit: (REPLY_UNITS as readonly string[]).includes(row.replyWithinUnit)
          ? (row.replyWithinUnit as GallerySettings["replyWithinUnit"])
          : DEFAULT_GALLERY_SETTINGS.replyWithinUnit,
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

function hoursInWords(hours: OpeningHours[]): string {
  return hours.map((day, weekday) => `${WEEKDAY_NAMES[weekday]!.slice(0, 3)} ${day ? `${day.opens}–${day.closes}` : "closed"}`).join(", ");
}

/** Saves an owner's settings, with a history entry for each part that changed (old and new value). */
export async function saveGallerySettings(input: GallerySettingsInput): Promise<void> {
  const owner = await requireStaff("owner");
  const before = await readSavedGallerySettings();
  const changes: Array<{ field: string; oldValue: string; newValue: string }> = [];
  const compare = (field: string, oldValue: string, newValue: string) => {
    if (oldValue !== newValue) changes.push({ field, oldValue, newValue });
  };
  compare(
    "reply within",
    `${before.replyWithin} ${REPLY_UNIT_LABELS[before.replyWithinUnit]}`,
    `${input.replyWithin} ${REPLY_UNIT_LABELS[input.replyWithinUnit]}`,
  );
  compare("opening hours", hoursInWords(before.openingHours), hoursInWords(input.openingHours));
  compare(
    "holidays",
    before.holidays.map((day) => day.date).join(", ") || "none",
    input.holidays.map((day) => day.date).join(", ") || "none",
  );
  compare(
    "daily digest",
    before.digestEnabled ? `at ${before.digestTime}${before.digestOnClosedDays ? ", closed days too" : ""}` : "off",
    input.digestEnabled ? `at ${input.digestTime}${input.digestOnClosedDays ? ", closed days too" : ""}` : "off",
  );
  compare("digest to", before.digestTo ?? "the gallery's address", input.digestTo ?? "the gallery's address");
  const data = {
    replyWithin: input.replyWithin,
    replyWithinUnit: input.replyWithinUnit,
    openingHours: input.openingHours,
    holidays: input.holidays,
    digestEnabled: input.digestEnabled,
    digestTime: input.digestTime,
    digestOnClosedDays: input.digestOnClosedDays,
    digestTo: input.digestTo,
  };
  await db.$transaction([
    db.gallerySettings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data }),
    ...changes.map((change) =>
      activityEntry({
        actor: owner,
        action: "changed the settings",
        subjectType: "settings",
        subjectId: "gallery",
        subjectLabel: "Gallery settings",
        ...change,
      }),
    ),
  ]);
  forgetGallerySettings();
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

export type DigestRunView = { day: string; waiting: number; overdue: number; sent: boolean; at: string };

/** The last fortnight's digests: what each day's said, or that nothing was waiting. */
export async function recentDigestRuns(limit = 14): Promise<DigestRunView[]> {
  await requireStaff();
  const runs = await db.digestRun.findMany({ orderBy: { day: "desc" }, take: limit });
  return runs.map((run) => ({
    day: run.day,
    waiting: run.waiting,
    overdue: run.overdue,
    sent: run.emailId !== null,
    at: run.createdAt.toISOString(),
  }));
}
