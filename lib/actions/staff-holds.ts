"use server";

import { redirect } from "next/navigation";
import { staffPermitted } from "@/lib/auth/staff-session";
import { withNotice } from "@/lib/staff/notices";
import { refreshCatalogue } from "@/lib/catalogue-cache/refresh-catalogue";
import { extendHold, placeHold, releaseHold } from "@/lib/data/staff/holds";
import { serverEnv } from "@/lib/env";
import { galleryTimeToInstant } from "@/lib/time/gallery-time";
import { extendHoldSchema, placeHoldSchema, releaseHoldSchema } from "@/lib/validations/holds";
import { NOT_UNDERSTOOD, type FormState } from "@/lib/validations/staff-forms";
import { failedForm, invalidForm, typedValues } from "./form-results";

/** A day and time as staff read them (the gallery's clock) made an instant. */
function instantOf(day: string, time: string): Date {
  return galleryTimeToInstant(day, time, serverEnv().GALLERY_TIME_ZONE);
}

export async function placeHoldAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const values = typedValues(formData);
  const parsed = placeHoldSchema.safeParse(values);
  if (!parsed.success) return invalidForm(parsed.error, "Nothing was held: please correct the fields marked below.", values);
  const outcome = await placeHold(permit.staff, {
    artworkId: parsed.data.artworkId,
    collectorName: parsed.data.collectorName,
    collectorEmail: parsed.data.collectorEmail,
    heldUntil: instantOf(parsed.data.untilDay, parsed.data.untilTime),
    enquiryReference: parsed.data.enquiryReference ?? null,
  });
  if (!outcome.ok) return failedForm(outcome.message, values);
  refreshCatalogue(outcome.change, "action");
  // Back to the page it was placed from, which now shows the hold (the form that placed it is gone).
  if (parsed.data.enquiryReference) redirect(withNotice(`/staff/enquiries/${parsed.data.enquiryReference}`, "enquiry", "held"));
  redirect(withNotice(`/staff/works/${outcome.artworkId}`, "work", "held"));
}

export async function extendHoldAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const values = typedValues(formData);
  const parsed = extendHoldSchema.safeParse(values);
  if (!parsed.success) return invalidForm(parsed.error, "The hold was not changed: please correct the fields marked below.", values);
  const outcome = await extendHold(permit.staff, {
    holdId: parsed.data.holdId,
    heldUntil: instantOf(parsed.data.untilDay, parsed.data.untilTime),
  });
  if (!outcome.ok) return failedForm(outcome.message, values);
  refreshCatalogue(outcome.change, "action");
  redirect(withNotice(`/staff/works/${outcome.artworkId}`, "work", "extended"));
}

export async function releaseHoldAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const parsed = releaseHoldSchema.safeParse(typedValues(formData));
  if (!parsed.success) return failedForm(NOT_UNDERSTOOD);
  const outcome = await releaseHold(permit.staff, parsed.data.holdId);
  if (!outcome.ok) return failedForm(outcome.message);
  refreshCatalogue(outcome.change, "action");
  redirect(withNotice(`/staff/works/${outcome.artworkId}`, "work", "released"));
}
