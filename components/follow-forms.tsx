"use client";

import { useActionState } from "react";
import { Field, FormStatus } from "@/components/form-field";
import { eraseMyDetails, keepMyDetails, sendFollowUp } from "@/lib/actions/enquiry-follow";
import { ENQUIRY_LIMITS } from "@/lib/validations/enquiry-fields";
import { IDLE_FORM, type FormState } from "@/lib/validations/form-state";

/** A message added to the enquiry from the follow page: it reaches the gallery as part of the same enquiry. */
export function FollowUpForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(sendFollowUp, IDLE_FORM);
  return (
    <form action={action} noValidate className="space-y-4" aria-labelledby="follow-up-heading">
      <FormStatus status={state.status} message={state.message} />
      <input type="hidden" name="token" value={token} />
      <Field
        id="follow-up-message"
        name="message"
        label="Your message"
        multiline
        rows={5}
        maxLength={ENQUIRY_LIMITS.message}
        defaultValue={state.values.message}
        error={state.fieldErrors.message?.[0]}
        hint="The gallery receives it with your enquiry and answers by email."
      />
      <button type="submit" className="button-primary" disabled={pending} aria-disabled={pending}>
        {pending ? "Sending…" : "Send message"}
      </button>
    </form>
  );
}

/** The collector's own erasure: everything held about their address, after they confirm. */
export function EraseDetailsForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(eraseMyDetails, IDLE_FORM);
  const error = state.fieldErrors.confirm?.[0];
  return (
    <form action={action} noValidate className="space-y-4" aria-labelledby="erase-heading">
      <FormStatus status={state.status} message={state.message} />
      <input type="hidden" name="token" value={token} />
      <div>
        <label className="flex items-start gap-3 font-sans">
          <input
            type="checkbox"
            name="confirm"
            value="yes"
            className="mt-1 h-5 w-5 accent-accent"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "erase-confirm-error" : undefined}
          />
          <span>
            Erase this enquiry and every other enquiry from my email address, the emails about them and the gallery&rsquo;s notes on them, a
            day from now. After that it cannot be undone, and the gallery will no longer be able to answer.
          </span>
        </label>
        {error && (
          <p id="erase-confirm-error" className="field-error">
            {error}
          </p>
        )}
      </div>
      <button type="submit" className="button-quiet" disabled={pending} aria-disabled={pending}>
        {pending ? "Asking…" : "Erase my details"}
      </button>
    </form>
  );
}

/** Withdraws an erasure asked for from this page, before it is done. */
export function KeepDetailsForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(keepMyDetails, IDLE_FORM);
  return (
    <form action={action} noValidate className="space-y-4" aria-label="Keep my details">
      <FormStatus status={state.status} message={state.message} />
      <input type="hidden" name="token" value={token} />
      <button type="submit" className="button-primary" disabled={pending} aria-disabled={pending}>
        {pending ? "Keeping…" : "Keep my details"}
      </button>
    </form>
  );
}
