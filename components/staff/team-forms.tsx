"use client";

import { useActionState } from "react";
import { Field, FormStatus } from "@/components/form-field";
import { acceptStaffInvitation, inviteStaff } from "@/lib/actions/staff-team";
import { STAFF_ROLE_LABELS, STAFF_ROLES } from "@/lib/staff/roles";
import { IDLE_FORM, type FormState } from "@/lib/validations/form-state";

export function InviteStaffForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(inviteStaff, IDLE_FORM);
  return (
    <form action={action} noValidate className="space-y-4 font-sans" aria-labelledby="invite-heading">
      <FormStatus status={state.status} message={state.message} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="invite-name"
          name="name"
          label="Name"
          defaultValue={state.values.name}
          error={state.fieldErrors.name?.[0]}
          maxLength={120}
        />
        <Field
          id="invite-email"
          name="email"
          label="Email address"
          type="email"
          defaultValue={state.values.email}
          error={state.fieldErrors.email?.[0]}
        />
      </div>
      <div>
        <label htmlFor="invite-role" className="field-label">
          Role
        </label>
        <select id="invite-role" name="role" defaultValue={state.values.role ?? "staff"} className="field-input">
          {STAFF_ROLES.map((role) => (
            <option key={role} value={role}>
              {STAFF_ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button-primary" disabled={pending}>
        {pending ? "Sending…" : "Send the invitation"}
      </button>
    </form>
  );
}

export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(acceptStaffInvitation, IDLE_FORM);
  return (
    <form action={action} noValidate className="space-y-4 font-sans" aria-labelledby="invitation-heading">
      <FormStatus status={state.status} message={state.message} />
      <input type="hidden" name="token" value={token} />
      {/* For password managers: the account the password belongs to. */}
      <input type="hidden" name="username" value={email} autoComplete="username" />
      <Field
        id="invitation-password"
        name="password"
        label="Choose a password"
        type="password"
        autoComplete="new-password"
        error={state.fieldErrors.password?.[0]}
        hint="At least 12 characters. A short sentence is easy to remember and hard to guess."
      />
      <Field
        id="invitation-confirm"
        name="confirmPassword"
        label="The same password again"
        type="password"
        autoComplete="new-password"
        error={state.fieldErrors.confirmPassword?.[0]}
      />
      <button type="submit" className="button-primary" disabled={pending}>
        {pending ? "Making your account…" : "Make my account"}
      </button>
    </form>
  );
}
