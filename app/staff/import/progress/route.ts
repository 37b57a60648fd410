import { staffPermitted } from "@/lib/auth/staff-session";
import { stagedImportProgress } from "@/lib/data/catalogue-import";
import { applyImportSchema } from "@/lib/validations/catalogue-import";

const NOT_CACHED = { "Cache-Control": "private, no-store" };

/** Rows written so far by the import the staff page is waiting for (it asks twice a second). */
export async function GET(request: Request) {
  // A viewer cannot import, so has no import to follow: told so, not answered with an error.
  const permit = await staffPermitted("staff");
  if (!permit.staff)
    return new Response(permit.refusal, { status: 403, headers: { ...NOT_CACHED, "Content-Type": "text/plain; charset=utf-8" } });
  const parsed = applyImportSchema.safeParse({ upload: new URL(request.url).searchParams.get("upload") });
  const progress = parsed.success ? await stagedImportProgress(permit.staff, parsed.data.upload) : null;
  return Response.json(progress ?? { done: 0, total: 0 }, { headers: NOT_CACHED });
}
