/** The follow page's forms: a message added to the enquiry, a request to erase the collector's data, and its withdrawal. */
import { z } from "zod";
import { LINK_TOKEN_PATTERN } from "@/lib/enquiries/link-token";
import { ENQUIRY_LIMITS } from "./enquiry-fields";

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const token = z.string().regex(LINK_TOKEN_PATTERN, "This link does not open an enquiry.");

export const followUpSchema = z.object({
  token,
  message: z
    .string()
    .trim()
    .min(1, "Please write your message")
    .max(ENQUIRY_LIMITS.message, `Please keep your message under ${ENQUIRY_LIMITS.message.toLocaleString("en-GB")} characters`)
    .refine((value) => !CONTROL_CHARACTERS.test(value), "Your message contains characters we can't send"),
});

export const followErasureSchema = z.object({
  token,
  confirm: z.literal("yes", "Please tick the box to confirm that everything should be erased"),
});

/** "Keep my details": withdraws an erasure asked for from the same link. */
export const followKeepSchema = z.object({ token });

export type FollowUpField = keyof z.input<typeof followUpSchema>;
export type FollowErasureField = keyof z.input<typeof followErasureSchema>;
