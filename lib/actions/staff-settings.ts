"use server";

import { staffPermitted } from "@/lib/auth/staff-session";
import { saveGallerySettings, saveRetentionSettings, saveSaleSettings } from "@/lib/data/staff/settings";
import { retentionSettingsSchema, type RetentionSettingsField } from "@/lib/validations/retention-settings";
import { saleSettingsSchema } from "@/lib/validations/sale-settings";
import type { FormState } from "@/lib/validations/form-state";
import { gallerySettingsFromForm, gallerySettingsSchema, type GallerySettingsField } from "@/lib/validations/gallery-settings";
import { doneForm, failedForm, invalidForm, typedValues } from "./form-results";

export async function saveSettings(
  _previous: FormState<GallerySettingsField>,
  formData: FormData,
): Promise<FormState<GallerySettingsField>> {
  const permit = await staffPermitted("owner");
  if (!permit.staff) return failedForm(permit.refusal);
  const values = typedValues(formData);
  const parsed = gallerySettingsSchema.safeParse(gallerySettingsFromForm(values));
  if (!parsed.success) return invalidForm(parsed.error, "The settings were not saved: please see below.", values);
  await saveGallerySettings(permit.staff, parsed.data);
  return doneForm("Settings saved. New enquiries get reply-by times by them; those already waiting keep theirs.", values);
}

export async function saveSaleSettingsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const permit = await staffPermitted("owner");
  if (!permit.staff) return failedForm(permit.refusal);
  const values = typedValues(formData);
  const parsed = saleSettingsSchema.safeParse(values);
  if (!parsed.success) return invalidForm(parsed.error, "The sale settings were not saved: please see below.", values);
  await saveSaleSettings(permit.staff, parsed.data);
  return doneForm("Sale settings saved. New offers, holds and invoices follow them; invoices already issued keep what they say.", values);
}

export async function saveRetentionSettingsAction(
  _previous: FormState<RetentionSettingsField>,
  formData: FormData,
): Promise<FormState<RetentionSettingsField>> {
  const permit = await staffPermitted("owner");
  if (!permit.staff) return failedForm(permit.refusal);
  const values = typedValues(formData);
  const parsed = retentionSettingsSchema.safeParse(values);
  if (!parsed.success) return invalidForm(parsed.error, "The retention settings were not saved: please see below.", values);
  await saveRetentionSettings(permit.staff, parsed.data);
  return doneForm("Saved. Spam and digest emails past these periods are deleted in the next daily clean-up.", values);
}
