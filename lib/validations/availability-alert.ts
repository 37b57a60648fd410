/** "Tell me if it becomes available", and the two links its emails carry. */
import { z } from "zod";
import { LINK_TOKEN_PATTERN } from "@/lib/enquiries/link-token";

export const availabilityAlertSchema = z.object({
  artworkSlug: z.string().min(1).max(200),
  name: z.string().trim().max(120, "At most 120 characters"),
  email: z.email("Please give your email address, such as name@example.com").max(254),
});

export type AvailabilityAlertField = keyof z.input<typeof availabilityAlertSchema>;

export const alertConfirmSchema = z.object({ token: z.string().regex(LINK_TOKEN_PATTERN) });

export const alertUnsubscribeSchema = z.object({ token: z.string().min(10).max(200) });
