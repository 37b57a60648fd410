import { requireStaff } from "@/lib/auth/staff-session";
import { IMPORT_MAX_BYTES } from "@/lib/catalogue/import/read-rows";
import { stageImport } from "@/lib/data/catalogue-import";
import { readFormWithin, fromThisSite, UnreadableBody } from "@/lib/request-body";
import { importUploadSchema } from "@/lib/validations/catalogue-import";

/** Room for the form's own fields beside the file. */
const FORM_FIELDS_BYTES = 64 * 1024;

/**
 * A spreadsheet upload for the staff import. A route handler rather than a server action: the body is
 * counted as it arrives and abandoned at 10 MB whatever Content-Length claims, and server actions
 * (whose limit applies to every form on the site, the public ones included) stay small. The file is
 * kept (staged) and the browser goes to its dry run; "Import" then applies that very file by its id.
 * A plain form post: works without JavaScript.
 */
export async function POST(request: Request) {
  await requireStaff();
  const back = (query: Record<string, string>) =>
    new Response(null, { status: 303, headers: { Location: `/staff/import?${new URLSearchParams(query)}`, "Cache-Control": "no-store" } });
  // A form on another site must not be able to upload with a staff member's cookie.
  if (!fromThisSite(request.headers)) return new Response("Forbidden", { status: 403 });

  let form: FormData;
  try {
    form = await readFormWithin(request, IMPORT_MAX_BYTES + FORM_FIELDS_BYTES);
  } catch (error) {
    if (error instanceof UnreadableBody) return back({ problem: error.status === 413 ? "too-large" : "unreadable" });
    throw error;
  }
  const choice = importUploadSchema.safeParse({
    target: form.get("target") ?? "",
    newExhibitionTitle: typeof form.get("newExhibitionTitle") === "string" ? form.get("newExhibitionTitle") : "",
    sheet: typeof form.get("sheet") === "string" ? form.get("sheet") : "",
  });
  const target = typeof form.get("target") === "string" ? String(form.get("target")).slice(0, 200) : "";
  if (!choice.success) {
    const sheetRefused = choice.error.issues.some((issue) => issue.path[0] === "sheet");
    return back({ problem: sheetRefused ? "sheet-name" : "no-title", target });
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return back({ problem: "missing", target, title: choice.data.newExhibitionTitle });
  if (file.size > IMPORT_MAX_BYTES) return back({ problem: "too-large", target, title: choice.data.newExhibitionTitle });

  const id = await stageImport({
    fileName: file.name,
    content: new Uint8Array(await file.arrayBuffer()),
    target: choice.data.target,
    newExhibitionTitle: choice.data.newExhibitionTitle,
    sheet: choice.data.sheet,
  });
  return back({ upload: id });
}
