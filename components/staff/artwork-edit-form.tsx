"use client";

import { useActionState } from "react";
import { saveArtwork } from "@/lib/actions/staff-catalogue";
import {
  AVAILABILITIES,
  AVAILABILITY_LABELS,
  CATEGORIES,
  CATEGORY_LABELS,
  DIMENSION_KIND_LABELS,
  DIMENSION_KINDS,
  UNITS,
} from "@/lib/catalogue/vocabulary";
import type { ArtworkForEdit } from "@/lib/data/staff/catalogue-editing";
import { IDLE_FORM, type FormState } from "@/lib/validations/form-state";
import { Field, FormStatus } from "@/components/form-field";
import { workLabel } from "@/lib/catalogue/describe";

type Props = { work: ArtworkForEdit; priceText: string };

export function ArtworkEditForm({ work, priceText }: Props) {
  const [state, action, pending] = useActionState<FormState, FormData>(saveArtwork, IDLE_FORM);
  const value = (name: string, fallback: string) => state.values[name] ?? fallback;
  const error = (name: string) => state.fieldErrors[name]?.[0];
  const dimension = (kind: string) => work.dimensions.find((candidate) => candidate.kind === kind);

  return (
    <form action={action} noValidate className="space-y-6" aria-label={`Edit ${workLabel(work)}`}>
      <FormStatus status={state.status} message={state.message} />
      <input type="hidden" name="id" value={work.id} />
      <div className="grid gap-5 sm:grid-cols-[8rem_1fr]">
        <Field
          id="edit-number"
          name="catalogueNumber"
          label="Catalogue number"
          defaultValue={value("catalogueNumber", work.catalogueNumber)}
          error={error("catalogueNumber")}
          maxLength={20}
        />
        <Field
          id="edit-title"
          name="title"
          label="Title"
          defaultValue={value("title", work.title)}
          error={error("title")}
          maxLength={200}
        />
      </div>
      <div className="grid gap-5 sm:grid-cols-3">
        <Select
          id="edit-section"
          name="sectionId"
          label="Section"
          defaultValue={value("sectionId", work.sectionId)}
          options={work.sections.map((section) => [section.id, section.label])}
          error={error("sectionId")}
        />
        <Select
          id="edit-category"
          name="category"
          label="Category"
          defaultValue={value("category", work.category)}
          options={CATEGORIES.map((category) => [category, CATEGORY_LABELS[category]])}
          error={error("category")}
        />
        <Select
          id="edit-availability"
          name="availability"
          label="Availability"
          defaultValue={value("availability", work.availability)}
          options={AVAILABILITIES.map((option) => [option, AVAILABILITY_LABELS[option]])}
          error={error("availability")}
        />
      </div>
      <div className="grid gap-5 sm:grid-cols-3">
        <Field
          id="edit-technique"
          name="technique"
          label="Medium"
          defaultValue={value("technique", work.technique ?? "")}
          error={error("technique")}
          hint="As the gallery writes it, e.g. “Ink drawing”."
        />
        <Field
          id="edit-signature"
          name="signature"
          label="Signature line"
          defaultValue={value("signature", work.signature ?? "")}
          error={error("signature")}
        />
        <Field
          id="edit-year"
          name="year"
          label="Year"
          defaultValue={value("year", work.year?.toString() ?? "")}
          error={error("year")}
          hint="Leave empty if not known."
        />
      </div>
      <Field
        id="edit-price"
        name="price"
        label="Price"
        defaultValue={value("price", priceText)}
        error={error("price")}
        hint={
          work.priceAsWritten
            ? `Check it: the spreadsheet said “${work.priceAsWritten}”. e.g. £875.00; leave empty to show “price on application”.`
            : "e.g. £875.00. Leave empty to show “price on application”."
        }
      />

      <fieldset className="border border-rule p-4">
        <legend className="field-label px-1">Sizes (height × width)</legend>
        {work.sizeAsWritten && work.dimensions.length === 0 ? (
          <p className="mb-3 border-l-4 border-alert bg-white p-2 font-sans text-sm">
            This size could not be read, so the site shows it as written: “{work.sizeAsWritten}”. Enter the sizes below to show them in
            inches and centimetres.
          </p>
        ) : (
          work.sizeAsWritten && <p className="field-hint mb-3">As first written: {work.sizeAsWritten}</p>
        )}
        <div className="space-y-4">
          {DIMENSION_KINDS.map((kind) => {
            const existing = dimension(kind);
            return (
              <div key={kind} className="grid grid-cols-2 gap-3 sm:grid-cols-[8rem_1fr_1fr_1fr_6rem]">
                <p className="col-span-2 self-end pb-2 font-sans font-semibold sm:col-span-1">{DIMENSION_KIND_LABELS[kind]}</p>
                <Field
                  id={`edit-${kind}-height`}
                  name={`${kind}Height`}
                  label="Height"
                  defaultValue={value(`${kind}Height`, existing?.height.toString() ?? "")}
                  error={error(`${kind}Height`)}
                />
                <Field
                  id={`edit-${kind}-width`}
                  name={`${kind}Width`}
                  label="Width"
                  defaultValue={value(`${kind}Width`, existing?.width.toString() ?? "")}
                  error={error(`${kind}Width`)}
                />
                <Field
                  id={`edit-${kind}-depth`}
                  name={`${kind}Depth`}
                  label="Depth"
                  defaultValue={value(`${kind}Depth`, existing?.depth?.toString() ?? "")}
                  error={error(`${kind}Depth`)}
                />
                <Select
                  id={`edit-${kind}-unit`}
                  name={`${kind}Unit`}
                  label="Unit"
                  defaultValue={value(`${kind}Unit`, existing?.unit ?? "in")}
                  options={UNITS.map((unit) => [unit, unit])}
                />
              </div>
            );
          })}
        </div>
      </fieldset>

      <Field
        id="edit-description"
        name="description"
        label="Description"
        multiline
        rows={8}
        defaultValue={value("description", work.description)}
        error={error("description")}
        hint="Leave a blank line between paragraphs."
      />
      <Field
        id="edit-curator-note"
        name="curatorNote"
        label="Curator’s note"
        multiline
        rows={4}
        defaultValue={value("curatorNote", work.curatorNote ?? "")}
        error={error("curatorNote")}
      />

      <div className="flex flex-wrap gap-6 font-sans">
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            name="published"
            defaultChecked={state.values.id ? state.values.published === "on" : work.published}
            className="h-5 w-5 accent-accent"
          />
          Published on the site
        </label>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            name="featured"
            defaultChecked={state.values.id ? state.values.featured === "on" : work.featured}
            className="h-5 w-5 accent-accent"
          />
          Featured on the home page
        </label>
      </div>
      <button type="submit" className="button-primary" disabled={pending}>
        {pending ? "Saving…" : "Save changes"}
      </button>
    </form>
  );
}

type SelectProps = { id: string; name: string; label: string; defaultValue: string; options: Array<[string, string]>; error?: string };

function Select({ id, name, label, defaultValue, options, error }: SelectProps) {
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        className="field-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
