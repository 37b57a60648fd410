"use server";

import { headers } from "next/headers";
import { askForAvailabilityAlert, confirmAvailabilityAlert, unsubscribeAvailabilityAlert } from "@/lib/data/availability-alerts";
import { takePublicRequest } from "@/lib/data/public-request-limits";
import { clientIpFrom } from "@/lib/http/request-info";
import { deliverAfterResponse } from "@/lib/jobs/deliver-after-response";
import { alertConfirmSchema, alertUnsubscribeSchema, availabilityAlertSchema } from "@/lib/validations/availability-alert";
import type { FormState } from "@/lib/validations/form-state";
import { doneForm, failedForm, invalidForm, typedValues } from "./form-results";

const CHECK_YOUR_EMAIL =
  "Check your email: we have sent you a link to confirm. Nothing is kept until you press it, and you will hear from us once, when the work is available.";

export async function askToBeToldAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = typedValues(formData);
  const parsed = availabilityAlertSchema.safeParse(values);
  if (!parsed.success) return invalidForm(parsed.error, "Please correct the field marked below.", values);
  const wait = await takePublicRequest(clientIpFrom(await headers()), parsed.data.email);
  if (wait !== null) return failedForm(`Too many requests from here just now: please try again in ${wait} minutes.`, values);
  const asked = await askForAvailabilityAlert({ ...parsed.data, now: new Date() });
  switch (asked.outcome) {
    case "confirmation_sent":
      deliverAfterResponse([asked.outboxId]);
      return doneForm(CHECK_YOUR_EMAIL);
    // The same words as a new request: the form does not say whether an address is waiting already.
    case "already_kept":
      return doneForm(CHECK_YOUR_EMAIL);
    case "work_available":
      return failedForm("This work is available now: you can enquire about it straight away.", values);
    case "no_such_work":
      return failedForm("This work is no longer in the catalogue.", values);
  }
}

export async function confirmAlertAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = alertConfirmSchema.safeParse(typedValues(formData));
  if (!parsed.success) return failedForm("This link is not one of ours. Please ask again on the work's page.");
  const confirmed = await confirmAvailabilityAlert(parsed.data.token, new Date());
  switch (confirmed.outcome) {
    case "confirmed":
    case "already_confirmed":
      return doneForm(
        confirmed.work.availableNow
          ? `Confirmed. ${confirmed.work.label} is in fact available now: you can enquire about it on its page.`
          : `Confirmed. We will email you once if ${confirmed.work.label} becomes available.`,
      );
    case "expired":
      return failedForm("This link has run out (it works for 48 hours). Please ask again on the work's page.");
    case "unknown":
      return failedForm("This link is not one of ours, or it was replaced by a newer one. Please ask again on the work's page.");
  }
}

export async function unsubscribeAlertAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = alertUnsubscribeSchema.safeParse(typedValues(formData));
  const outcome = parsed.success ? await unsubscribeAvailabilityAlert(parsed.data.token, new Date()) : { outcome: "unknown" as const };
  if (outcome.outcome === "unknown") return failedForm("This link is not one of ours: nothing was changed.");
  return doneForm(
    outcome.workLabel ? `Done: you will not hear from us about ${outcome.workLabel}.` : "Done: you will not hear from us about this work.",
  );
}
