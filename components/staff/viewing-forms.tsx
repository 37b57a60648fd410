"use client";

import { useActionState } from "react";
import { Field, FormStatus } from "@/components/form-field";
import { ActionForm } from "@/components/staff/action-form";
import { closeDay, decideViewingAction, offerTimes } from "@/lib/actions/staff-viewings";
import { IDLE_FORM, type FormState } from "@/lib/validations/form-state";

const WEEKDAYS = [
  [1, "Monday"],
  [2, "Tuesday"],
  [3, "Wednesday"],
  [4, "Thursday"],
  [5, "Friday"],
  [6, "Saturday"],
  [0, "Sunday"],
] as const;

/** Opening hours turned into viewing times; one explicit time is the same form with one day and one time's length. */
export function OfferTimesForm({ today }: { today: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(offerTimes, IDLE_FORM);
  const error = (field: string) => state.fieldErrors[field]?.[0];
  const value = (field: string, fallback: string) => state.values[field] ?? fallback;
  const ticked = state.values.weekdays !== undefined ? state.values.weekdays.split(",") : null;
  return (
    <form action={action} noValidate className="space-y-4 font-sans" aria-labelledby="offer-heading">
      <FormStatus status={state.status} message={state.message} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="offer-from" name="from" label="From" type="date" defaultValue={value("from", today)} error={error("from")} />
        <Field id="offer-to" name="to" label="To (inclusive)" type="date" defaultValue={value("to", today)} error={error("to")} />
      </div>
      <fieldset aria-describedby={error("weekdays") ? "offer-weekdays-error" : undefined}>
        <legend className="field-label">On</legend>
        <div className="mt-2 flex flex-wrap gap-4">
          {WEEKDAYS.map(([number, name]) => (
            <label key={number} className="flex items-center gap-2">
              <input
                type="checkbox"
                name="weekdays"
                value={number}
                defaultChecked={ticked ? ticked.includes(String(number)) : number >= 2 && number <= 6}
                className="h-5 w-5 accent-accent"
              />
              {name}
            </label>
          ))}
        </div>
        {error("weekdays") && (
          <p id="offer-weekdays-error" className="field-error">
            {error("weekdays")}
          </p>
        )}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-4">
        <Field
          id="offer-opens"
          name="opensAt"
          label="Opens"
          type="time"
          defaultValue={value("opensAt", "10:00")}
          error={error("opensAt")}
        />
        <Field
          id="offer-closes"
          name="closesAt"
          label="Closes"
          type="time"
          defaultValue={value("closesAt", "17:00")}
          error={error("closesAt")}
        />
        <Field
          id="offer-minutes"
          name="minutes"
          label="Each time (minutes)"
          type="number"
          defaultValue={value("minutes", "60")}
          error={error("minutes")}
        />
        <Field
          id="offer-capacity"
          name="capacity"
          label="Parties per time"
          type="number"
          defaultValue={value("capacity", "2")}
          error={error("capacity")}
        />
      </div>
      <button type="submit" className="button-primary" disabled={pending}>
        {pending ? "Offering…" : "Offer these times"}
      </button>
    </form>
  );
}

/** A day the gallery is shut: its times are no longer offered; bookings already made stay listed. */
export function CloseDayForm({ day }: { day: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(closeDay, IDLE_FORM);
  return (
    <form action={action} noValidate className="flex flex-wrap items-end gap-3 font-sans" aria-labelledby="close-heading">
      <FormStatus status={state.status} message={state.message} />
      <Field id="close-day" name="day" label="Day" type="date" defaultValue={state.values.day ?? day} error={state.fieldErrors.day?.[0]} />
      <button type="submit" className="button-quiet" disabled={pending}>
        Close this day
      </button>
    </form>
  );
}

/** An enquiry's viewing: release one that waited for staff, or cancel it (either way the page says what happened). */
export function ViewingDecisionForms({ reference, awaitingRelease }: { reference: string; awaitingRelease: boolean }) {
  return (
    <div className="mt-2 flex flex-wrap gap-3">
      {awaitingRelease && (
        <ActionForm action={decideViewingAction}>
          <input type="hidden" name="reference" value={reference} />
          <input type="hidden" name="decision" value="release" />
          <button type="submit" className="button-quiet">
            Release: book the place and send the confirmation
          </button>
        </ActionForm>
      )}
      <ActionForm action={decideViewingAction}>
        <input type="hidden" name="reference" value={reference} />
        <input type="hidden" name="decision" value="cancel" />
        <button type="submit" className="button-quiet">
          Cancel the viewing
        </button>
      </ActionForm>
    </div>
  );
}
