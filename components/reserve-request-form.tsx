"use client";

import { useActionState } from "react";
import { Field, FormStatus } from "@/components/form-field";
import { askToReserveAction } from "@/lib/actions/reserve-requests";
import { IDLE_FORM, type FormState } from "@/lib/validations/form-state";

/** "Reserve for 48 hours": a name and an address; the emailed link confirms it. */
export function ReserveRequestForm({ artworkSlug, hours }: { artworkSlug: string; hours: number }) {
  const [state, action, pending] = useActionState<FormState, FormData>(askToReserveAction, IDLE_FORM);
  const error = (field: string) => state.fieldErrors[field]?.[0];
  const value = (field: string) => state.values[field] ?? "";
  if (state.status === "done") return <FormStatus status={state.status} message={state.message} />;
  return (
    <form action={action} noValidate className="space-y-3 font-sans" aria-labelledby="reserve-heading" aria-busy={pending || undefined}>
      <FormStatus status={state.status} message={state.message} />
      <input type="hidden" name="artworkSlug" value={artworkSlug} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          id="reserve-name"
          name="name"
          label="Your name"
          defaultValue={value("name")}
          error={error("name")}
          autoComplete="name"
          required
        />
        <Field
          id="reserve-email"
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
        {pending ? "Sending…" : `Reserve for ${hours} hours`}
      </button>
    </form>
  );
}
