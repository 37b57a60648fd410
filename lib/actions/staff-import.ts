"use server";

import { z } from "zod";
import { requireStaff } from "@/lib/auth/staff-session";
import { importCatalogue, staffImportActor, type ImportReport } from "@/lib/data/catalogue-import";
import { refreshCatalogue } from "@/lib/data/revalidate-catalogue";

export type ImportFormState = { report: ImportReport | null; csv: string; target: string; newExhibitionTitle: string; message: string };

const MAX_CSV_BYTES = 4 * 1024 * 1024;

const importRequestSchema = z.object({
  intent: z.enum(["preview", "apply"]),
  target: z.string().max(200),
  newExhibitionTitle: z.string().trim().max(200),
});

/** Upload and dry run ("preview"), then import the very text that was previewed ("apply"). */
export async function runImport(previous: ImportFormState, formData: FormData): Promise<ImportFormState> {
  await requireStaff();
  const intent = formData.get("intent");
  // An import goes exactly where its dry run said: the previewed target travels with the previewed text.
  const request = importRequestSchema.safeParse({
    intent,
    target: (intent === "apply" ? formData.get("previewedTarget") : formData.get("target")) ?? "",
    newExhibitionTitle: (intent === "apply" ? formData.get("previewedNewExhibitionTitle") : formData.get("newExhibitionTitle")) ?? "",
  });
  if (!request.success) return { ...previous, message: "That request was not understood; nothing was imported." };
  const { target, newExhibitionTitle } = request.data;

  let csv = "";
  const file = formData.get("file");
  if (request.data.intent === "preview" && file instanceof File && file.size > 0) {
    if (file.size > MAX_CSV_BYTES) return { ...previous, report: null, message: "That file is larger than 4 MB; nothing was read." };
    csv = await file.text();
  } else {
    csv = String(formData.get("csv") ?? "");
  }
  if (!csv.trim()) return { report: null, csv: "", target, newExhibitionTitle, message: "Choose a CSV file to read first." };
  if (target === "new" && !newExhibitionTitle)
    return { report: null, csv, target, newExhibitionTitle, message: "Give the new exhibition a title." };

  const report = await importCatalogue(
    csv,
    target === "new" ? { newExhibitionTitle } : { exhibitionSlug: target || undefined },
    { apply: request.data.intent === "apply" },
    await staffImportActor(),
  );
  if (report.applied) refreshCatalogue({ everything: true }, "action");
  const message = report.fileError
    ? `Nothing imported: ${report.fileError}`
    : report.applied
      ? `Imported: ${report.counts.create} created, ${report.counts.update} updated, ${report.counts.unchanged} unchanged, ${report.counts.errors} rows not readable and skipped.`
      : `Dry run: ${report.counts.create} to create, ${report.counts.update} to update, ${report.counts.unchanged} unchanged, ${report.counts.errors} not readable. Nothing has been written yet.`;
  return { report, csv: report.applied ? "" : csv, target, newExhibitionTitle, message };
}
