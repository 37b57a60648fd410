"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { staffPermitted } from "@/lib/auth/staff-session";
import { refreshCatalogue } from "@/lib/catalogue-cache/refresh-catalogue";
import { askToReserve, confirmReserveRequest } from "@/lib/data/hold-requests";
import { takePublicRequest } from "@/lib/data/public-request-limits";
import { declineRequestedHold, grantRequestedHold } from "@/lib/data/staff/holds";
import { clientIpFrom } from "@/lib/http/request-info";
import { deliverAfterResponse } from "@/lib/jobs/deliver-after-response";
import { withNotice } from "@/lib/staff/notices";
import { holdRequestDecisionSchema, reserveConfirmSchema, reserveRequestSchema } from "@/lib/validations/holds";
import { NOT_UNDERSTOOD, type FormState } from "@/lib/validations/staff-forms";
import { doneForm, failedForm, invalidForm, typedValues } from "./form-results";

const CHECK_YOUR_EMAIL = "Check your email: we have sent you a link to confirm the request. Nothing is reserved until you press it.";

export async function askToReserveAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = typedValues(formData);
  const parsed = reserveRequestSchema.safeParse(values);
  if (!parsed.success) return invalidForm(parsed.error, "Please correct the fields marked below.", values);
  const wait = await takePublicRequest(clientIpFrom(await headers()), parsed.data.email);
  if (wait !== null) return failedForm(`Too many requests from here just now: please try again in ${wait} minutes.`, values);
  const asked = await askToReserve({ ...parsed.data, now: new Date() });
  if (asked.outcome === "not_reservable") return failedForm(asked.reason, values);
  deliverAfterResponse([asked.outboxId]);
  // The same words whether or not the address has a request open (its owner is told which by email).
  return doneForm(CHECK_YOUR_EMAIL);
}

export async function confirmReserveAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = reserveConfirmSchema.safeParse(typedValues(formData));
  if (!parsed.success) return failedForm("This link is not one of ours. Please ask again on the work's page.");
  const confirmed = await confirmReserveRequest(parsed.data.token);
  switch (confirmed.outcome) {
    case "granted":
      refreshCatalogue(confirmed.change, "action");
      return doneForm(`${confirmed.workLabel} is reserved for you until ${confirmed.until}. We have sent you the details by email.`);
    case "waiting":
      return doneForm(`Thank you: your request to reserve ${confirmed.workLabel} is with the gallery, which will answer by email.`);
    case "already":
      return doneForm(`This request was confirmed already (${confirmed.status}); nothing more to do.`);
    case "expired":
      return failedForm("This link has run out (it works for 24 hours). Please ask again on the work's page.");
    case "unknown":
      return failedForm("This link is not one of ours. Please ask again on the work's page.");
  }
}

export async function decideHoldRequestAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const parsed = holdRequestDecisionSchema.safeParse(typedValues(formData));
  if (!parsed.success) return failedForm(NOT_UNDERSTOOD);
  const outcome =
    parsed.data.decision === "grant"
      ? await grantRequestedHold(permit.staff, parsed.data.requestId)
      : await declineRequestedHold(permit.staff, parsed.data.requestId);
  if (!outcome.ok) return failedForm(outcome.message);
  if (outcome.change) refreshCatalogue(outcome.change, "action");
  redirect(
    withNotice(`/staff/works/${outcome.artworkId}`, "work", parsed.data.decision === "grant" ? "requestGranted" : "requestDeclined"),
  );
}
