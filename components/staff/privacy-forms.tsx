"use client";

import { useActionState } from "react";
import { Field, FormStatus } from "@/components/form-field";
import { privacyRequest, type PrivacyState } from "@/lib/actions/staff-privacy";
import { IDLE_FORM } from "@/lib/validations/form-state";

/** Find everything held about an address; then download it, or erase it after confirming. */
export function PrivacyRequestPanel() {
  const [state, act, pending] = useActionState<PrivacyState, FormData>(privacyRequest, IDLE_FORM as PrivacyState);
  const held = state.result;
  return (
    <div className="space-y-8">
      <FormStatus status={state.status} message={state.message} />
      <form action={act} noValidate className="flex flex-wrap items-end gap-3 font-sans" aria-label="Find what is held">
        <input type="hidden" name="intent" value="find" />
        <div className="min-w-72 flex-1">
          <Field
            id="privacy-email"
            name="email"
            label="Collector's email address"
            type="email"
            defaultValue={held ? "" : state.values.email}
            error={state.fieldErrors.email?.[0]}
          />
        </div>
        <button type="submit" className="button-primary" disabled={pending}>
          {pending ? "Working…" : "Find what is held"}
        </button>
      </form>

      {held && held.enquiries.length + held.emails > 0 && (
        <section aria-labelledby="held-heading" className="font-sans">
          <h2 id="held-heading" className="text-xl font-semibold">
            Held about {held.email}
          </h2>
          <ul className="mt-3 space-y-3 text-sm" data-testid="held-enquiries">
            {held.enquiries.map((enquiry) => (
              <li key={enquiry.reference} className="border border-rule bg-white p-3">
                <p>
                  <strong>{enquiry.reference}</strong> · {enquiry.received} · {enquiry.status}
                </p>
                {enquiry.works.length > 0 && <p>About: {enquiry.works.join("; ")}</p>}
                <p className="whitespace-pre-wrap text-ink-soft">{enquiry.message || "(no message)"}</p>
                <p className="text-ink-soft">
                  {enquiry.notes} staff notes · {enquiry.followUps} follow-up messages
                </p>
              </li>
            ))}
          </ul>
          <p className="mt-2 text-sm">
            {held.emails} emails to or about them{held.rateLimitCount ? "; a rate-limit count under a one-way fingerprint" : ""}.
          </p>
          <form method="post" action="/staff/privacy/export" className="mt-4">
            <input type="hidden" name="email" value={held.email} />
            <button type="submit" className="button-quiet">
              Download everything (JSON)
            </button>
          </form>
          <form action={act} noValidate className="mt-6 space-y-3" aria-label="Erase this collector's data">
            <input type="hidden" name="intent" value="erase" />
            <input type="hidden" name="email" value={held.email} />
            <label className="flex items-start gap-3">
              <input
                type="checkbox"
                name="confirm"
                value="yes"
                className="mt-1 h-5 w-5 accent-accent"
                aria-invalid={state.fieldErrors.confirm ? true : undefined}
                aria-describedby={state.fieldErrors.confirm ? "erase-held-error" : undefined}
              />
              <span>Erase every enquiry from {held.email}, the emails about them and the notes on them. This cannot be undone.</span>
            </label>
            {state.fieldErrors.confirm && (
              <p id="erase-held-error" className="field-error">
                {state.fieldErrors.confirm[0]}
              </p>
            )}
            <button type="submit" className="button-quiet" disabled={pending}>
              Erase it all
            </button>
          </form>
        </section>
      )}
    </div>
  );
}
