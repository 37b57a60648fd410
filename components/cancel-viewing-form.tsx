"use client";

import { useActionState } from "react";
import { FormStatus } from "@/components/form-field";
import { cancelViewing } from "@/lib/actions/viewing-bookings";
import { IDLE_FORM, type FormState } from "@/lib/validations/form-state";

export function CancelViewingForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(cancelViewing, IDLE_FORM);
  return (
    <form action={action} className="space-y-3" aria-label="Cancel this viewing">
      <FormStatus status={state.status} message={state.message} />
      <input type="hidden" name="token" value={token} />
      <button type="submit" className="button-primary" disabled={pending} aria-disabled={pending}>
        {pending ? "Cancelling…" : "Cancel this viewing"}
      </button>
    </form>
  );
}
