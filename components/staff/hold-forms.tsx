"use client";

import { useActionState } from "react";
import { Field, FormStatus } from "@/components/form-field";
import { extendHoldAction, placeHoldAction, releaseHoldAction } from "@/lib/actions/staff-holds";
import { IDLE_FORM, type FormState } from "@/lib/validations/form-state";

type Until = { day: string; time: string };

/** A hold's end as staff give it: a day and a time, both in the gallery's clock. */
function UntilFields({ idPrefix, label, state, until }: { idPrefix: string; label: string; state: FormState; until: Until }) {
  const error = (field: string) => state.fieldErrors[field]?.[0];
  const value = (field: string, fallback: string) => state.values[field] ?? fallback;
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field
        id={`${idPrefix}-day`}
        name="untilDay"
        label={`${label} (day)`}
        type="date"
        defaultValue={value("untilDay", until.day)}
        error={error("untilDay")}
      />
      <Field
        id={`${idPrefix}-time`}
        name="untilTime"
        label={`${label} (time, the gallery's clock)`}
        type="time"
        defaultValue={value("untilTime", until.time)}
        error={error("untilTime")}
      />
    </div>
  );
}

/** Hold a work for a collector until a day and time; from an enquiry, the collector's name and address come with it. */
export function PlaceHoldForm({
  artworkId,
  idPrefix,
  until,
  collector,
  enquiryReference,
  buttonLabel = "Hold it",
}: {
  artworkId: string;
  idPrefix: string;
  until: Until;
  collector?: { name: string; email: string };
  enquiryReference?: string;
  buttonLabel?: string;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(placeHoldAction, IDLE_FORM);
  const error = (field: string) => state.fieldErrors[field]?.[0];
  const value = (field: string, fallback: string) => state.values[field] ?? fallback;
  return (
    <form action={action} noValidate className="space-y-3 font-sans" aria-busy={pending || undefined}>
      <FormStatus status={state.status} message={state.message} />
      <input type="hidden" name="artworkId" value={artworkId} />
      {enquiryReference && <input type="hidden" name="enquiryReference" value={enquiryReference} />}
      {collector ? (
        <>
          <input type="hidden" name="collectorName" value={collector.name} />
          <input type="hidden" name="collectorEmail" value={collector.email} />
        </>
      ) : (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field
            id={`${idPrefix}-name`}
            name="collectorName"
            label="For (the collector's name)"
            defaultValue={value("collectorName", "")}
            error={error("collectorName")}
            autoComplete="off"
            required
          />
          <Field
            id={`${idPrefix}-email`}
            name="collectorEmail"
            label="Their email address"
            type="email"
            defaultValue={value("collectorEmail", "")}
            error={error("collectorEmail")}
            autoComplete="off"
            required
          />
        </div>
      )}
      <UntilFields idPrefix={idPrefix} label="Until" state={state} until={until} />
      <button type="submit" className="button-quiet" disabled={pending}>
        {buttonLabel}
      </button>
    </form>
  );
}

/** Move an open hold's end (later, or sooner). */
export function ExtendHoldForm({ holdId, until }: { holdId: string; until: Until }) {
  const [state, action, pending] = useActionState<FormState, FormData>(extendHoldAction, IDLE_FORM);
  return (
    <form action={action} noValidate className="space-y-3 font-sans" aria-busy={pending || undefined}>
      <FormStatus status={state.status} message={state.message} />
      <input type="hidden" name="holdId" value={holdId} />
      <UntilFields idPrefix={`extend-${holdId}`} label="New end" state={state} until={until} />
      <button type="submit" className="button-quiet" disabled={pending}>
        Change the end
      </button>
    </form>
  );
}

/** End a hold now: the work is available again, and whoever asked to be told is emailed. */
export function ReleaseHoldForm({ holdId }: { holdId: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(releaseHoldAction, IDLE_FORM);
  return (
    <form action={action} className="font-sans" aria-busy={pending || undefined}>
      <FormStatus status={state.status} message={state.message} />
      <input type="hidden" name="holdId" value={holdId} />
      <button type="submit" className="button-quiet mt-2" disabled={pending}>
        Release the hold
      </button>
    </form>
  );
}
