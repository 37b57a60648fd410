"use client";

import { useActionState } from "react";
import { Field, FormStatus } from "@/components/form-field";
import { saveSettings } from "@/lib/actions/staff-settings";
import { REPLY_UNIT_LABELS, REPLY_UNITS, WEEKDAY_NAMES } from "@/lib/enquiries/reply-by";
import { IDLE_FORM, type FormState } from "@/lib/validations/form-state";

/** The settings as the form's fields (the page turns the saved settings into these). */
export type SettingsFormValues = Record<string, string>;

// Monday first, as a week reads in the gallery; the fields keep Sunday as 0.
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

export function SettingsForm({ saved }: { saved: SettingsFormValues }) {
  const [state, action, pending] = useActionState<FormState, FormData>(saveSettings, IDLE_FORM);
  // After an answer the form shows what was sent (kept when refused, the new settings when saved).
  const values = state.status === "idle" ? saved : state.values;
  const errors = state.fieldErrors;
  return (
    <form action={action} noValidate className="space-y-8 font-sans" aria-labelledby="settings-heading">
      <FormStatus status={state.status} message={state.message} />

      <fieldset className="space-y-4">
        <legend className="text-xl font-semibold">Reply-by time</legend>
        <p className="text-sm text-ink-soft">
          Each enquiry is due an answer this long after it arrives, counting only the hours the gallery is open. Working days: the same time
          on a later opening day; an enquiry that arrives while the gallery is closed counts from the next opening.
        </p>
        <div className="grid max-w-md grid-cols-2 gap-4">
          <Field
            id="settings-reply-within"
            name="replyWithin"
            label="Reply within"
            type="number"
            defaultValue={values.replyWithin}
            error={errors.replyWithin?.[0]}
          />
          <div>
            <label htmlFor="settings-reply-unit" className="field-label">
              Counted in
            </label>
            <select
              id="settings-reply-unit"
              name="replyWithinUnit"
              defaultValue={values.replyWithinUnit}
              className="field-input"
              aria-invalid={errors.replyWithinUnit ? true : undefined}
            >
              {REPLY_UNITS.map((unit) => (
                <option key={unit} value={unit}>
                  {REPLY_UNIT_LABELS[unit]}
                </option>
              ))}
            </select>
          </div>
        </div>
      </fieldset>

      <fieldset>
        <legend className="text-xl font-semibold">Opening hours</legend>
        <p className="mt-1 text-sm text-ink-soft" id="hours-hint">
          Leave both times empty for a day the gallery is closed.
        </p>
        <table className="mt-3 border-collapse text-left text-sm">
          <caption className="sr-only">Opening and closing time of each weekday</caption>
          <thead>
            <tr>
              <th scope="col" className="pr-4 pb-1">
                Day
              </th>
              <th scope="col" className="pr-4 pb-1">
                Opens
              </th>
              <th scope="col" className="pb-1">
                Closes
              </th>
            </tr>
          </thead>
          <tbody>
            {WEEK_ORDER.map((weekday) => {
              const name = WEEKDAY_NAMES[weekday];
              const error = errors[`hours${weekday}` as keyof typeof errors]?.[0];
              return (
                <tr key={weekday} className="align-top">
                  <th scope="row" className="pr-4 py-1 font-normal">
                    {name}
                  </th>
                  <td className="pr-4 py-1">
                    <label htmlFor={`settings-opens-${weekday}`} className="sr-only">
                      {name} opens
                    </label>
                    <input
                      id={`settings-opens-${weekday}`}
                      name={`opens${weekday}`}
                      type="time"
                      defaultValue={values[`opens${weekday}`]}
                      className="field-input"
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `settings-hours-${weekday}-error` : "hours-hint"}
                    />
                  </td>
                  <td className="py-1">
                    <label htmlFor={`settings-closes-${weekday}`} className="sr-only">
                      {name} closes
                    </label>
                    <input
                      id={`settings-closes-${weekday}`}
                      name={`closes${weekday}`}
                      type="time"
                      defaultValue={values[`closes${weekday}`]}
                      className="field-input"
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `settings-hours-${weekday}-error` : "hours-hint"}
                    />
                    {error && (
                      <p id={`settings-hours-${weekday}-error`} className="field-error">
                        {error}
                      </p>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </fieldset>

      <div className="max-w-xl">
        <Field
          id="settings-holidays"
          name="holidays"
          label="Holidays and other closed days"
          multiline
          rows={5}
          defaultValue={values.holidays}
          error={errors.holidays?.[0]}
          hint="One a line: the date, then a name if you like (2026-12-25 Christmas Day). They count as closed whatever the weekday."
        />
      </div>

      <fieldset className="max-w-xl space-y-4">
        <legend className="text-xl font-semibold">Daily digest</legend>
        <p className="text-sm text-ink-soft">
          Once a day, at this time, an email lists every enquiry still waiting for a reply, the overdue ones first, each with its link.
          Nothing is sent on a day with nothing waiting.
        </p>
        <div className="flex items-center gap-2">
          <input id="settings-digest-enabled" name="digestEnabled" type="checkbox" defaultChecked={values.digestEnabled === "on"} />
          <label htmlFor="settings-digest-enabled">Send the daily digest</label>
        </div>
        <Field
          id="settings-digest-time"
          name="digestTime"
          label="At (the gallery's time)"
          type="time"
          defaultValue={values.digestTime}
          error={errors.digestTime?.[0]}
        />
        <div className="flex items-center gap-2">
          <input
            id="settings-digest-closed-days"
            name="digestOnClosedDays"
            type="checkbox"
            defaultChecked={values.digestOnClosedDays === "on"}
          />
          <label htmlFor="settings-digest-closed-days">Also on days the gallery is closed</label>
        </div>
        <Field
          id="settings-digest-to"
          name="digestTo"
          label="Send it to"
          type="email"
          defaultValue={values.digestTo}
          error={errors.digestTo?.[0]}
          hint="Leave empty for the gallery's own address."
        />
      </fieldset>

      <button type="submit" className="button-primary" disabled={pending}>
        {pending ? "Saving…" : "Save the settings"}
      </button>
    </form>
  );
}
