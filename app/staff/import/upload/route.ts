import { staffPermitted } from "@/lib/auth/staff-session";
import { PHOTOGRAPH_ARCHIVE_MAX_BYTES } from "@/lib/images/photograph-archive";
import { IMPORT_MAX_BYTES } from "@/lib/catalogue/import/read-rows";
import { stageImport } from "@/lib/data/catalogue-import";
import { FileTooLarge, readUploadWithin, UnreadableBody, type Upload } from "@/lib/http/request-body";
import { fromThisSite } from "@/lib/http/same-origin";
import { importUploadSchema } from "@/lib/validations/catalogue-import";

/**
 * A spreadsheet upload for the staff import, with a .zip of photographs if staff add one. A route
 * handler rather than a server action: the body is counted as it arrives and abandoned at its limit
 * (10 MB for the spreadsheet, 100 MB more for photographs) whatever Content-Length claims, and server actions
 * (whose limit applies to every form on the site, the public ones included) stay small. The file is
 * kept (staged) and the browser goes to its dry run; "Import" then applies that very file by its id.
 * A plain form post: works without JavaScript.
 */
export async function POST(request: Request) {
  // A viewer's post (a form they cannot see, sent by hand) changes nothing.
  const permit = await staffPermitted("staff");
  if (!permit.staff) return new Response(permit.refusal, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const back = (query: Record<string, string>) =>
    new Response(null, { status: 303, headers: { Location: `/staff/import?${new URLSearchParams(query)}`, "Cache-Control": "no-store" } });
  // A form on another site must not be able to upload with a staff member's cookie.
  if (!fromThisSite(request.headers)) return new Response("Forbidden", { status: 403 });

  let upload: Upload;
  try {
    // Each file counted as it arrives and stopped at its own limit.
    upload = await readUploadWithin(request, { file: IMPORT_MAX_BYTES, photographs: PHOTOGRAPH_ARCHIVE_MAX_BYTES });
  } catch (error) {
    if (error instanceof FileTooLarge) return back({ problem: error.field === "photographs" ? "photographs-too-large" : "too-large" });
    if (error instanceof UnreadableBody) return back({ problem: "unreadable" });
    throw error;
  }
  const choice = importUploadSchema.safeParse({
    target: upload.fields.target ?? "",
    newExhibitionTitle: upload.fields.newExhibitionTitle ?? "",
    sheet: upload.fields.sheet ?? "",
  });
  const target = (upload.fields.target ?? "").slice(0, 200);
  if (!choice.success) {
    const sheetRefused = choice.error.issues.some((issue) => issue.path[0] === "sheet");
    return back({ problem: sheetRefused ? "sheet-name" : "no-title", target });
  }
  const file = upload.files.file;
  if (!file || file.bytes.length === 0) return back({ problem: "missing", target, title: choice.data.newExhibitionTitle });
  const archive = upload.files.photographs && upload.files.photographs.bytes.length > 0 ? upload.files.photographs : null;

  const id = await stageImport(permit.staff, {
    fileName: file.fileName,
    content: file.bytes,
    target: choice.data.target,
    newExhibitionTitle: choice.data.newExhibitionTitle,
    sheet: choice.data.sheet,
    photographs: archive ? archive.bytes : null,
  });
  return back({ upload: id });
}
