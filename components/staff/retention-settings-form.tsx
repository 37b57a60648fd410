"use client";

import { useActionState } from "react";
import { Field, FormStatus } from "@/components/form-field";
import { saveRetentionSettingsAction } from "@/lib/actions/staff-settings";
import { IDLE_FORM, type FormState } from "@/lib/validations/form-state";
import type { RetentionSettingsField } from "@/lib/validations/retention-settings";

/** The owner's retention settings: how long spam and digest emails are kept. */
export function RetentionSettingsForm({ saved }: { saved: Record<RetentionSettingsField, string> }) {
  const [state, action, pending] = useActionState<FormState<RetentionSettingsField>, FormData>(saveRetentionSettingsAction, IDLE_FORM);
  const value = (field: RetentionSettingsField) => state.values[field] ?? saved[field];
  return (
    <form
      action={action}
      noValidate
      className="max-w-3xl space-y-5 font-sans"
      aria-labelledby="retention-heading"
      aria-busy={pending || undefined}
    >
      <FormStatus status={state.status} message={state.message} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="retention-spam"
          name="spamKeptDays"
          label="Keep enquiries in spam for (days)"
          type="number"
          defaultValue={value("spamKeptDays")}
          error={state.fieldErrors.spamKeptDays?.[0]}
        />
        <Field
          id="retention-digests"
          name="digestEmailsKeptDays"
          label="Keep sent digest emails for (days)"
          type="number"
          defaultValue={value("digestEmailsKeptDays")}
          error={state.fieldErrors.digestEmailsKeptDays?.[0]}
        />
      </div>
      <button type="submit" className="button-primary" disabled={pending}>
        {pending ? "Saving…" : "Save retention settings"}
      </button>
    </form>
  );
}
