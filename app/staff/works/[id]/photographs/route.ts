import type { PhotographOutcome } from "@/lib/staff/notices";
import { staffPermitted } from "@/lib/auth/staff-session";
import { fromThisSite } from "@/lib/http/same-origin";
import { refreshCatalogue } from "@/lib/catalogue-cache/refresh-catalogue";
import { addPhotograph } from "@/lib/data/staff/work-photographs";
import { serverEnv } from "@/lib/env";
import { MAX_UPLOAD_BYTES, PhotographError, PhotographNotStored } from "@/lib/images/photograph-files";
import { storageFailure } from "@/lib/data/database-errors";
import { readFormWithin, UnreadableBody } from "@/lib/http/request-body";

type Context = { params: Promise<{ id: string }> };

/**
 * Photograph upload. A route handler rather than a server action, because server actions cap request
 * bodies at 1 MB; the form posts here directly and works without JavaScript.
 */
export async function POST(request: Request, { params }: Context) {
  // A viewer's post (a form they cannot see, sent by hand) changes nothing.
  const permit = await staffPermitted("staff");
  if (!permit.staff) return new Response(permit.refusal, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const { id } = await params;
  const back = (outcome: PhotographOutcome) =>
    Response.redirect(new URL(`/staff/works/${encodeURIComponent(id)}?photograph=${outcome}`, serverEnv().SITE_URL), 303);
  // A form on another site must not be able to upload with a staff member's cookie.
  if (!fromThisSite(request.headers)) return new Response("Forbidden", { status: 403 });
  let file: FormDataEntryValue | null;
  try {
    // Counted as it arrives, whatever Content-Length claims: a chunked body stops at the limit.
    file = (await readFormWithin(request, MAX_UPLOAD_BYTES + 64 * 1024)).get("photograph");
  } catch (error) {
    if (error instanceof UnreadableBody) return back(error.status === 413 ? "too-large" : "unreadable");
    throw error;
  }
  if (!(file instanceof File) || file.size === 0) return back("missing");
  try {
    const change = await addPhotograph(permit.staff, id, file.name, Buffer.from(await file.arrayBuffer()));
    if (!change) return new Response("Not found", { status: 404 });
    refreshCatalogue(change, "route");
    return back("added");
  } catch (error) {
    if (error instanceof PhotographNotStored || storageFailure(error)) return back("not-stored");
    if (error instanceof PhotographError) return back(error.message.includes("larger") ? "too-large" : "not-an-image");
    throw error;
  }
}
