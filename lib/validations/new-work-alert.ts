/** "Tell me about new works like this", from a work's or a section's page. */
import { z } from "zod";
import { ALERT_SCOPES } from "@/lib/catalogue/new-work-alerts";

const optionalPrice = z
  .string()
  .trim()
  .transform((value) => value.replace(/[£$€,\s]/g, ""))
  .refine((value) => value === "" || /^\d{1,9}(\.\d{1,2})?$/.test(value), "Give a price in whole pounds, such as 2000, or leave it empty")
  .transform((value) => (value === "" ? null : Number(value)));

export const newWorkAlertSchema = z
  .object({
    artworkSlug: z.string().max(200).optional(),
    exhibitionSlug: z.string().max(200).optional(),
    sectionSlug: z.string().max(200).optional(),
    scope: z.enum(ALERT_SCOPES, "Choose which new works you would like to hear about"),
    maxPrice: optionalPrice,
    name: z.string().trim().max(120, "At most 120 characters"),
    email: z.email("Please give your email address, such as name@example.com").max(254),
  })
  .refine((value) => Boolean(value.artworkSlug) || Boolean(value.exhibitionSlug && value.sectionSlug), {
    message: "Which page was this?",
    path: ["scope"],
  });

export type NewWorkAlertField = keyof z.input<typeof newWorkAlertSchema>;
