"use client";

import { useActionState } from "react";
import { Field, FormStatus } from "@/components/form-field";
import { saveReply } from "@/lib/actions/staff-saved-replies";
import { IDLE_FORM, type FormState } from "@/lib/validations/form-state";

type Saved = { id: string; name: string; subject: string; body: string; forSold: boolean };

/** A saved reply to add (no `saved`) or to change. */
export function ReplyTemplateForm({ saved, label }: { saved?: Saved; label: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(saveReply, IDLE_FORM);
  const prefix = saved ? `template-${saved.id}` : "template-new";
  const values =
    state.status === "idle"
      ? { name: saved?.name ?? "", subject: saved?.subject ?? "", body: saved?.body ?? "", forSold: saved?.forSold ? "on" : "" }
      : state.values;
  return (
    <form action={action} noValidate className="space-y-3 font-sans" aria-label={label}>
      <FormStatus status={state.status} message={state.message} />
      {saved && <input type="hidden" name="id" value={saved.id} />}
      <Field id={`${prefix}-name`} name="name" label="Name" defaultValue={values.name} error={state.fieldErrors.name?.[0]} maxLength={80} />
      <Field
        id={`${prefix}-subject`}
        name="subject"
        label="Subject"
        defaultValue={values.subject}
        error={state.fieldErrors.subject?.[0]}
        maxLength={200}
      />
      <Field
        id={`${prefix}-body`}
        name="body"
        label="Text"
        multiline
        rows={9}
        defaultValue={values.body}
        error={state.fieldErrors.body?.[0]}
        maxLength={20000}
      />
      <div className="flex items-center gap-2">
        <input id={`${prefix}-sold`} name="forSold" type="checkbox" defaultChecked={values.forSold === "on"} />
        <label htmlFor={`${prefix}-sold`}>Offer it by itself when a work asked about is sold</label>
      </div>
      <button type="submit" className="button-primary" disabled={pending}>
        {pending ? "Saving…" : saved ? "Save the changes" : "Add the saved reply"}
      </button>
    </form>
  );
}
