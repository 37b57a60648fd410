/** The owner's forms for staff accounts, and the invitation's own form. */
import { z } from "zod";
import { STAFF_MIN_PASSWORD_LENGTH, STAFF_ROLES } from "@/lib/staff/roles";
import { LINK_TOKEN_PATTERN } from "@/lib/enquiries/link-token";
import { newStaffPassword } from "./staff-forms";

const userId = z.string().min(1).max(64);
const role = z.enum(STAFF_ROLES, "Choose owner, staff or viewer");

export const inviteStaffSchema = z.object({
  email: z.email("Give the person's email address, such as name@gallery.example").trim().toLowerCase().max(254),
  name: z.string().trim().min(1, "Give their name").max(120, "At most 120 characters"),
  role,
});

export const changeStaffRoleSchema = z.object({ userId, role });
export const setStaffDisabledSchema = z.object({ userId, disabled: z.enum(["true", "false"]) });

export const acceptInvitationSchema = z
  .object({
    token: z.string().regex(LINK_TOKEN_PATTERN, "This invitation link is not valid."),
    password: newStaffPassword(`The password must be at least ${STAFF_MIN_PASSWORD_LENGTH} characters`),
    confirmPassword: z.string(),
  })
  .refine((form) => form.password === form.confirmPassword, { path: ["confirmPassword"], message: "The two passwords differ" });

export type InviteStaffField = keyof z.input<typeof inviteStaffSchema>;
export type AcceptInvitationField = keyof z.input<typeof acceptInvitationSchema>;
