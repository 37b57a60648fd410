"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/staff-session";
import { refreshCatalogue } from "@/lib/data/revalidate-catalogue";
import { moveArtwork, moveSection, setArtworkPublished, updateArtwork, updateExhibition, updateSection } from "@/lib/data/staff-catalogue";
import { removePhotograph } from "@/lib/data/staff-photographs";
import { artworkEditInput, artworkEditSchema, exhibitionEditSchema, sectionEditSchema } from "@/lib/validations/artwork-edit";
import type { FormState } from "@/lib/validations/staff-forms";

const idSchema = z.string().min(1).max(64);
const directionSchema = z.enum(["up", "down"]);

function stringValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string" && !key.startsWith("$")) values[key] = value;
  return values;
}

export async function saveArtwork(_previous: FormState, formData: FormData): Promise<FormState> {
  await requireStaff();
  const parsed = artworkEditSchema.safeParse(artworkEditInput(formData));
  if (!parsed.success) {
    return {
      status: "invalid",
      message: "Nothing was saved: please correct the fields marked below.",
      fieldErrors: z.flattenError(parsed.error).fieldErrors,
      values: stringValues(formData),
    };
  }
  const change = await updateArtwork(parsed.data);
  if (!change)
    return {
      status: "error",
      message: "That work or section no longer exists; nothing was saved.",
      fieldErrors: {},
      values: stringValues(formData),
    };
  refreshCatalogue(change, "action");
  return { status: "done", message: "Saved. The public pages show the change now.", fieldErrors: {}, values: stringValues(formData) };
}

export async function toggleArtworkPublished(formData: FormData): Promise<void> {
  await requireStaff();
  const id = idSchema.parse(formData.get("id"));
  const change = await setArtworkPublished(id, formData.get("published") === "true");
  if (change) refreshCatalogue(change, "action");
  redirect("/staff/works");
}

export async function reorderArtwork(formData: FormData): Promise<void> {
  await requireStaff();
  const change = await moveArtwork(idSchema.parse(formData.get("id")), directionSchema.parse(formData.get("direction")));
  if (change) refreshCatalogue(change, "action");
  redirect("/staff/works");
}

export async function reorderSection(formData: FormData): Promise<void> {
  await requireStaff();
  const change = await moveSection(idSchema.parse(formData.get("id")), directionSchema.parse(formData.get("direction")));
  if (change) refreshCatalogue(change, "action");
  redirect("/staff/works");
}

export async function saveSection(_previous: FormState, formData: FormData): Promise<FormState> {
  await requireStaff();
  const parsed = sectionEditSchema.safeParse({
    id: formData.get("id"),
    title: formData.get("title") ?? "",
    introduction: formData.get("introduction") ?? "",
  });
  if (!parsed.success)
    return {
      status: "invalid",
      message: "The section was not saved.",
      fieldErrors: z.flattenError(parsed.error).fieldErrors,
      values: stringValues(formData),
    };
  const change = await updateSection(parsed.data);
  if (!change) return { status: "error", message: "That section no longer exists.", fieldErrors: {}, values: stringValues(formData) };
  refreshCatalogue(change, "action");
  return { status: "done", message: "Section saved.", fieldErrors: {}, values: stringValues(formData) };
}

export async function saveExhibition(_previous: FormState, formData: FormData): Promise<FormState> {
  await requireStaff();
  const parsed = exhibitionEditSchema.safeParse({
    id: formData.get("id"),
    title: formData.get("title") ?? "",
    summary: formData.get("summary") ?? "",
    introduction: formData.get("introduction") ?? "",
    published: formData.get("published") === "on",
  });
  if (!parsed.success)
    return {
      status: "invalid",
      message: "The exhibition was not saved.",
      fieldErrors: z.flattenError(parsed.error).fieldErrors,
      values: stringValues(formData),
    };
  const change = await updateExhibition(parsed.data);
  if (!change) return { status: "error", message: "That exhibition no longer exists.", fieldErrors: {}, values: stringValues(formData) };
  refreshCatalogue(change, "action");
  return { status: "done", message: "Exhibition saved.", fieldErrors: {}, values: stringValues(formData) };
}

export async function deletePhotograph(formData: FormData): Promise<void> {
  await requireStaff();
  const removed = await removePhotograph(idSchema.parse(formData.get("imageId")));
  if (!removed) redirect("/staff/works");
  refreshCatalogue(removed.change, "action");
  redirect(`/staff/works/${removed.artworkId}?photograph=removed`);
}
