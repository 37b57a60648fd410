/** The offer forms: the collector's answer to a counter-offer, and staff's accept, counter and decline. */
import { z } from "zod";

const offerId = z.string().min(1).max(64);

export const counterAnswerSchema = z.object({ token: z.string().min(10).max(200), answer: z.enum(["accept", "decline"]) });

export const offerDecisionSchema = z.object({ offerId });

export const counterOfferSchema = z.object({
  offerId,
  counter: z.string().trim().min(1, "Please give the counter-offer's amount, such as 3500").max(20),
  days: z.coerce
    .number({ error: "Please say for how many days the counter-offer stands" })
    .int("Whole days, please")
    .min(1, "At least one day")
    .max(30, "At most 30 days"),
});

export const offerFilterSchema = z.object({
  status: z.enum(["open", "countered", "accepted", "declined", "expired"]).optional().catch(undefined),
});
