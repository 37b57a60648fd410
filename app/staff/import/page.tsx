import type { Metadata } from "next";
import { ImportPanel } from "@/components/staff/import-panel";
import { ImportUploadForm } from "@/components/staff/import-upload-form";
import { roleAllows } from "@/lib/staff/roles";
import { requireStaff } from "@/lib/auth/staff-session";
import { IMPORT_UPLOAD_PROBLEMS, importReportMessage } from "@/lib/catalogue/import/report-message";
import { previewStagedImport } from "@/lib/data/catalogue-import";
import { listExhibitionsForStaff } from "@/lib/data/staff/catalogue-editing";
import { applyImportSchema } from "@/lib/validations/catalogue-import";

export const metadata: Metadata = { title: "Import a spreadsheet", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const text = (value: string | string[] | undefined) => (typeof value === "string" ? value.slice(0, 200) : "");

export default async function ImportPage({ searchParams }: Props) {
  const staff = await requireStaff();
  if (!roleAllows(staff.role, "staff")) {
    return (
      <>
        <h1 className="text-3xl font-semibold">Import a spreadsheet</h1>
        <p className="mt-4 font-sans">Your account can read only: importing needs a staff or owner account.</p>
      </>
    );
  }
  const params = await searchParams;
  const upload = applyImportSchema.safeParse({ upload: params.upload });
  const preview = upload.success ? await previewStagedImport(staff, upload.data.upload) : null;
  const message = preview
    ? importReportMessage(preview.report)
    : params.upload !== undefined
      ? IMPORT_UPLOAD_PROBLEMS["not-kept"]!
      : (IMPORT_UPLOAD_PROBLEMS[text(params.problem)] ?? "");
  const exhibitions = await listExhibitionsForStaff(staff);
  return (
    <>
      <h1 className="text-3xl font-semibold">Import a spreadsheet</h1>
      <p className="mt-2 mb-6 max-w-2xl font-sans text-ink-soft">
        Read your catalogue spreadsheet first: you see what would be created or updated, and every row that can’t be read, with the reason.
        Nothing is written until you press Import. Importing the same file again changes nothing.
      </p>
      <div className="max-w-3xl">
        <ImportPanel message={message} preview={preview ? { uploadId: preview.staged.id, report: preview.report } : null}>
          <ImportUploadForm
            exhibitions={exhibitions}
            target={preview?.staged.target ?? text(params.target)}
            newExhibitionTitle={preview?.staged.newExhibitionTitle ?? text(params.title)}
            sheet={preview?.staged.sheet ?? ""}
          />
        </ImportPanel>
      </div>
    </>
  );
}
