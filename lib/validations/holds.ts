/** Staff's hold forms: place (for a named collector, until a day and time in the gallery's clock), extend, release. */
import { z } from "zod";

const day = z.iso.date("Please give the day the hold ends");
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Please give a time such as 17:00");
const id = z.string().min(1).max(64);

export const placeHoldSchema = z.object({
  artworkId: id,
  enquiryReference: z
    .string()
    .regex(/^ENQ-\d{4}-\d{6}$/)
    .optional()
    .or(z.literal("").transform(() => undefined)),
  collectorName: z.string().trim().min(1, "Please give the collector's name").max(120, "At most 120 characters"),
  collectorEmail: z.email("Please give the collector's email address, such as name@example.com").max(254),
  untilDay: day,
  untilTime: clock,
});

export const extendHoldSchema = z.object({ holdId: id, untilDay: day, untilTime: clock });

export const releaseHoldSchema = z.object({ holdId: id });

export type PlaceHoldField = keyof z.input<typeof placeHoldSchema>;

/** A collector's "Reserve for 48 hours" on a work's page. */
export const reserveRequestSchema = z.object({
  artworkSlug: z.string().min(1).max(200),
  name: z.string().trim().min(1, "Please tell us your name").max(120, "At most 120 characters"),
  email: z.email("Please give your email address, such as name@example.com").max(254),
});

export const reserveConfirmSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });

export const holdRequestDecisionSchema = z.object({ requestId: id, decision: z.enum(["grant", "decline"]) });
