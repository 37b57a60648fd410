"use client";

import { useActionState } from "react";
import { Field, FormStatus } from "@/components/form-field";
import { askToBeToldAction } from "@/lib/actions/availability-alerts";
import { IDLE_FORM, type FormState } from "@/lib/validations/form-state";

/** On a reserved or sold work: leave an address to hear, once, if it becomes available. */
export function AvailabilityAlertForm({ artworkSlug }: { artworkSlug: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(askToBeToldAction, IDLE_FORM);
  const error = (field: string) => state.fieldErrors[field]?.[0];
  const value = (field: string) => state.values[field] ?? "";
  if (state.status === "done") return <FormStatus status={state.status} message={state.message} />;
  return (
    <form action={action} noValidate className="space-y-3 font-sans" aria-labelledby="alert-heading" aria-busy={pending || undefined}>
      <FormStatus status={state.status} message={state.message} />
      <input type="hidden" name="artworkSlug" value={artworkSlug} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          id="alert-name"
          name="name"
          label="Your name (optional)"
          defaultValue={value("name")}
          error={error("name")}
          autoComplete="name"
        />
        <Field
          id="alert-email"
          name="email"
          label="Your email address"
          type="email"
          defaultValue={value("email")}
          error={error("email")}
          autoComplete="email"
          required
        />
      </div>
      <button type="submit" className="button-quiet" disabled={pending}>
        {pending ? "Sending…" : "Tell me if it becomes available"}
      </button>
    </form>
  );
}
