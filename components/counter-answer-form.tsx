"use client";

import { useActionState } from "react";
import { FormStatus } from "@/components/form-field";
import { answerCounterAction } from "@/lib/actions/offers";
import { IDLE_FORM, type FormState } from "@/lib/validations/form-state";

/** The collector's answer to a counter-offer: two buttons of one form, so the answer is the button pressed. */
export function CounterAnswerForm({ token, counter }: { token: string; counter: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(answerCounterAction, IDLE_FORM);
  return (
    <form action={action} className="space-y-4" aria-label="Answer the counter-offer">
      <FormStatus status={state.status} message={state.message} />
      <input type="hidden" name="token" value={token} />
      {state.status !== "done" && (
        <div className="flex flex-wrap gap-3">
          <button type="submit" name="answer" value="accept" className="button-primary" disabled={pending}>
            Accept {counter}
          </button>
          <button type="submit" name="answer" value="decline" className="button-quiet" disabled={pending}>
            Decline
          </button>
        </div>
      )}
    </form>
  );
}
