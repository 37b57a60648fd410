"use client";

import { useActionState } from "react";
import { addNote, sendReply } from "@/lib/actions/staff-enquiries";
import { IDLE_FORM, type FormState } from "@/lib/validations/form-state";
import { Field, FormStatus } from "@/components/form-field";

export function NoteForm({ reference }: { reference: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(addNote, IDLE_FORM);
  return (
    <form action={action} noValidate className="space-y-3" aria-label="Add an internal note">
      <FormStatus status={state.status} message={state.message} />
      <input type="hidden" name="reference" value={reference} />
      <Field
        id="note-body"
        name="body"
        label="Internal note (staff only)"
        multiline
        rows={3}
        defaultValue={state.values.body}
        error={state.fieldErrors.body?.[0]}
        maxLength={5000}
      />
      <button type="submit" className="button-quiet" disabled={pending}>
        {pending ? "Saving…" : "Add note"}
      </button>
    </form>
  );
}

export function ReplyForm({ reference, defaultSubject, greeting }: { reference: string; defaultSubject: string; greeting: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(sendReply, IDLE_FORM);
  return (
    <form action={action} noValidate className="space-y-3" aria-label="Reply by email">
      <FormStatus status={state.status} message={state.message} />
      <input type="hidden" name="reference" value={reference} />
      <Field
        id="reply-subject"
        name="subject"
        label="Subject"
        defaultValue={state.values.subject ?? defaultSubject}
        error={state.fieldErrors.subject?.[0]}
        maxLength={200}
      />
      <Field
        id="reply-body"
        name="body"
        label="Reply"
        multiline
        rows={8}
        defaultValue={state.values.body ?? greeting}
        error={state.fieldErrors.body?.[0]}
        hint="Sent from the gallery's address; the collector's answer comes back to the gallery's inbox."
        maxLength={20000}
      />
      <button type="submit" className="button-primary" disabled={pending}>
        {pending ? "Sending…" : "Send reply"}
      </button>
    </form>
  );
}
