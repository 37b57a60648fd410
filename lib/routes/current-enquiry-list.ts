import "server-only";
import { cookies } from "next/headers";
import { serverEnv } from "@/lib/env";
import { ENQUIRY_LIST_COOKIE, readEnquiryList } from "@/lib/enquiries/enquiry-list";

/** The works on the visiting collector's list, from their signed cookie (for the list page, which is drawn per visitor). */
export async function currentEnquiryList(): Promise<string[]> {
  return readEnquiryList((await cookies()).get(ENQUIRY_LIST_COOKIE)?.value, serverEnv().FORM_SIGNING_SECRET);
}
