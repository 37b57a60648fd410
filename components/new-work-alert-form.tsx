"use client";

import { useActionState } from "react";
import { Field, FormStatus } from "@/components/form-field";
import { askForNewWorksAction } from "@/lib/actions/new-work-alerts";
import { IDLE_FORM, type FormState } from "@/lib/validations/form-state";
import type { NewWorkAlertField } from "@/lib/validations/new-work-alert";

export type AlertChoice = { scope: "artist" | "section" | "medium"; label: string };

/**
 * "Tell me about new works like this", on a work's or a section's page: which works (by the artist, in
 * this section, of this medium), a price they would go to, and where to write. The emailed link confirms it.
 */
export function NewWorkAlertForm({
  page,
  choices,
  currencySymbol,
}: {
  page: { artworkSlug: string } | { exhibitionSlug: string; sectionSlug: string };
  choices: AlertChoice[];
  currencySymbol: string;
}) {
  const [state, formAction, pending] = useActionState<FormState<NewWorkAlertField>, FormData>(askForNewWorksAction, IDLE_FORM);
  const error = (field: NewWorkAlertField) => state.fieldErrors[field]?.[0];
  if (state.status === "done") return <FormStatus status={state.status} message={state.message} />;
  const chosen = state.values.scope ?? choices[0]?.scope;
  const scopeError = error("scope");
  return (
    <form
      action={formAction}
      noValidate
      className="space-y-3 font-sans"
      aria-labelledby="new-works-heading"
      aria-busy={pending || undefined}
    >
      <FormStatus status={state.status} message={state.message} />
      {Object.entries(page).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <fieldset aria-describedby={scopeError ? "new-works-scope-error" : undefined}>
        <legend className="field-label">Which new works?</legend>
        {choices.map((choice) => (
          <label key={choice.scope} className="mt-1 flex items-center gap-2">
            <input type="radio" name="scope" value={choice.scope} defaultChecked={choice.scope === chosen} />
            {choice.label}
          </label>
        ))}
        {scopeError && (
          <p id="new-works-scope-error" className="field-error">
            {scopeError}
          </p>
        )}
      </fieldset>
      <Field
        id="new-works-price"
        name="maxPrice"
        label={`Up to a price (${currencySymbol}, optional)`}
        hint="Only works with a price shown at or under it; empty for any price."
        defaultValue={state.values.maxPrice}
        error={error("maxPrice")}
        maxLength={12}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          id="new-works-name"
          name="name"
          label="Your name (optional)"
          defaultValue={state.values.name}
          error={error("name")}
          autoComplete="name"
        />
        <Field
          id="new-works-email"
          name="email"
          label="Your email address"
          type="email"
          defaultValue={state.values.email}
          error={error("email")}
          autoComplete="email"
          required
        />
      </div>
      <button type="submit" className="button-quiet" disabled={pending}>
        {pending ? "Sending…" : "Tell me about new works"}
      </button>
    </form>
  );
}
