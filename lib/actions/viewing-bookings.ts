"use server";

import { redirect } from "next/navigation";
import { cancelBookingByLink } from "@/lib/data/viewing-bookings";
import { cancelViewingPath } from "@/lib/enquiries/link-token";
import { serverEnv } from "@/lib/env";
import { deliverAfterResponse } from "@/lib/jobs/deliver-after-response";
import type { FormState } from "@/lib/validations/form-state";
import { cancelViewingSchema } from "@/lib/validations/viewings";
import { failedForm } from "@/lib/actions/form-results";

/** The collector's cancellation, from the link in their viewing's email: once, and only before it starts. */
export async function cancelViewing(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = cancelViewingSchema.safeParse({ token: String(formData.get("token") ?? "") });
  if (!parsed.success) return failedForm("This link does not cancel a viewing, so nothing was changed.");
  const cancelled = await cancelBookingByLink(parsed.data.token);
  switch (cancelled.outcome) {
    case "no_booking":
      return failedForm("This link does not cancel a viewing (it may have been erased with your enquiry), so nothing was changed.");
    case "past":
      return failedForm(
        `This viewing's time has passed, so it can no longer be cancelled here. Please write to ${serverEnv().GALLERY_EMAIL}.`,
      );
    case "already_cancelled":
    case "cancelled":
      if (cancelled.outcome === "cancelled") deliverAfterResponse(cancelled.outboxIds);
      redirect(cancelViewingPath(parsed.data.token));
  }
}
