"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/staff-session";
import { addEnquiryNote, queueStaffReply, retryEnquiryEmail, setEnquiryStatus } from "@/lib/data/staff-enquiries";
import { ENQUIRY_REFERENCE_PATTERN } from "@/lib/enquiries/vocabulary";
import { deliverAfterResponse } from "@/lib/mail/deliver-after-response";
import { enquiryNoteSchema, enquiryStatusSchema, staffReplySchema, type FormState } from "@/lib/validations/staff-forms";

function enquiryPath(reference: string, notice?: string) {
  return `/staff/enquiries/${encodeURIComponent(reference)}${notice ? `?notice=${notice}` : ""}`;
}

export async function changeEnquiryStatus(formData: FormData): Promise<void> {
  await requireStaff();
  const parsed = enquiryStatusSchema.safeParse({ reference: formData.get("reference"), status: formData.get("status") });
  if (!parsed.success) redirect("/staff");
  await setEnquiryStatus(parsed.data.reference, parsed.data.status);
  redirect(enquiryPath(parsed.data.reference, "status"));
}

export async function addNote(_previous: FormState, formData: FormData): Promise<FormState> {
  await requireStaff();
  const raw = { reference: String(formData.get("reference") ?? ""), body: String(formData.get("body") ?? "") };
  const parsed = enquiryNoteSchema.safeParse(raw);
  if (!parsed.success)
    return {
      status: "invalid",
      message: "The note was not saved.",
      fieldErrors: z.flattenError(parsed.error).fieldErrors,
      values: { body: raw.body },
    };
  await addEnquiryNote(parsed.data.reference, parsed.data.body);
  redirect(enquiryPath(parsed.data.reference, "note"));
}

export async function sendReply(_previous: FormState, formData: FormData): Promise<FormState> {
  await requireStaff();
  const raw = {
    reference: String(formData.get("reference") ?? ""),
    subject: String(formData.get("subject") ?? ""),
    body: String(formData.get("body") ?? ""),
  };
  const parsed = staffReplySchema.safeParse(raw);
  if (!parsed.success)
    return {
      status: "invalid",
      message: "The reply was not sent.",
      fieldErrors: z.flattenError(parsed.error).fieldErrors,
      values: { subject: raw.subject, body: raw.body },
    };
  const emailId = await queueStaffReply(parsed.data.reference, parsed.data.subject, parsed.data.body);
  if (!emailId) return { status: "error", message: "That enquiry no longer exists.", fieldErrors: {}, values: {} };
  deliverAfterResponse([emailId]);
  redirect(enquiryPath(parsed.data.reference, "reply"));
}

export async function retryEmail(formData: FormData): Promise<void> {
  await requireStaff();
  const reference = z.string().regex(ENQUIRY_REFERENCE_PATTERN).safeParse(formData.get("reference"));
  const emailId = z.string().min(1).max(64).safeParse(formData.get("emailId"));
  if (!reference.success || !emailId.success) redirect("/staff");
  if (await retryEnquiryEmail(emailId.data)) deliverAfterResponse([emailId.data]);
  redirect(enquiryPath(reference.data, "retry"));
}
