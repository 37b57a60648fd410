"use client";

import { useActionState } from "react";
import { addNoteToCollector, eraseCollector, mergeCollectors, saveCollectorTags } from "@/lib/actions/staff-collectors";
import { IDLE_FORM, type FormState } from "@/lib/validations/form-state";
import type { CollectorNoteField, CollectorTagsField, EraseCollectorField, MergeCollectorsField } from "@/lib/validations/collectors";
import { Field, FormStatus } from "@/components/form-field";

export function CollectorNoteForm({ recordKey }: { recordKey: string }) {
  const [state, action, pending] = useActionState<FormState<CollectorNoteField>, FormData>(addNoteToCollector, IDLE_FORM);
  return (
    <form action={action} noValidate className="space-y-3" aria-label="Add a note on this collector">
      <FormStatus status={state.status} message={state.message} />
      <input type="hidden" name="key" value={recordKey} />
      <Field
        id="collector-note"
        name="body"
        label="Note (staff only)"
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

export function CollectorTagsForm({ recordKey, tags }: { recordKey: string; tags: string[] }) {
  const [state, action, pending] = useActionState<FormState<CollectorTagsField>, FormData>(saveCollectorTags, IDLE_FORM);
  return (
    <form action={action} noValidate className="space-y-3" aria-label="Tags for this collector">
      <FormStatus status={state.status} message={state.message} />
      <input type="hidden" name="key" value={recordKey} />
      <Field
        id="collector-tags"
        name="tags"
        label="Interest tags"
        hint="Separated by commas: prints, landscapes, war artists"
        defaultValue={state.values.tags ?? tags.join(", ")}
        error={state.fieldErrors.tags?.[0]}
        maxLength={500}
      />
      <button type="submit" className="button-quiet" disabled={pending}>
        {pending ? "Saving…" : "Save tags"}
      </button>
    </form>
  );
}

export function MergeCollectorsForm({ recordKey }: { recordKey: string }) {
  const [state, action, pending] = useActionState<FormState<MergeCollectorsField>, FormData>(mergeCollectors, IDLE_FORM);
  return (
    <form action={action} noValidate className="space-y-3" aria-label="Merge another record into this one">
      <FormStatus status={state.status} message={state.message} />
      <input type="hidden" name="key" value={recordKey} />
      <Field
        id="merge-other-email"
        name="otherEmail"
        type="email"
        label="An address of the other record"
        hint="The same person under another address (a work and a home address): its history, notes and tags join this record."
        defaultValue={state.values.otherEmail}
        error={state.fieldErrors.otherEmail?.[0]}
        maxLength={320}
      />
      <button type="submit" className="button-quiet" disabled={pending}>
        {pending ? "Merging…" : "Merge into this record"}
      </button>
    </form>
  );
}

export function EraseCollectorForm({ recordKey }: { recordKey: string }) {
  const [state, action, pending] = useActionState<FormState<EraseCollectorField>, FormData>(eraseCollector, IDLE_FORM);
  return (
    <form action={action} noValidate className="space-y-3" aria-label="Erase this collector">
      <FormStatus status={state.status} message={state.message} />
      <input type="hidden" name="key" value={recordKey} />
      <Field
        id="erase-confirm"
        name="confirm"
        label="To erase everything held about them, under every address of this record, type erase"
        hint="Their enquiries, emails, requests, alerts, notes and tags go; holds on works stay without their name, and invoices stay (a gallery must keep them). It cannot be undone."
        defaultValue={state.values.confirm}
        error={state.fieldErrors.confirm?.[0]}
        maxLength={20}
      />
      <button type="submit" className="button-quiet text-alert" disabled={pending}>
        {pending ? "Erasing…" : "Erase this collector"}
      </button>
    </form>
  );
}
