/** The owner's retention settings: how long spam and sent digest emails are kept. */
import { z } from "zod";

const days = (label: string) =>
  z.coerce
    .number({ error: `Please give ${label} as a whole number of days` })
    .int(`Please give ${label} as a whole number of days`)
    .min(1, "At least 1 day")
    .max(730, "At most 730 days (two years, as long as any enquiry is kept)");

export const retentionSettingsSchema = z.object({
  spamKeptDays: days("how long spam is kept"),
  digestEmailsKeptDays: days("how long digest emails are kept"),
});

export type RetentionSettingsField = keyof z.input<typeof retentionSettingsSchema>;
export type RetentionSettings = z.output<typeof retentionSettingsSchema>;
