/** The staff privacy page's forms: find what is held about an address, and erase it after confirmation. */
import { z } from "zod";

const email = z.email("Give the collector's email address, such as name@example.com").trim().max(254, "That email address is too long");

export const findHeldDataSchema = z.object({ email });
export const eraseHeldDataSchema = z.object({
  email,
  confirm: z.literal("yes", "Tick the box to confirm: erasing cannot be undone"),
});

export type PrivacyField = "email" | "confirm";
