/** The viewing forms: the collector's cancellation; staff offering times, closing a day, releasing or cancelling a booking. */
import { z } from "zod";
import { LINK_TOKEN_PATTERN } from "@/lib/enquiries/link-token";
import { ENQUIRY_REFERENCE_PATTERN } from "@/lib/enquiries/vocabulary";

export const cancelViewingSchema = z.object({ token: z.string().regex(LINK_TOKEN_PATTERN, "This link does not cancel a viewing.") });

const day = z.iso.date("Please give a date");
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Please give a time such as 10:00");

export const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

export const offerViewingTimesSchema = z
  .object({
    from: day,
    to: day,
    weekdays: z.array(z.coerce.number().int().min(0).max(6)).min(1, "Please choose at least one day of the week"),
    opensAt: clock,
    closesAt: clock,
    minutes: z.coerce
      .number({ error: "Please give each time's length in minutes" })
      .int()
      .min(15, "A time lasts at least 15 minutes")
      .max(480, "A time lasts at most 8 hours"),
    capacity: z.coerce
      .number({ error: "Please say how many parties each time takes" })
      .int()
      .min(1, "Each time takes at least one party")
      .max(50, "At most 50 parties a time"),
  })
  .refine((offer) => offer.to >= offer.from, { path: ["to"], message: "The last day must be on or after the first" })
  .refine((offer) => offer.closesAt > offer.opensAt, { path: ["closesAt"], message: "Closing must be after opening" })
  .refine((offer) => Date.parse(offer.to) - Date.parse(offer.from) <= 366 * 86_400_000, {
    path: ["to"],
    message: "Offer at most a year of times at once",
  });

export const closeViewingDaySchema = z.object({ day });

export type OfferViewingTimesField = keyof z.input<typeof offerViewingTimesSchema>;

/** Staff's decision on an enquiry's viewing: release one that waited for them, or cancel it. */
export const viewingDecisionSchema = z.object({
  reference: z.string().regex(ENQUIRY_REFERENCE_PATTERN),
  decision: z.enum(["release", "cancel"]),
});
