"use server";

import { redirect } from "next/navigation";
import { staffPermitted } from "@/lib/auth/staff-session";
import { cancelViewingByStaff, closeViewingDay, MAX_TIMES_PER_OFFER, offerViewingTimes, releaseViewing } from "@/lib/data/staff/viewings";
import { deliverAfterResponse } from "@/lib/jobs/deliver-after-response";
import { withNotice } from "@/lib/staff/notices";
import type { FormState } from "@/lib/validations/form-state";
import { NOT_UNDERSTOOD } from "@/lib/validations/staff-forms";
import {
  closeViewingDaySchema,
  offerViewingTimesSchema,
  viewingDecisionSchema,
  type OfferViewingTimesField,
} from "@/lib/validations/viewings";
import { doneForm, failedForm, invalidForm, typedValues } from "./form-results";

export async function offerTimes(
  _previous: FormState<OfferViewingTimesField>,
  formData: FormData,
): Promise<FormState<OfferViewingTimesField>> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const weekdays = formData.getAll("weekdays").map(String);
  // The ticked days come back as one list, so a refused form shows them ticked as they were.
  const values = { ...typedValues(formData), weekdays: weekdays.join(",") };
  const parsed = offerViewingTimesSchema.safeParse({ ...values, weekdays });
  if (!parsed.success) return invalidForm(parsed.error, "No times were offered: please see below.", values);
  const offered = await offerViewingTimes(permit.staff, parsed.data);
  if ("tooMany" in offered) {
    return {
      status: "invalid",
      message: `That would make more than ${MAX_TIMES_PER_OFFER} times at once: please offer fewer days, or longer times.`,
      fieldErrors: {},
      values,
    };
  }
  return doneForm(
    `${offered.created} viewing time${offered.created === 1 ? "" : "s"} offered${offered.existing > 0 ? `; ${offered.existing} already existed and were left as they were` : ""}.`,
  );
}

export async function closeDay(_previous: FormState<"day">, formData: FormData): Promise<FormState<"day">> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const values = typedValues(formData);
  const parsed = closeViewingDaySchema.safeParse(values);
  if (!parsed.success) return invalidForm(parsed.error, "No day was closed: please see below.", values);
  const closed = await closeViewingDay(permit.staff, parsed.data.day);
  if (closed.bookingsKept > 0) {
    redirect(`/staff/viewings?day=${parsed.data.day}&closed=${closed.closed}&kept=${closed.bookingsKept}`);
  }
  redirect(`/staff/viewings?day=${parsed.data.day}&closed=${closed.closed}`);
}

/** An enquiry's viewing: released (it takes its place and the collector is sent the confirmation) or cancelled. */
export async function decideViewingAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const parsed = viewingDecisionSchema.safeParse(typedValues(formData));
  if (!parsed.success) return failedForm(NOT_UNDERSTOOD);
  const outcome =
    parsed.data.decision === "release"
      ? await releaseViewing(permit.staff, parsed.data.reference)
      : await cancelViewingByStaff(permit.staff, parsed.data.reference);
  if (!outcome.ok) return failedForm(outcome.message);
  deliverAfterResponse(outcome.outboxIds);
  redirect(
    withNotice(
      `/staff/enquiries/${outcome.reference}`,
      "enquiry",
      parsed.data.decision === "release" ? "viewingReleased" : "viewingCancelled",
    ),
  );
}
