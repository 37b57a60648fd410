"use server";

import { redirect } from "next/navigation";
import { staffPermitted } from "@/lib/auth/staff-session";
import { refreshCatalogue } from "@/lib/catalogue-cache/refresh-catalogue";
import { answerCounterOffer } from "@/lib/data/offers";
import { acceptOffer, counterOffer, declineOffer } from "@/lib/data/staff/offers";
import { deliverAfterResponse } from "@/lib/jobs/deliver-after-response";
import { withNotice } from "@/lib/staff/notices";
import { amountFromInput } from "@/lib/sales/offers";
import { counterAnswerSchema, counterOfferSchema, offerDecisionSchema } from "@/lib/validations/offers";
import { NOT_UNDERSTOOD, type FormState } from "@/lib/validations/staff-forms";
import { doneForm, failedForm, invalidForm, typedValues } from "./form-results";

/** The collector accepts or declines a counter-offer on their offer's page (the signed link is the authority). */
export async function answerCounterAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = counterAnswerSchema.safeParse(typedValues(formData));
  if (!parsed.success) return failedForm("That answer was not understood; nothing was changed. Please reload the page and try again.");
  const outcome = await answerCounterOffer(parsed.data.token, parsed.data.answer === "accept");
  if (!outcome.ok) return failedForm(outcome.message);
  deliverAfterResponse(outcome.outboxIds);
  if (outcome.change) refreshCatalogue(outcome.change, "action");
  return doneForm(
    outcome.accepted
      ? "Thank you: the work is reserved for you. The gallery will send the invoice by email."
      : "You have declined the counter-offer. The gallery has been told; reply to its email if you would like to talk further.",
  );
}

export async function acceptOfferAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const parsed = offerDecisionSchema.safeParse(typedValues(formData));
  if (!parsed.success) return failedForm(NOT_UNDERSTOOD);
  const outcome = await acceptOffer(permit.staff, parsed.data.offerId);
  if (!outcome.ok) return failedForm(outcome.message);
  if (outcome.change) refreshCatalogue(outcome.change, "action");
  redirect(withNotice(`/staff/enquiries/${outcome.reference}`, "enquiry", "accepted"));
}

export async function counterOfferAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const values = typedValues(formData);
  const parsed = counterOfferSchema.safeParse(values);
  if (!parsed.success) return invalidForm(parsed.error, "The counter-offer was not sent: please correct the fields marked below.", values);
  const counterMinor = amountFromInput(parsed.data.counter);
  if (counterMinor === null)
    return {
      status: "invalid",
      message: "The counter-offer was not sent.",
      fieldErrors: { counter: ["Please give an amount such as 3500"] },
      values,
    };
  const outcome = await counterOffer(permit.staff, { offerId: parsed.data.offerId, counterMinor, days: parsed.data.days });
  if (!outcome.ok) return failedForm(outcome.message, values);
  redirect(withNotice(`/staff/enquiries/${outcome.reference}`, "enquiry", "countered"));
}

export async function declineOfferAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const parsed = offerDecisionSchema.safeParse(typedValues(formData));
  if (!parsed.success) return failedForm(NOT_UNDERSTOOD);
  const outcome = await declineOffer(permit.staff, parsed.data.offerId);
  if (!outcome.ok) return failedForm(outcome.message);
  redirect(withNotice(`/staff/enquiries/${outcome.reference}`, "enquiry", "declined"));
}
