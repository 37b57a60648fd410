"use client";

import { useActionState } from "react";
import { signIn } from "@/lib/actions/staff-auth";
import { IDLE_FORM, type FormState } from "@/lib/validations/form-state";
import { Field, FormStatus } from "@/components/form-field";

export function SignInForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(signIn, IDLE_FORM);
  return (
    <form action={action} noValidate className="space-y-5" aria-labelledby="sign-in-heading">
      <FormStatus status={state.status} message={state.message} />
      <Field
        id="sign-in-email"
        name="email"
        label="Email address"
        type="email"
        autoComplete="username"
        defaultValue={state.values.email}
        error={state.fieldErrors.email?.[0]}
        required
      />
      <Field
        id="sign-in-password"
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        error={state.fieldErrors.password?.[0]}
        required
      />
      <button type="submit" className="button-primary" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
