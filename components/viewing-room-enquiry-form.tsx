"use client";

import { useActionState } from "react";
import { EnquiryConfirmation } from "@/components/enquiry-confirmation";
import { Field, FormStatus } from "@/components/form-field";
import { enquireFromRoom } from "@/lib/actions/viewing-room-enquiry";
import { FORM_TOKEN_FIELD, HONEYPOT_FIELD, INITIAL_ENQUIRY_STATE, type EnquiryFormState } from "@/lib/validations/enquiry-fields";

/** Inside a viewing room: one enquiry about several of its works, ticked here. */
export function ViewingRoomEnquiryForm({
  token,
  formToken,
  works,
  guestName,
}: {
  token: string;
  formToken: string;
  works: Array<{ id: string; label: string }>;
  guestName: string;
}) {
  const [state, action, pending] = useActionState<EnquiryFormState, FormData>(enquireFromRoom, INITIAL_ENQUIRY_STATE);
  if (state.status === "sent" && state.reference) {
    return (
      <div role="status">
        <EnquiryConfirmation reference={state.reference} acknowledged={Boolean(state.acknowledged)} />
      </div>
    );
  }
  const error = (field: "name" | "email" | "message" | "consent") => state.fieldErrors[field]?.[0];
  return (
    <form
      action={action}
      noValidate
      className="space-y-4 font-sans"
      aria-labelledby="room-enquiry-heading"
      aria-busy={pending || undefined}
    >
      <FormStatus status={state.status === "sent" ? "done" : state.status === "idle" ? "idle" : "error"} message={state.message} />
      <input type="hidden" name="roomToken" value={token} />
      <input type="hidden" name={FORM_TOKEN_FIELD} value={formToken} />
      <div aria-hidden="true" className="hidden">
        <label>
          Leave empty <input type="text" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" />
        </label>
      </div>
      <fieldset>
        <legend className="field-label">The works you are asking about</legend>
        {works.map((work) => (
          <label key={work.id} className="mt-1 flex items-center gap-2">
            <input type="checkbox" name="roomWorks" value={work.id} />
            {work.label}
          </label>
        ))}
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          id="room-enquiry-name"
          name="name"
          label="Your name"
          defaultValue={state.values.name || guestName}
          error={error("name")}
          autoComplete="name"
          required
        />
        <Field
          id="room-enquiry-email"
          name="email"
          type="email"
          label="Email address"
          defaultValue={state.values.email}
          error={error("email")}
          autoComplete="email"
          required
        />
      </div>
      <Field
        id="room-enquiry-message"
        name="message"
        label="Your message"
        multiline
        rows={4}
        defaultValue={state.values.message}
        error={error("message")}
        required
      />
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="consent" aria-describedby={error("consent") ? "room-enquiry-consent-error" : undefined} />
        <span>I agree that the gallery keeps my details to answer this enquiry.</span>
      </label>
      {error("consent") && (
        <p id="room-enquiry-consent-error" className="field-error">
          {error("consent")}
        </p>
      )}
      <button type="submit" className="button-primary" disabled={pending}>
        {pending ? "Sending…" : "Send enquiry"}
      </button>
    </form>
  );
}
