"use server";

import { staffPermitted } from "@/lib/auth/staff-session";
import { erasePersonalDataForStaff, findPersonalData, type HeldSummary } from "@/lib/data/staff/privacy";
import type { FormState } from "@/lib/validations/form-state";
import { eraseHeldDataSchema, findHeldDataSchema, type PrivacyField } from "@/lib/validations/privacy-request";
import { failedForm, invalidForm, typedValues } from "./form-results";

export type PrivacyState = FormState<PrivacyField, HeldSummary>;

/** One action for the page's forms (find, then perhaps erase), so the page shows the latest answer. */
export async function privacyRequest(previous: PrivacyState, formData: FormData): Promise<PrivacyState> {
  return formData.get("intent") === "erase" ? eraseHeldData(previous, formData) : findHeldData(previous, formData);
}

async function findHeldData(_previous: PrivacyState, formData: FormData): Promise<PrivacyState> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const values = typedValues(formData);
  const parsed = findHeldDataSchema.safeParse(values);
  if (!parsed.success) return invalidForm(parsed.error, "Nothing was looked up: please see below.", values);
  const held = await findPersonalData(permit.staff, parsed.data.email);
  return {
    status: "done",
    message:
      held.enquiries.length === 0 && held.emails === 0
        ? `Nothing is held about ${held.email}.`
        : `Held about ${held.email}: ${held.enquiries.length} ${held.enquiries.length === 1 ? "enquiry" : "enquiries"} and ${held.emails} ${held.emails === 1 ? "email" : "emails"}.`,
    fieldErrors: {},
    values: { email: parsed.data.email },
    result: held,
  };
}

async function eraseHeldData(previous: PrivacyState, formData: FormData): Promise<PrivacyState> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const values = typedValues(formData);
  const parsed = eraseHeldDataSchema.safeParse(values);
  // The summary stays on the page beside the mistake.
  if (!parsed.success)
    return {
      ...invalidForm<PrivacyField>(parsed.error, "Nothing was erased: please confirm first.", { email: values.email ?? "" }),
      result: previous.result,
    };
  const erased = await erasePersonalDataForStaff(permit.staff, parsed.data.email);
  return {
    status: "done",
    message: `Erased everything held about ${parsed.data.email}: ${erased.enquiries} enquiries, ${erased.notes} notes and ${erased.emails} emails. The activity log records the erasure by reference only.`,
    fieldErrors: {},
    values: {},
  };
}
