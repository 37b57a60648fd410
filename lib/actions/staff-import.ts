"use server";

import { staffPermitted } from "@/lib/auth/staff-session";
import { IMPORT_UPLOAD_PROBLEMS, importReportMessage } from "@/lib/catalogue/import/report-message";
import { applyStagedImport } from "@/lib/data/catalogue-import";
import { type ImportReport } from "@/lib/catalogue/import/import-report";
import { refreshCatalogue } from "@/lib/catalogue-cache/refresh-catalogue";
import { applyImportSchema } from "@/lib/validations/catalogue-import";
import type { FormState } from "@/lib/validations/form-state";
import { failedForm } from "./form-results";

export type ImportApplyState = FormState<"upload", ImportReport>;

/** Imports the file a dry run read (staged by the upload route), exactly as previewed. */
export async function applyImport(_previous: ImportApplyState, formData: FormData): Promise<ImportApplyState> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const parsed = applyImportSchema.safeParse({ upload: formData.get("upload") });
  if (!parsed.success) return failedForm(IMPORT_UPLOAD_PROBLEMS["not-kept"]!);
  const report = await applyStagedImport(permit.staff, parsed.data.upload);
  if (!report) return failedForm(IMPORT_UPLOAD_PROBLEMS["not-kept"]!);
  if (report.applied) refreshCatalogue({ everything: true }, "action");
  return { status: report.fileError ? "error" : "done", message: importReportMessage(report), fieldErrors: {}, values: {}, result: report };
}
