"use client";

import { useActionState } from "react";
import { Field, FormStatus } from "@/components/form-field";
import { IDLE_FORM, type FormState } from "@/lib/validations/form-state";

/**
 * A work's small collector forms ("tell me if it becomes available", "reserve it"): a name and an
 * address for one work; the emailed link confirms it. Once sent, only the answer stays on the page.
 */
export function CollectorContactForm({
  action,
  artworkSlug,
  idPrefix,
  headingId,
  nameLabel,
  nameRequired,
  button,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  artworkSlug: string;
  idPrefix: string;
  headingId: string;
  nameLabel: string;
  nameRequired: boolean;
  button: string;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, IDLE_FORM);
  const error = (field: string) => state.fieldErrors[field]?.[0];
  const value = (field: string) => state.values[field] ?? "";
  if (state.status === "done") return <FormStatus status={state.status} message={state.message} />;
  return (
    <form action={formAction} noValidate className="space-y-3 font-sans" aria-labelledby={headingId} aria-busy={pending || undefined}>
      <FormStatus status={state.status} message={state.message} />
      <input type="hidden" name="artworkSlug" value={artworkSlug} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          id={`${idPrefix}-name`}
          name="name"
          label={nameLabel}
          defaultValue={value("name")}
          error={error("name")}
          autoComplete="name"
          required={nameRequired}
        />
        <Field
          id={`${idPrefix}-email`}
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
        {pending ? "Sending…" : button}
      </button>
    </form>
  );
}
