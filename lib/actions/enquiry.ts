"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getArtwork } from "@/lib/data/catalogue";
import { confirmationPath } from "@/lib/enquiries/confirmation";
import { submitEnquiry, type SubmissionResult } from "@/lib/enquiries/submit";
import { serverEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import { deliverAfterResponse } from "@/lib/mail/deliver-after-response";
import { clientIpFrom } from "@/lib/request-info";
import { enquiryFormValues, enquiryInputFromFormData, type EnquiryFormState } from "@/lib/validations/enquiry";

export async function sendEnquiry(_previous: EnquiryFormState, formData: FormData): Promise<EnquiryFormState> {
  const requestHeaders = await headers();
  let result: SubmissionResult;
  try {
    // The work comes from the catalogue cache: an edit to it revalidates that cache at once.
    result = await submitEnquiry(formData, { clientIp: clientIpFrom(requestHeaders), findArtwork: getArtwork });
    deliverAfterResponse(result.outboxIds);
  } catch (error) {
    logger.error({ err: error }, "An enquiry could not be stored");
    return {
      status: "refused",
      message: `Sorry, something went wrong on our side and your enquiry was not stored. Please try again in a moment, or write to ${serverEnv().GALLERY_EMAIL}.`,
      fieldErrors: {},
      values: enquiryFormValues(enquiryInputFromFormData(formData)),
    };
  }
  const { state } = result;
  // A browser without JavaScript posted the page itself (a script sends the Next-Action header).
  // Its success is a 303 to a small confirmation page, not the whole work page rendered again,
  // and a refresh there never sends the enquiry twice. Mistakes still come back on the form.
  if (state.status === "sent" && !requestHeaders.has("next-action")) {
    const slug = formData.get("artworkSlug");
    redirect(
      confirmationPath({
        reference: state.reference!,
        acknowledged: Boolean(state.acknowledged),
        workSlug: typeof slug === "string" ? slug : null,
      }),
    );
  }
  return state;
}
