"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getArtwork } from "@/lib/catalogue-cache/cached-catalogue";
import { ENQUIRY_LIST_COOKIE } from "@/lib/enquiries/enquiry-list";
import { confirmationPathAfter } from "@/lib/enquiries/confirmation";
import { notStoredState, submitEnquiry, type SubmissionResult } from "@/lib/enquiry-intake/submit-enquiry";
import { logger } from "@/lib/logger";
import { deliverAfterResponse } from "@/lib/jobs/deliver-after-response";
import { clientIpFrom } from "@/lib/http/request-info";
import type { EnquiryFormState } from "@/lib/validations/enquiry";

export async function sendEnquiry(_previous: EnquiryFormState, formData: FormData): Promise<EnquiryFormState> {
  const requestHeaders = await headers();
  let result: SubmissionResult;
  try {
    // The work comes from the catalogue cache: an edit to it revalidates that cache at once.
    result = await submitEnquiry(formData, { clientIp: clientIpFrom(requestHeaders), findArtwork: getArtwork });
    deliverAfterResponse(result.outboxIds);
  } catch (error) {
    logger.error({ err: error }, "An enquiry could not be stored");
    return notStoredState(formData);
  }
  const { state } = result;
  // The list's works are now one enquiry: the list starts again empty.
  if (state.status === "sent" && formData.has("listedWorks")) (await cookies()).delete(ENQUIRY_LIST_COOKIE);
  // A browser without JavaScript posted the page itself (a script sends the Next-Action header).
  // Its success is a 303 to a small confirmation page, not the whole work page rendered again,
  // and a refresh there never sends the enquiry twice. Mistakes still come back on the form.
  if (state.status === "sent" && !requestHeaders.has("next-action")) {
    redirect(confirmationPathAfter(state, formData));
  }
  return state;
}
