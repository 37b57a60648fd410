"use server";

import { redirect } from "next/navigation";
import { staffPermitted } from "@/lib/auth/staff-session";
import {
  addEnquiryNote,
  assignEnquiry,
  queueStaffReply,
  retryEnquiryEmail,
  setEnquiryStatus,
  withdrawFollowLink,
} from "@/lib/data/staff/enquiry-desk";
import { deliverAfterResponse } from "@/lib/jobs/deliver-after-response";
import {
  assignEnquirySchema,
  enquiryNoteSchema,
  enquiryStatusSchema,
  NOT_UNDERSTOOD,
  retryEmailSchema,
  staffReplySchema,
  withdrawFollowLinkSchema,
  type FormState,
} from "@/lib/validations/staff-forms";
import { failedForm, invalidForm, typedValues } from "./form-results";
import { withNotice, type StaffNotice } from "@/lib/staff/notices";

const ENQUIRY_GONE = "That enquiry no longer exists (it may have been erased at the collector's request).";

function enquiryPath(reference: string, notice?: StaffNotice<"enquiry">) {
  const path = `/staff/enquiries/${encodeURIComponent(reference)}`;
  return notice ? withNotice(path, "enquiry", notice) : path;
}

export async function changeEnquiryStatus(_previous: FormState, formData: FormData): Promise<FormState> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const parsed = enquiryStatusSchema.safeParse(typedValues(formData));
  if (!parsed.success) return failedForm(NOT_UNDERSTOOD);
  if (!(await setEnquiryStatus(permit.staff, parsed.data.reference, parsed.data.status))) return failedForm(ENQUIRY_GONE);
  redirect(enquiryPath(parsed.data.reference, "status"));
}

export async function addNote(_previous: FormState, formData: FormData): Promise<FormState> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const raw = { reference: String(formData.get("reference") ?? ""), body: String(formData.get("body") ?? "") };
  const parsed = enquiryNoteSchema.safeParse(raw);
  if (!parsed.success) return invalidForm(parsed.error, "The note was not saved.", { body: raw.body });
  if (!(await addEnquiryNote(permit.staff, parsed.data.reference, parsed.data.body))) return failedForm(ENQUIRY_GONE, { body: raw.body });
  redirect(enquiryPath(parsed.data.reference, "note"));
}

export async function sendReply(_previous: FormState, formData: FormData): Promise<FormState> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const raw = {
    reference: String(formData.get("reference") ?? ""),
    subject: String(formData.get("subject") ?? ""),
    body: String(formData.get("body") ?? ""),
  };
  const parsed = staffReplySchema.safeParse(raw);
  if (!parsed.success) return invalidForm(parsed.error, "The reply was not sent.", { subject: raw.subject, body: raw.body });
  const emailId = await queueStaffReply(permit.staff, parsed.data.reference, parsed.data.subject, parsed.data.body);
  if (!emailId) return failedForm(ENQUIRY_GONE, { subject: raw.subject, body: raw.body });
  deliverAfterResponse([emailId]);
  redirect(enquiryPath(parsed.data.reference, "reply"));
}

export async function retryEmail(_previous: FormState, formData: FormData): Promise<FormState> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const parsed = retryEmailSchema.safeParse(typedValues(formData));
  if (!parsed.success) return failedForm(NOT_UNDERSTOOD);
  if (!(await retryEnquiryEmail(permit.staff, parsed.data.emailId))) {
    return failedForm(
      "That email is no longer waiting for a retry: it is being sent, or was sent, since this page was shown. Reload to see.",
    );
  }
  deliverAfterResponse([parsed.data.emailId]);
  redirect(enquiryPath(parsed.data.reference, "retry"));
}

export async function withdrawCollectorLink(_previous: FormState, formData: FormData): Promise<FormState> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const parsed = withdrawFollowLinkSchema.safeParse(typedValues(formData));
  if (!parsed.success) return failedForm(NOT_UNDERSTOOD);
  if (!(await withdrawFollowLink(permit.staff, parsed.data.reference))) return failedForm(ENQUIRY_GONE);
  redirect(enquiryPath(parsed.data.reference, "link"));
}

export async function assignTo(_previous: FormState, formData: FormData): Promise<FormState> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const parsed = assignEnquirySchema.safeParse(typedValues(formData));
  if (!parsed.success) return failedForm(NOT_UNDERSTOOD);
  const assigned = await assignEnquiry(permit.staff, parsed.data.reference, parsed.data.assigneeId);
  if (assigned.outcome === "no_enquiry") return failedForm(ENQUIRY_GONE);
  if (assigned.outcome === "no_member") {
    return failedForm("That account cannot be given enquiries (it is disabled, reads only, or no longer exists). Nothing was changed.");
  }
  deliverAfterResponse(assigned.outboxIds);
  redirect(enquiryPath(parsed.data.reference, assigned.outcome === "unchanged" ? "unchanged" : "assigned"));
}
