import { z } from "zod";

/** "Put into an enquiry" on an email in "to check": the email, and the reference typed or suggested. */
export const fileInboundEmailSchema = z.object({
  emailId: z.string().min(1).max(64),
  reference: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9-]{3,40}$/, "Type the enquiry's reference, such as ENQ-2026-000042"),
});
export type FileInboundEmailField = keyof z.infer<typeof fileInboundEmailSchema>;

/** "Set aside" on an email in "to check". */
export const setInboundEmailAsideSchema = z.object({ emailId: z.string().min(1).max(64) });
