"use server";

import { redirect } from "next/navigation";
import { staffPermitted } from "@/lib/auth/staff-session";
import { fileEmailIntoEnquiry, setEmailAside } from "@/lib/data/staff/inbound-emails";
import type { FormState } from "@/lib/validations/form-state";
import { fileInboundEmailSchema, setInboundEmailAsideSchema, type FileInboundEmailField } from "@/lib/validations/inbound-emails";
import { NOT_UNDERSTOOD } from "@/lib/validations/staff-forms";
import { failedForm, invalidForm, typedValues } from "@/lib/actions/form-results";
import { withNotice } from "@/lib/staff/notices";

export async function fileInboundEmail(
  _previous: FormState<FileInboundEmailField>,
  formData: FormData,
): Promise<FormState<FileInboundEmailField>> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const values = typedValues(formData);
  const parsed = fileInboundEmailSchema.safeParse(values);
  if (!parsed.success) return invalidForm(parsed.error, "Not put into an enquiry: please see below.", values);
  const outcome = await fileEmailIntoEnquiry(permit.staff, parsed.data.emailId, parsed.data.reference);
  if (outcome === "no_enquiry")
    return {
      status: "invalid",
      message: "Not put into an enquiry: please see below.",
      fieldErrors: { reference: [`There is no enquiry ${parsed.data.reference}`] },
      values,
    };
  if (outcome === "gone") return failedForm("That email was dealt with already (by a colleague, or in another tab).", values);
  redirect(withNotice("/staff/emails", "emails", "filed"));
}

export async function setInboundEmailAside(_previous: FormState, formData: FormData): Promise<FormState> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const parsed = setInboundEmailAsideSchema.safeParse(typedValues(formData));
  if (!parsed.success) return failedForm(NOT_UNDERSTOOD);
  if (!(await setEmailAside(permit.staff, parsed.data.emailId)))
    return failedForm("That email was dealt with already (by a colleague, or in another tab).");
  redirect(withNotice("/staff/emails", "emails", "setAside"));
}
