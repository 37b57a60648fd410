"use server";

import { redirect } from "next/navigation";
import { staffPermitted } from "@/lib/auth/staff-session";
import { deleteReplyTemplate, saveReplyTemplate } from "@/lib/data/staff/saved-replies";
import type { FormState } from "@/lib/validations/form-state";
import {
  deleteReplyTemplateSchema,
  replyTemplateFromForm,
  replyTemplateSchema,
  type ReplyTemplateField,
} from "@/lib/validations/saved-replies";
import { NOT_UNDERSTOOD } from "@/lib/validations/staff-forms";
import { failedForm, invalidForm, typedValues } from "@/lib/actions/form-results";
import { withNotice } from "@/lib/staff/notices";

export async function saveReply(_previous: FormState<ReplyTemplateField>, formData: FormData): Promise<FormState<ReplyTemplateField>> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const values = typedValues(formData);
  const parsed = replyTemplateSchema.safeParse(replyTemplateFromForm(values));
  if (!parsed.success) return invalidForm(parsed.error, "The saved reply was not saved: please see below.", values);
  const outcome = await saveReplyTemplate(permit.staff, parsed.data);
  if (outcome === "name_taken") {
    return {
      status: "invalid",
      message: "The saved reply was not saved: please see below.",
      fieldErrors: { name: ["Another saved reply has this name"] },
      values,
    };
  }
  if (outcome === "gone") return failedForm("That saved reply was deleted meanwhile, so nothing was changed.", values);
  redirect(withNotice("/staff/replies", "replies", parsed.data.id ? "saved" : "added"));
}

export async function deleteReply(_previous: FormState, formData: FormData): Promise<FormState> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const parsed = deleteReplyTemplateSchema.safeParse(typedValues(formData));
  if (!parsed.success) return failedForm(NOT_UNDERSTOOD);
  if (!(await deleteReplyTemplate(permit.staff, parsed.data.id))) return failedForm("That saved reply was deleted already.");
  redirect(withNotice("/staff/replies", "replies", "deleted"));
}
