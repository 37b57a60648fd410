"use client";

import { useActionState } from "react";
import { Field, FormStatus } from "@/components/form-field";
import { savePhotographAlt } from "@/lib/actions/staff-catalogue";
import { IDLE_FORM, type FormState } from "@/lib/validations/form-state";

/** What a photograph shows, written for people who cannot see it. */
export function PhotographAltForm({ imageId, index, altText }: { imageId: string; index: number; altText: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(savePhotographAlt, IDLE_FORM);
  return (
    <form action={action} noValidate className="mt-2 space-y-2" aria-label={`Describe photograph ${index + 1}`}>
      <FormStatus status={state.status} message={state.message} />
      <input type="hidden" name="imageId" value={imageId} />
      <Field
        id={`photograph-${imageId}-alt`}
        name="altText"
        label={`Description of photograph ${index + 1}`}
        multiline
        rows={2}
        maxLength={300}
        defaultValue={state.values.altText ?? altText}
        error={state.fieldErrors.altText?.[0]}
        hint="What it shows, for people who cannot see it (a detail, the frame, the back). Left empty, the site names the work's title, artist, medium and year."
      />
      <button type="submit" className="button-quiet" disabled={pending}>
        Save description
      </button>
    </form>
  );
}
