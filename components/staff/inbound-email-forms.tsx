"use client";

import { useActionState } from "react";
import { fileInboundEmail } from "@/lib/actions/staff-inbound-emails";
import { IDLE_FORM, type FormState } from "@/lib/validations/form-state";
import type { FileInboundEmailField } from "@/lib/validations/inbound-emails";
import { Field, FormStatus } from "@/components/form-field";

/** Puts an email waiting in "to check" into an enquiry: the one it was matched to, or one staff name. */
export function FileIntoEnquiryForm({ emailId, suggested }: { emailId: string; suggested: string | null }) {
  const [state, action, pending] = useActionState<FormState<FileInboundEmailField>, FormData>(fileInboundEmail, IDLE_FORM);
  return (
    <form action={action} noValidate className="space-y-2" aria-label="Put it into an enquiry">
      <FormStatus status={state.status} message={state.message} />
      <input type="hidden" name="emailId" value={emailId} />
      <Field
        id={`file-${emailId}-reference`}
        name="reference"
        label="Enquiry reference"
        defaultValue={state.values.reference ?? suggested ?? ""}
        error={state.fieldErrors.reference?.[0]}
        maxLength={40}
      />
      <button type="submit" className="button-quiet" disabled={pending}>
        {pending ? "Putting it in…" : "Put into the enquiry's conversation"}
      </button>
    </form>
  );
}
