"use server";

import { headers } from "next/headers";
import { submitEnquiry } from "@/lib/enquiries/submit";
import { serverEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import { deliverAfterResponse } from "@/lib/mail/deliver-after-response";
import { clientIpFrom } from "@/lib/request-info";
import { enquiryFormValues, enquiryInputFromFormData, type EnquiryFormState } from "@/lib/validations/enquiry";

export async function sendEnquiry(_previous: EnquiryFormState, formData: FormData): Promise<EnquiryFormState> {
  try {
    const { state, outboxIds } = await submitEnquiry(formData, { clientIp: clientIpFrom(await headers()) });
    deliverAfterResponse(outboxIds);
    return state;
  } catch (error) {
    logger.error({ err: error }, "An enquiry could not be stored");
    return {
      status: "refused",
      message: `Sorry, something went wrong on our side and your enquiry was not stored. Please try again in a moment, or write to ${serverEnv().GALLERY_EMAIL}.`,
      fieldErrors: {},
      values: enquiryFormValues(enquiryInputFromFormData(formData)),
    };
  }
}
