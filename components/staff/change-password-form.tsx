"use client";

import { useActionState } from "react";
import { changePassword } from "@/lib/actions/staff-auth";
import { IDLE_FORM, type FormState } from "@/lib/validations/form-state";
import { Field, FormStatus } from "@/components/form-field";

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(changePassword, IDLE_FORM);
  return (
    <form action={action} noValidate className="max-w-md space-y-4" aria-label="Change your password">
      <FormStatus status={state.status} message={state.message} />
      <Field
        id="current-password"
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        error={state.fieldErrors.currentPassword?.[0]}
      />
      <Field
        id="new-password"
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters."
        error={state.fieldErrors.newPassword?.[0]}
      />
      <Field
        id="confirm-password"
        name="confirmPassword"
        label="New password again"
        type="password"
        autoComplete="new-password"
        error={state.fieldErrors.confirmPassword?.[0]}
      />
      <button type="submit" className="button-primary" disabled={pending}>
        {pending ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
