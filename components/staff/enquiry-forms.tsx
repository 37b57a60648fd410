"use client";

import { useActionState, useState } from "react";
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

export type ReplyChoice = { id: string; name: string; subject: string; body: string; forSold: boolean };

/**
 * The reply, optionally started from a saved reply already filled in for this enquiry: choosing one
 * replaces the subject and text (with JavaScript at once; without it, "Use this reply" reloads the
 * page with it), and staff edit them before sending.
 */
export function ReplyForm({
  reference,
  defaultSubject,
  greeting,
  replies,
  chosenId,
  notice,
}: {
  reference: string;
  defaultSubject: string;
  greeting: string;
  replies: ReplyChoice[];
  chosenId: string | null;
  notice: string | null;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(sendReply, IDLE_FORM);
  const [chosen, setChosen] = useState(chosenId ?? "");
  const template = replies.find((reply) => reply.id === chosen);
  const subject = state.status !== "idle" ? state.values.subject : (template?.subject ?? defaultSubject);
  const body = state.status !== "idle" ? state.values.body : (template?.body ?? greeting);
  return (
    <div className="space-y-3">
      {replies.length > 0 && (
        <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Saved replies for this enquiry">
          <div>
            <label htmlFor="reply-template" className="field-label">
              Start from a saved reply
            </label>
            <select
              id="reply-template"
              name="reply"
              value={chosen}
              onChange={(event) => setChosen(event.target.value)}
              className="field-input"
              aria-describedby="reply-template-hint"
            >
              <option value="">None: a blank reply</option>
              {replies.map((reply) => (
                <option key={reply.id} value={reply.id}>
                  {reply.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button-quiet">
            Use this reply
          </button>
          <p id="reply-template-hint" className="field-hint w-full">
            It replaces the subject and text below, filled in for this enquiry; edit them before sending.
          </p>
        </form>
      )}
      {notice && (
        <p className="border-l-4 border-alert bg-white p-3 text-sm" data-testid="sold-notice">
          {notice}
        </p>
      )}
      <form action={action} noValidate className="space-y-3" aria-label="Reply by email">
        <FormStatus status={state.status} message={state.message} />
        <input type="hidden" name="reference" value={reference} />
        <Field
          key={`subject-${chosen}`}
          id="reply-subject"
          name="subject"
          label="Subject"
          defaultValue={subject}
          error={state.fieldErrors.subject?.[0]}
          maxLength={200}
        />
        <Field
          key={`body-${chosen}`}
          id="reply-body"
          name="body"
          label="Reply"
          multiline
          rows={12}
          defaultValue={body}
          error={state.fieldErrors.body?.[0]}
          hint="Sent from the gallery's address; the collector's answer comes back to the gallery's inbox."
          maxLength={20000}
        />
        <button type="submit" className="button-primary" disabled={pending}>
          {pending ? "Sending…" : "Send reply"}
        </button>
      </form>
    </div>
  );
}
