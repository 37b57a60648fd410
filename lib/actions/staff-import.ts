"use server";

import { staffPermitted } from "@/lib/auth/staff-session";
import { IMPORT_UPLOAD_PROBLEMS, importReportMessage } from "@/lib/catalogue/import/report-message";
import { applyStagedImport } from "@/lib/data/catalogue-import";
import { storageFailure } from "@/lib/data/database-errors";
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
  let report: ImportReport | null;
  try {
    report = await applyStagedImport(permit.staff, parsed.data.upload);
  } catch (error) {
    // Before a row was written (the file could not even be claimed): said plainly, nothing half-done.
    const failure = storageFailure(error);
    if (!failure) throw error;
    return failedForm(`Nothing imported: ${failure}. Free space (or wait for the database to return), then read the file again.`);
  }
  if (!report) return failedForm(IMPORT_UPLOAD_PROBLEMS["not-kept"]!);
  if (report.applied) refreshCatalogue({ everything: true }, "action");
  return {
    status: report.fileError || report.stopReason ? "error" : "done",
    message: importReportMessage(report),
    fieldErrors: {},
    values: {},
    result: report,
  };
}
