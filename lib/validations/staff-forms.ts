/** The staff area's small forms, one schema each, shared by the form and its server action. */
import { z } from "zod";
import { ENQUIRY_REFERENCE_PATTERN, ENQUIRY_STATUSES } from "@/lib/enquiries/vocabulary";
import { COMMON_PASSWORD_MESSAGE, isCommonPassword } from "@/lib/staff/common-passwords";
import { STAFF_MIN_PASSWORD_LENGTH } from "@/lib/staff/roles";

/**
 * A staff password is what a person types into a field: no line breaks, tabs or other control
 * characters, which a sign-in field cannot take (a password piped with its newline would otherwise
 * be stored and never typed again).
 */
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;
export const CONTROL_CHARACTERS_MESSAGE = "A password cannot contain line breaks, tabs or other control characters";

/** A password someone chooses (a new one, an invitation's, one set from the command line): every rule in one place. */
export function newStaffPassword(tooShortMessage: string) {
  return z
    .string()
    .min(STAFF_MIN_PASSWORD_LENGTH, tooShortMessage)
    .max(256, "The password must be at most 256 characters")
    .refine((password) => !CONTROL_CHARACTERS.test(password), CONTROL_CHARACTERS_MESSAGE)
    .refine((password) => !isCommonPassword(password), COMMON_PASSWORD_MESSAGE);
}

export const signInSchema = z.object({
  email: z.string().trim().min(1, "Enter your email address").max(254),
  password: z.string().min(1, "Enter your password").max(256),
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(256),
    newPassword: newStaffPassword(`The new password must be at least ${STAFF_MIN_PASSWORD_LENGTH} characters`),
    confirmPassword: z.string(),
  })
  .refine((value) => value.newPassword === value.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords differ" });

export const enquiryStatusSchema = z.object({
  reference: z.string().regex(ENQUIRY_REFERENCE_PATTERN),
  status: z.enum(ENQUIRY_STATUSES, "Choose a status"),
});

export const enquiryNoteSchema = z.object({
  reference: z.string().regex(ENQUIRY_REFERENCE_PATTERN),
  body: z.string().trim().min(1, "Write the note").max(5000, "A note can be at most 5,000 characters"),
});

export const staffReplySchema = z.object({
  reference: z.string().regex(ENQUIRY_REFERENCE_PATTERN),
  subject: z
    .string()
    .trim()
    .min(1, "Give the reply a subject")
    .max(200)
    .refine((value) => !/[\r\n]/.test(value), "The subject must be on one line"),
  body: z.string().trim().min(1, "Write the reply").max(20000, "A reply can be at most 20,000 characters"),
});

/** An id as the staff pages put it in a hidden field (a cuid or a uuid). */
const recordId = z.string().min(1).max(64);

/** Assign an enquiry: a member's id, or empty for nobody. */
export const assignEnquirySchema = z.object({
  reference: z.string().regex(ENQUIRY_REFERENCE_PATTERN),
  assigneeId: z
    .string()
    .max(64)
    .transform((value) => value || null),
});

export const withdrawFollowLinkSchema = z.object({ reference: z.string().regex(ENQUIRY_REFERENCE_PATTERN) });

export const retryEmailSchema = z.object({ reference: z.string().regex(ENQUIRY_REFERENCE_PATTERN), emailId: recordId });

export const moveInCatalogueSchema = z.object({ id: recordId, direction: z.enum(["up", "down"]) });

export const publishArtworkSchema = z.object({ id: recordId, published: z.enum(["true", "false"]) });

export const removePhotographSchema = z.object({ imageId: recordId });

export const PHOTOGRAPH_ALT_MAX = 300;
export const photographAltSchema = z.object({
  imageId: recordId,
  altText: z
    .string()
    .trim()
    .max(PHOTOGRAPH_ALT_MAX, `Please keep the description under ${PHOTOGRAPH_ALT_MAX} characters: a sentence or two`)
    .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), "The description must be one line of plain text"),
});

export const movePhotographSchema = z.object({ imageId: recordId, direction: z.enum(["up", "down"]) });

/** The message for a form whose hidden fields were changed, or that comes from an older page. */
export const NOT_UNDERSTOOD = "That request was not understood, so nothing was changed. Please reload the page and try again.";

export { IDLE_FORM, type FormState } from "./form-state";
