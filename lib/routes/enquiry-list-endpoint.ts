import "server-only";
import { cookies } from "next/headers";
import { workLabel } from "@/lib/catalogue/describe";
import { readListedArtworks } from "@/lib/data/catalogue";
import { serverEnv } from "@/lib/env";
import { readFormWithin, UnreadableBody } from "@/lib/http/request-body";
import { fromThisSite } from "@/lib/http/same-origin";
import { enquiryListChangeSchema, type EnquiryListAnswer } from "@/lib/validations/enquiry-list";
import {
  changeEnquiryList,
  ENQUIRY_LIST_COOKIE,
  enquiryListCookieOptions,
  enquiryListCookieValue,
  readEnquiryList,
} from "@/lib/enquiries/enquiry-list";
import { enquiryListNotice, type EnquiryListNotice } from "@/lib/enquiries/enquiry-list-notices";

const PRIVATE = { "Cache-Control": "private, no-store" };

/**
 * Adds a work to the collector's enquiry list, takes one off, or empties it. Every "Add to my
 * enquiry" button is an ordinary form posting here: without JavaScript the answer is a 303 to the
 * list page, which says what happened; the buttons' script posts with `Accept: application/json`
 * and updates the page in place. Only works the catalogue shows can be added.
 */
export async function enquiryListEndpoint(request: Request): Promise<Response> {
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  if (!fromThisSite(request.headers)) return plain(403, "Your enquiry list can be changed only from this site's own pages.", wantsJson);
  let formData: FormData;
  try {
    formData = await readFormWithin(request, 8 * 1024);
  } catch (error) {
    if (error instanceof UnreadableBody) return plain(error.status, error.message, wantsJson);
    throw error;
  }

  const env = serverEnv();
  const jar = await cookies();
  const before = readEnquiryList(jar.get(ENQUIRY_LIST_COOKIE)?.value, env.FORM_SIGNING_SECRET);
  const answer = (notice: EnquiryListNotice, ids: string[], label: string | null, workId: string | null, status = 200) => {
    if (wantsJson) {
      const body: EnquiryListAnswer = { ids, count: ids.length, message: enquiryListNotice(notice, label, ids.length), outcome: notice };
      return Response.json(body, { status, headers: PRIVATE });
    }
    const query = new URLSearchParams({ notice });
    if (workId) query.set("work", workId);
    return new Response(null, { status: 303, headers: { ...PRIVATE, Location: `/enquiry-list?${query}` } });
  };

  const parsed = enquiryListChangeSchema.safeParse({ intent: formData.get("intent"), workId: formData.get("workId") ?? undefined });
  if (!parsed.success) return answer("invalid", before, null, null, 400);
  const change = parsed.data;

  let label: string | null = null;
  if (change.intent !== "clear") {
    const [listed] = await readListedArtworks([change.workId]);
    if (listed?.state === "shown") label = workLabel(listed.work);
    else if (listed?.state === "hidden") label = workLabel(listed.label);
    // A work the catalogue no longer shows can be taken off a list, never put on one.
    if (change.intent === "add" && listed?.state !== "shown") return answer("unknown_work", before, null, null, 404);
  }
  const after = changeEnquiryList(before, change);
  if (after.ids !== before) {
    if (after.ids.length === 0) jar.delete(ENQUIRY_LIST_COOKIE);
    else
      jar.set(ENQUIRY_LIST_COOKIE, enquiryListCookieValue(after.ids, env.FORM_SIGNING_SECRET), enquiryListCookieOptions(env.secureCookies));
  }
  return answer(after.outcome, after.ids, label, change.intent === "clear" ? null : change.workId, after.outcome === "full" ? 409 : 200);
}

function plain(status: number, message: string, wantsJson: boolean): Response {
  return wantsJson
    ? Response.json({ message }, { status, headers: PRIVATE })
    : new Response(message, { status, headers: { ...PRIVATE, "Content-Type": "text/plain; charset=utf-8" } });
}
