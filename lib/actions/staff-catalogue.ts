"use server";

import type { PhotographOutcome } from "@/lib/staff/notices";
import { redirect } from "next/navigation";
import { staffPermitted } from "@/lib/auth/staff-session";
import { refreshCatalogue } from "@/lib/catalogue-cache/refresh-catalogue";
import {
  moveArtwork,
  moveSection,
  setArtworkPublished,
  updateArtwork,
  updateExhibition,
  updateSection,
} from "@/lib/data/staff/catalogue-editing";
import { movePhotograph, removePhotograph, setPhotographAlt } from "@/lib/data/staff/work-photographs";
import { artworkEditInput, artworkEditSchema, exhibitionEditSchema, sectionEditSchema } from "@/lib/validations/artwork-edit";
import {
  moveInCatalogueSchema,
  movePhotographSchema,
  NOT_UNDERSTOOD,
  photographAltSchema,
  publishArtworkSchema,
  removePhotographSchema,
  type FormState,
} from "@/lib/validations/staff-forms";
import { doneForm, failedForm, invalidForm, typedValues } from "./form-results";

export async function saveArtwork(_previous: FormState, formData: FormData): Promise<FormState> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const values = typedValues(formData);
  const parsed = artworkEditSchema.safeParse(artworkEditInput(formData));
  if (!parsed.success) return invalidForm(parsed.error, "Nothing was saved: please correct the fields marked below.", values);
  const change = await updateArtwork(permit.staff, parsed.data);
  if (!change) return failedForm("That work or section no longer exists; nothing was saved.", values);
  refreshCatalogue(change, "action");
  return doneForm("Saved. The public pages show the change now.", values);
}

export async function toggleArtworkPublished(_previous: FormState, formData: FormData): Promise<FormState> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const parsed = publishArtworkSchema.safeParse(typedValues(formData));
  if (!parsed.success) return failedForm(NOT_UNDERSTOOD);
  const change = await setArtworkPublished(permit.staff, parsed.data.id, parsed.data.published === "true");
  if (!change) return failedForm("That work no longer exists; nothing was changed.");
  refreshCatalogue(change, "action");
  redirect("/staff/works");
}

export async function reorderArtwork(_previous: FormState, formData: FormData): Promise<FormState> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const parsed = moveInCatalogueSchema.safeParse(typedValues(formData));
  if (!parsed.success) return failedForm(NOT_UNDERSTOOD);
  const change = await moveArtwork(permit.staff, parsed.data.id, parsed.data.direction);
  if (!change) return failedForm("That work no longer exists; nothing was moved.");
  refreshCatalogue(change, "action");
  redirect("/staff/works");
}

export async function reorderSection(_previous: FormState, formData: FormData): Promise<FormState> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const parsed = moveInCatalogueSchema.safeParse(typedValues(formData));
  if (!parsed.success) return failedForm(NOT_UNDERSTOOD);
  const change = await moveSection(permit.staff, parsed.data.id, parsed.data.direction);
  if (!change) return failedForm("That section no longer exists; nothing was moved.");
  refreshCatalogue(change, "action");
  redirect("/staff/works");
}

export async function saveSection(_previous: FormState, formData: FormData): Promise<FormState> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const values = typedValues(formData);
  const parsed = sectionEditSchema.safeParse({
    id: formData.get("id"),
    title: formData.get("title") ?? "",
    introduction: formData.get("introduction") ?? "",
  });
  if (!parsed.success) return invalidForm(parsed.error, "The section was not saved.", values);
  const change = await updateSection(permit.staff, parsed.data);
  if (!change) return failedForm("That section no longer exists.", values);
  refreshCatalogue(change, "action");
  return doneForm("Section saved.", values);
}

export async function saveExhibition(_previous: FormState, formData: FormData): Promise<FormState> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const values = typedValues(formData);
  const parsed = exhibitionEditSchema.safeParse({
    id: formData.get("id"),
    title: formData.get("title") ?? "",
    summary: formData.get("summary") ?? "",
    introduction: formData.get("introduction") ?? "",
    published: formData.get("published") === "on",
  });
  if (!parsed.success) return invalidForm(parsed.error, "The exhibition was not saved.", values);
  const change = await updateExhibition(permit.staff, parsed.data);
  if (!change) return failedForm("That exhibition no longer exists.", values);
  refreshCatalogue(change, "action");
  return doneForm("Exhibition saved.", values);
}

export async function deletePhotograph(_previous: FormState, formData: FormData): Promise<FormState> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const parsed = removePhotographSchema.safeParse(typedValues(formData));
  if (!parsed.success) return failedForm(NOT_UNDERSTOOD);
  const removed = await removePhotograph(permit.staff, parsed.data.imageId);
  if (!removed) return failedForm("That photograph was removed already.");
  refreshCatalogue(removed.change, "action");
  redirect(`/staff/works/${removed.artworkId}?photograph=${"removed" satisfies PhotographOutcome}`);
}

export async function savePhotographAlt(_previous: FormState, formData: FormData): Promise<FormState> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const values = typedValues(formData);
  const parsed = photographAltSchema.safeParse(values);
  if (!parsed.success) return invalidForm(parsed.error, "The description was not saved.", values);
  const saved = await setPhotographAlt(permit.staff, parsed.data.imageId, parsed.data.altText);
  if (!saved) return failedForm("That photograph was removed meanwhile.", values);
  refreshCatalogue(saved.change, "action");
  return doneForm("Description saved.", values);
}

export async function reorderPhotograph(_previous: FormState, formData: FormData): Promise<FormState> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const parsed = movePhotographSchema.safeParse(typedValues(formData));
  if (!parsed.success) return failedForm(NOT_UNDERSTOOD);
  const moved = await movePhotograph(permit.staff, parsed.data.imageId, parsed.data.direction);
  if (!moved) return failedForm("That photograph was removed meanwhile.");
  refreshCatalogue(moved.change, "action");
  redirect(`/staff/works/${moved.artworkId}?photograph=${"moved" satisfies PhotographOutcome}`);
}
