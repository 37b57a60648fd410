"use client";

import { useActionState } from "react";
import { FormStatus } from "@/components/form-field";
import { IDLE_FORM, type FormState } from "@/lib/validations/form-state";

/**
 * The one button on a page an emailed link opens (confirm an alert, unsubscribe): opening the link
 * changes nothing, since mail programs open links to scan them; pressing the button does.
 */
export function LinkButtonForm({
  action,
  token,
  label,
  pendingLabel,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  token: string;
  label: string;
  pendingLabel: string;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, IDLE_FORM);
  return (
    <form action={formAction} className="space-y-3" aria-label={label}>
      <FormStatus status={state.status} message={state.message} />
      <input type="hidden" name="token" value={token} />
      {state.status !== "done" && (
        <button type="submit" className="button-primary" disabled={pending} aria-disabled={pending}>
          {pending ? pendingLabel : label}
        </button>
      )}
    </form>
  );
}
