"use server";

import { headers } from "next/headers";
import { askForNewWorkAlert, confirmNewWorkAlert, unsubscribeNewWorkAlert } from "@/lib/data/new-work-alerts";
import { takePublicRequest } from "@/lib/data/public-request-limits";
import { clientIpFrom } from "@/lib/http/request-info";
import { deliverAfterResponse } from "@/lib/jobs/deliver-after-response";
import { alertConfirmSchema, alertUnsubscribeSchema } from "@/lib/validations/availability-alert";
import { newWorkAlertSchema, type NewWorkAlertField } from "@/lib/validations/new-work-alert";
import type { FormState } from "@/lib/validations/form-state";
import { doneForm, failedForm, invalidForm, typedValues } from "./form-results";

const CHECK_YOUR_EMAIL =
  "Check your email: we have sent you a link to confirm. Nothing is kept until you press it; then at most one email a day, only when there is something new.";

export async function askForNewWorksAction(
  _previous: FormState<NewWorkAlertField>,
  formData: FormData,
): Promise<FormState<NewWorkAlertField>> {
  const values = typedValues(formData);
  const parsed = newWorkAlertSchema.safeParse(values);
  if (!parsed.success) return invalidForm(parsed.error, "Please correct the fields marked below.", values);
  const wait = await takePublicRequest(clientIpFrom(await headers()), parsed.data.email);
  if (wait !== null) return failedForm(`Too many requests from here just now: please try again in ${wait} minutes.`, values);
  const { artworkSlug, exhibitionSlug, sectionSlug, scope, maxPrice, name, email } = parsed.data;
  const asked = await askForNewWorkAlert({
    from: artworkSlug ? { artworkSlug } : { exhibitionSlug: exhibitionSlug!, sectionSlug: sectionSlug! },
    scope,
    maxPrice,
    name,
    email,
    now: new Date(),
  });
  switch (asked.outcome) {
    case "confirmation_sent":
      deliverAfterResponse([asked.outboxId]);
      return doneForm(CHECK_YOUR_EMAIL);
    // The same words as a new request: the form does not say whether an address is signed up already.
    case "already_kept":
      return doneForm(CHECK_YOUR_EMAIL);
    case "not_found":
      return failedForm("This page is no longer in the catalogue, so nothing was kept.", values);
  }
}

export async function confirmNewWorksAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = alertConfirmSchema.safeParse(typedValues(formData));
  if (!parsed.success) return failedForm("This link is not one of ours. Please ask again on the gallery's pages.");
  const confirmed = await confirmNewWorkAlert(parsed.data.token, new Date());
  switch (confirmed.outcome) {
    case "confirmed":
    case "already_confirmed":
      return doneForm(`Confirmed: ${confirmed.what}. At most one email a day, only when there is something new.`);
    case "expired":
      return failedForm("This link has run out (it works for 48 hours). Please ask again on the gallery's pages.");
    case "unknown":
      return failedForm("This link is not one of ours, or it was replaced by a newer one. Please ask again on the gallery's pages.");
  }
}

export async function stopNewWorksAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = alertUnsubscribeSchema.safeParse(typedValues(formData));
  const outcome = parsed.success ? await unsubscribeNewWorkAlert(parsed.data.token, new Date()) : { outcome: "unknown" as const };
  if (outcome.outcome === "unknown") return failedForm("This link is not one of ours: nothing was changed.");
  return doneForm("Done: no more emails about new works of this kind.");
}
