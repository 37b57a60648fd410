import { z } from "zod";
import { REPLY_UNITS, WEEKDAY_NAMES, type OpeningHours } from "@/lib/enquiries/reply-by";

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A "HH:MM" field; the browser's time input sends "10:00" (or "10:00:00" with seconds, cut here). */
const clockField = z
  .string()
  .trim()
  .transform((value) => value.slice(0, 5));

/**
 * The owner's settings form: how soon an enquiry should be answered, the weekly opening hours (a
 * day left empty is closed), holidays (one per line: "2026-12-25 Christmas Day"), and the digest.
 */
export const gallerySettingsSchema = z
  .object({
    replyWithin: z.coerce
      .number({ message: "Enter a whole number, such as 1" })
      .int("Enter a whole number, such as 1")
      .min(1, "At least 1")
      .max(30, "At most 30"),
    replyWithinUnit: z.enum(REPLY_UNITS, { message: "Choose working days or working hours" }),
    opens: z.array(clockField).length(7),
    closes: z.array(clockField).length(7),
    holidays: z.string().max(5_000, "At most 5,000 characters of holidays").default(""),
    digestEnabled: z.boolean(),
    digestTime: z.string().trim().regex(CLOCK, "A time of day such as 08:30"),
    digestOnClosedDays: z.boolean(),
    digestTo: z
      .string()
      .trim()
      .max(254)
      .transform((value) => value || null)
      .pipe(z.email("An email address such as enquiries@gallery.example, or leave it empty for the gallery's own").nullable()),
  })
  .transform((form, ctx) => {
    const openingHours: OpeningHours[] = [];
    for (let weekday = 0; weekday < 7; weekday += 1) {
      const opens = form.opens[weekday]!;
      const closes = form.closes[weekday]!;
      const name = WEEKDAY_NAMES[weekday]!;
      if (!opens && !closes) {
        openingHours.push(null);
        continue;
      }
      if (!CLOCK.test(opens) || !CLOCK.test(closes)) {
        ctx.addIssue({
          code: "custom",
          path: [`hours${weekday}`],
          message: `${name}: give both the opening and the closing time, or leave both empty for a closed day`,
        });
        openingHours.push(null);
        continue;
      }
      if (closes <= opens) {
        ctx.addIssue({ code: "custom", path: [`hours${weekday}`], message: `${name}: the closing time must be after the opening time` });
      }
      openingHours.push({ opens, closes });
    }
    if (openingHours.every((hours) => hours === null)) {
      ctx.addIssue({
        code: "custom",
        path: ["hours1"],
        message: "Give the hours of at least one opening day: reply-by times count open time",
      });
    }
    const holidays: Array<{ date: string; name: string }> = [];
    const seen = new Set<string>();
    for (const [index, rawLine] of form.holidays.split(/\r?\n/).entries()) {
      const line = rawLine.trim();
      if (!line) continue;
      const match = /^(\d{4}-\d{2}-\d{2})\s*(.*)$/.exec(line);
      if (!match || !z.iso.date().safeParse(match[1]).success) {
        ctx.addIssue({
          code: "custom",
          path: ["holidays"],
          message: `Line ${index + 1} (“${line.slice(0, 40)}”) does not start with a date such as 2026-12-25`,
        });
        continue;
      }
      const date = match[1]!;
      if (seen.has(date)) continue;
      seen.add(date);
      holidays.push({ date, name: match[2]!.slice(0, 80) });
    }
    holidays.sort((a, b) => a.date.localeCompare(b.date));
    return {
      replyWithin: form.replyWithin,
      replyWithinUnit: form.replyWithinUnit,
      openingHours,
      holidays,
      digestEnabled: form.digestEnabled,
      digestTime: form.digestTime,
      digestOnClosedDays: form.digestOnClosedDays,
      digestTo: form.digestTo,
    };
  });

export type GallerySettingsInput = z.output<typeof gallerySettingsSchema>;
export type GallerySettingsField =
  | "replyWithin"
  | "replyWithinUnit"
  | `hours${0 | 1 | 2 | 3 | 4 | 5 | 6}`
  | "holidays"
  | "digestEnabled"
  | "digestTime"
  | "digestOnClosedDays"
  | "digestTo";

/** The form's fields as the schema reads them (checkboxes are "on" or absent; hours come as opens0…closes6). */
export function gallerySettingsFromForm(values: Record<string, string>) {
  return {
    replyWithin: values.replyWithin ?? "",
    replyWithinUnit: values.replyWithinUnit ?? "",
    opens: Array.from({ length: 7 }, (_, weekday) => values[`opens${weekday}`] ?? ""),
    closes: Array.from({ length: 7 }, (_, weekday) => values[`closes${weekday}`] ?? ""),
    holidays: values.holidays ?? "",
    digestEnabled: values.digestEnabled === "on",
    digestTime: values.digestTime ?? "",
    digestOnClosedDays: values.digestOnClosedDays === "on",
    digestTo: values.digestTo ?? "",
  };
}
