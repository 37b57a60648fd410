"use client";

import { useActionState } from "react";
import { saveExhibition, saveSection } from "@/lib/actions/staff-catalogue";
import { IDLE_FORM, type FormState } from "@/lib/validations/form-state";
import { Field, FormStatus } from "@/components/form-field";

export function SectionForm({ section }: { section: { id: string; title: string; introduction: string } }) {
  const [state, action, pending] = useActionState<FormState, FormData>(saveSection, IDLE_FORM);
  return (
    <form action={action} noValidate className="space-y-3" aria-label={`Edit the section ${section.title}`}>
      <FormStatus status={state.status} message={state.message} />
      <input type="hidden" name="id" value={section.id} />
      <Field
        id={`section-${section.id}-title`}
        name="title"
        label="Section title"
        defaultValue={state.values.title ?? section.title}
        error={state.fieldErrors.title?.[0]}
      />
      <Field
        id={`section-${section.id}-introduction`}
        name="introduction"
        label="Introduction"
        multiline
        rows={3}
        defaultValue={state.values.introduction ?? section.introduction}
        error={state.fieldErrors.introduction?.[0]}
      />
      <button type="submit" className="button-quiet" disabled={pending}>
        {pending ? "Saving…" : "Save section"}
      </button>
    </form>
  );
}

type Exhibition = { id: string; title: string; summary: string; introduction: string; published: boolean };

export function ExhibitionForm({ exhibition }: { exhibition: Exhibition }) {
  const [state, action, pending] = useActionState<FormState, FormData>(saveExhibition, IDLE_FORM);
  return (
    <form action={action} noValidate className="space-y-3" aria-label={`Edit the exhibition ${exhibition.title}`}>
      <FormStatus status={state.status} message={state.message} />
      <input type="hidden" name="id" value={exhibition.id} />
      <Field
        id={`exhibition-${exhibition.id}-title`}
        name="title"
        label="Exhibition title"
        defaultValue={state.values.title ?? exhibition.title}
        error={state.fieldErrors.title?.[0]}
      />
      <Field
        id={`exhibition-${exhibition.id}-summary`}
        name="summary"
        label="Summary (one line, for the home page and search results)"
        defaultValue={state.values.summary ?? exhibition.summary}
        error={state.fieldErrors.summary?.[0]}
      />
      <Field
        id={`exhibition-${exhibition.id}-introduction`}
        name="introduction"
        label="Introduction"
        multiline
        rows={5}
        defaultValue={state.values.introduction ?? exhibition.introduction}
        error={state.fieldErrors.introduction?.[0]}
      />
      <label className="flex items-center gap-2 font-sans">
        <input
          type="checkbox"
          name="published"
          defaultChecked={state.values.id ? state.values.published === "on" : exhibition.published}
          className="h-5 w-5 accent-accent"
        />
        Published on the site
      </label>
      <button type="submit" className="button-quiet" disabled={pending}>
        {pending ? "Saving…" : "Save exhibition"}
      </button>
    </form>
  );
}
