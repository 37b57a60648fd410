"use client";

import { useActionState } from "react";
import { Field, FormStatus } from "@/components/form-field";
import { ActionForm } from "@/components/staff/action-form";
import { acceptOfferAction, counterOfferAction, declineOfferAction } from "@/lib/actions/offers";
import { IDLE_FORM, type FormState } from "@/lib/validations/form-state";

/** Accept, counter or decline one offer; each is emailed to the collector. */
export function OfferDecisionForms({ offerId, label, canCounter }: { offerId: string; label: string; canCounter: boolean }) {
  const [state, action, pending] = useActionState<FormState, FormData>(counterOfferAction, IDLE_FORM);
  const error = (field: string) => state.fieldErrors[field]?.[0];
  return (
    <div className="mt-3 space-y-3 font-sans">
      <div className="flex flex-wrap gap-3">
        <ActionForm action={acceptOfferAction}>
          <input type="hidden" name="offerId" value={offerId} />
          <button type="submit" className="button-primary" aria-label={`Accept the offer on ${label}`}>
            Accept
          </button>
        </ActionForm>
        <ActionForm action={declineOfferAction}>
          <input type="hidden" name="offerId" value={offerId} />
          <button type="submit" className="button-quiet" aria-label={`Decline the offer on ${label}`}>
            Decline
          </button>
        </ActionForm>
      </div>
      {canCounter && (
        <form
          action={action}
          noValidate
          className="space-y-3"
          aria-busy={pending || undefined}
          aria-label={`Counter the offer on ${label}`}
        >
          <FormStatus status={state.status} message={state.message} />
          <input type="hidden" name="offerId" value={offerId} />
          <div className="grid gap-3 sm:grid-cols-2">
            <Field
              id={`counter-${offerId}`}
              name="counter"
              label="Counter-offer"
              defaultValue={state.values.counter ?? ""}
              error={error("counter")}
            />
            <Field
              id={`counter-days-${offerId}`}
              name="days"
              label="Stands for (days)"
              type="number"
              defaultValue={state.values.days ?? "3"}
              error={error("days")}
            />
          </div>
          <button type="submit" className="button-quiet" disabled={pending}>
            Send the counter-offer
          </button>
        </form>
      )}
    </div>
  );
}
