"use server";

import { redirect } from "next/navigation";
import { staffPermitted } from "@/lib/auth/staff-session";
import {
  acceptInvitation,
  changeStaffRole,
  inviteStaffMember,
  setStaffMemberDisabled,
  type TeamChangeOutcome,
} from "@/lib/data/staff/team";
import { deliverAfterResponse } from "@/lib/jobs/deliver-after-response";
import type { FormState } from "@/lib/validations/form-state";
import { NOT_UNDERSTOOD } from "@/lib/validations/staff-forms";
import {
  acceptInvitationSchema,
  changeStaffRoleSchema,
  inviteStaffSchema,
  setStaffDisabledSchema,
  type AcceptInvitationField,
  type InviteStaffField,
} from "@/lib/validations/staff-team";
import { doneForm, failedForm, invalidForm, typedValues } from "./form-results";
import { withNotice } from "@/lib/staff/notices";

const TEAM_REFUSALS: Record<Exclude<TeamChangeOutcome, "changed">, string> = {
  no_account: "That account no longer exists, so nothing was changed.",
  last_owner: "That is the last owner: make someone else an owner first, so that the gallery keeps one. Nothing was changed.",
  yourself: "You cannot disable your own account. Nothing was changed.",
};

export async function inviteStaff(_previous: FormState<InviteStaffField>, formData: FormData): Promise<FormState<InviteStaffField>> {
  const permit = await staffPermitted("owner");
  if (!permit.staff) return failedForm(permit.refusal);
  const values = typedValues(formData);
  const parsed = inviteStaffSchema.safeParse(values);
  if (!parsed.success) return invalidForm(parsed.error, "No invitation was sent: please see below.", values);
  const outcome = await inviteStaffMember(permit.staff, parsed.data);
  if (!outcome.invited) return failedForm(`${parsed.data.email} has a staff account already: change its role below instead.`, values);
  deliverAfterResponse(outcome.outboxIds);
  return doneForm(`Invitation sent to ${parsed.data.email}. The link works once, for 48 hours.`);
}

export async function changeRole(_previous: FormState, formData: FormData): Promise<FormState> {
  const permit = await staffPermitted("owner");
  if (!permit.staff) return failedForm(permit.refusal);
  const parsed = changeStaffRoleSchema.safeParse(typedValues(formData));
  if (!parsed.success) return failedForm(NOT_UNDERSTOOD);
  const outcome = await changeStaffRole(permit.staff, parsed.data.userId, parsed.data.role);
  if (outcome !== "changed") return failedForm(TEAM_REFUSALS[outcome]);
  redirect(withNotice("/staff/team", "team", "role"));
}

export async function setDisabled(_previous: FormState, formData: FormData): Promise<FormState> {
  const permit = await staffPermitted("owner");
  if (!permit.staff) return failedForm(permit.refusal);
  const parsed = setStaffDisabledSchema.safeParse(typedValues(formData));
  if (!parsed.success) return failedForm(NOT_UNDERSTOOD);
  const outcome = await setStaffMemberDisabled(permit.staff, parsed.data.userId, parsed.data.disabled === "true");
  if (outcome !== "changed") return failedForm(TEAM_REFUSALS[outcome]);
  redirect(withNotice("/staff/team", "team", parsed.data.disabled === "true" ? "disabled" : "enabled"));
}

const INVITATION_PROBLEMS = {
  used: "This invitation has been used already: sign in with the password chosen then, or ask an owner for a new one.",
  expired: "This invitation has expired (they last 48 hours): ask an owner to send a new one.",
  unknown: "This invitation link is not valid: check that the whole link from the email was opened.",
} as const;

export async function acceptStaffInvitation(
  _previous: FormState<AcceptInvitationField>,
  formData: FormData,
): Promise<FormState<AcceptInvitationField>> {
  const raw = {
    token: String(formData.get("token") ?? ""),
    password: String(formData.get("password") ?? ""),
    confirmPassword: String(formData.get("confirmPassword") ?? ""),
  };
  const parsed = acceptInvitationSchema.safeParse(raw);
  if (!parsed.success) {
    if (parsed.error.issues.some((issue) => issue.path[0] === "token")) return failedForm(INVITATION_PROBLEMS.unknown);
    // Passwords are never sent back to the page.
    return invalidForm(parsed.error, "Your account was not made yet: please see below.");
  }
  const outcome = await acceptInvitation(parsed.data.token, parsed.data.password);
  if (outcome.state === "accepted") redirect(`/staff/sign-in?welcome=${encodeURIComponent(outcome.email)}`);
  if (outcome.state === "open") return failedForm("Something changed while you chose your password; please try again.");
  return failedForm(INVITATION_PROBLEMS[outcome.state]);
}
