import { db } from "@/lib/db/client";
import { issueFormToken } from "@/lib/enquiries/form-token";
import { serverEnv } from "@/lib/env";
import { notStoredState, submitEnquiry } from "@/lib/enquiry-intake/submit-enquiry";

/** A form as a person would post it: token issued a minute ago, consent given. */
export function enquiryForm(fields: Record<string, string | string[]>, tokenAgeMs = 60_000): FormData {
  const form = new FormData();
  form.set("formToken", issueFormToken(serverEnv().FORM_SIGNING_SECRET, Date.now() - tokenAgeMs));
  form.set("consent", "on");
  for (const [key, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) form.append(key, item);
  }
  return form;
}

/** The stored enquiries for these references, with their emails, in the order they were stored. */
export function storedInOrder(references: string[]) {
  return db.enquiry.findMany({ where: { reference: { in: references } }, include: { emails: true }, orderBy: { id: "asc" } });
}

export type EnquiryOutcome = { status: string; reference?: string; message?: string };

/** What a collector is told, as the enquiry route and action tell it: a store that throws is answered "not stored". */
export async function enquiryOutcome(form: FormData, clientIp: string): Promise<EnquiryOutcome> {
  try {
    const { state } = await submitEnquiry(form, { clientIp });
    return { status: state.status, reference: state.reference, message: state.message };
  } catch {
    const state = notStoredState(form);
    return { status: state.status, message: state.message };
  }
}
