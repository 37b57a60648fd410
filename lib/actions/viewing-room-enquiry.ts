"use server";

import { headers } from "next/headers";
import { roomWorksForEnquiry } from "@/lib/data/viewing-rooms";
import { notStoredState, submitEnquiry } from "@/lib/enquiry-intake/submit-enquiry";
import { clientIpFrom } from "@/lib/http/request-info";
import { deliverAfterResponse } from "@/lib/jobs/deliver-after-response";
import { logger } from "@/lib/logger";
import type { EnquiryFormState } from "@/lib/validations/enquiry";
import { roomEnquirySchema } from "@/lib/validations/viewing-rooms";

/**
 * A guest's enquiry from inside their viewing room, about the works they ticked: checked against their
 * link (only works of their room, published or not), then taken in exactly as any enquiry is.
 */
export async function enquireFromRoom(previous: EnquiryFormState, formData: FormData): Promise<EnquiryFormState> {
  const parsed = roomEnquirySchema.safeParse({ token: formData.get("roomToken"), works: formData.getAll("roomWorks") });
  if (!parsed.success) {
    return { ...previous, status: "invalid", message: "Tick at least one work to ask about; nothing has been sent yet.", fieldErrors: {} };
  }
  const works = await roomWorksForEnquiry(parsed.data.token, parsed.data.works);
  if (!works || works.length === 0) {
    return {
      ...previous,
      status: "refused",
      message: "This link no longer opens the room, so nothing was sent. Please reply to the gallery's email instead.",
      fieldErrors: {},
    };
  }
  try {
    const result = await submitEnquiry(formData, { clientIp: clientIpFrom(await headers()), roomWorks: works });
    deliverAfterResponse(result.outboxIds);
    return result.state;
  } catch (error) {
    logger.error({ err: error }, "An enquiry from a viewing room could not be stored");
    return notStoredState(formData);
  }
}
