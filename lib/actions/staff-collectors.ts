"use server";

import { redirect } from "next/navigation";
import { staffPermitted } from "@/lib/auth/staff-session";
import { addCollectorNote, eraseCollectorRecord, mergeCollectorRecords, setCollectorTags } from "@/lib/data/staff/collectors";
import type { FormState } from "@/lib/validations/form-state";
import {
  collectorNoteSchema,
  collectorTagsSchema,
  eraseCollectorSchema,
  mergeCollectorsSchema,
  type CollectorNoteField,
  type CollectorTagsField,
  type EraseCollectorField,
  type MergeCollectorsField,
} from "@/lib/validations/collectors";
import { failedForm, invalidForm, typedValues } from "@/lib/actions/form-results";
import { withNotice } from "@/lib/staff/notices";

const RECORD_GONE = "That collector's record is no longer there (erased, or merged into another). Nothing was changed.";

export async function addNoteToCollector(
  _previous: FormState<CollectorNoteField>,
  formData: FormData,
): Promise<FormState<CollectorNoteField>> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const values = typedValues(formData);
  const parsed = collectorNoteSchema.safeParse(values);
  if (!parsed.success) return invalidForm(parsed.error, "The note was not saved: please see below.", values);
  if (!(await addCollectorNote(permit.staff, parsed.data.key, parsed.data.body))) return failedForm(RECORD_GONE, values);
  redirect(withNotice(`/staff/collectors/${parsed.data.key}`, "collectors", "note"));
}

export async function saveCollectorTags(
  _previous: FormState<CollectorTagsField>,
  formData: FormData,
): Promise<FormState<CollectorTagsField>> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const values = typedValues(formData);
  const parsed = collectorTagsSchema.safeParse(values);
  if (!parsed.success) return invalidForm(parsed.error, "The tags were not saved: please see below.", values);
  if (!(await setCollectorTags(permit.staff, parsed.data.key, parsed.data.tags))) return failedForm(RECORD_GONE, values);
  redirect(withNotice(`/staff/collectors/${parsed.data.key}`, "collectors", "tags"));
}

export async function mergeCollectors(
  _previous: FormState<MergeCollectorsField>,
  formData: FormData,
): Promise<FormState<MergeCollectorsField>> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const values = typedValues(formData);
  const parsed = mergeCollectorsSchema.safeParse(values);
  if (!parsed.success) return invalidForm(parsed.error, "Nothing was merged: please see below.", values);
  const outcome = await mergeCollectorRecords(permit.staff, parsed.data.key, parsed.data.otherEmail);
  if (!outcome.merged) {
    if (outcome.reason === "no_record") return failedForm(RECORD_GONE, values);
    const message = outcome.reason === "same" ? "That address is already part of this record" : "No collector record has that address";
    return { status: "invalid", message: "Nothing was merged: please see below.", fieldErrors: { otherEmail: [message] }, values };
  }
  redirect(withNotice(`/staff/collectors/${parsed.data.key}`, "collectors", "merged"));
}

export async function eraseCollector(
  _previous: FormState<EraseCollectorField>,
  formData: FormData,
): Promise<FormState<EraseCollectorField>> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const values = typedValues(formData);
  const parsed = eraseCollectorSchema.safeParse(values);
  if (!parsed.success) return invalidForm(parsed.error, "Nothing was erased: please see below.", values);
  if (!(await eraseCollectorRecord(permit.staff, parsed.data.key))) return failedForm(RECORD_GONE, values);
  redirect(withNotice("/staff/collectors", "collectorList", "erased"));
}
