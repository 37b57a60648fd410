import "server-only";
import { getArtwork } from "@/lib/catalogue-cache/cached-catalogue";
import { endedEnquiryListCookie } from "@/lib/enquiries/enquiry-list";
import { confirmationPathAfter } from "@/lib/enquiries/confirmation";
import { notStoredState, submitEnquiry, type SubmissionResult } from "@/lib/enquiry-intake/submit-enquiry";
import { logger } from "@/lib/logger";
import { deliverAfterResponse, deliverOutsideRequest } from "@/lib/jobs/deliver-after-response";
import { readFormWithin, UnreadableBody } from "@/lib/http/request-body";
import { fromThisSite, requestHost } from "@/lib/http/same-origin";
import { clientIpFrom } from "@/lib/http/request-info";
import { ENQUIRY_LIMITS, type EnquiryFormState } from "@/lib/validations/enquiry-fields";
import { contentSecurityPolicy, securityHeaders } from "@/lib/http/security-headers";
import { developing, siteServedOverHttps } from "@/lib/env";

/** The largest enquiry a person can type (every field at its limit, in four-byte characters), with room for the form's own fields. */
const MAX_FORM_BYTES = 4 * Object.values(ENQUIRY_LIMITS).reduce((sum, limit) => sum + limit, 0) + 16 * 1024;

const PRIVATE = { "Cache-Control": "private, no-store" };

/**
 * The enquiry's fast path, a route handler rather than the page's server action (whose framework
 * work alone costs several times this whole request). Both ways a collector sends the form end here:
 * - the form's script posts with `Accept: application/json` and gets the form state as JSON;
 * - a browser without JavaScript posts the form itself: success is a 303 to the confirmation page
 *   (Post/Redirect/Get); anything else is a 307 back to the page the form came from (a work's page,
 *   the enquiry page or the enquiry list), which replays
 *   the same post to the page's server action, so the page shows the mistakes beside the fields
 *   with everything typed kept. Only that rare path pays for a page render.
 */
export async function enquiryEndpoint(
  request: Request,
  { deliver = deliverAfterResponse }: { deliver?: (outboxIds: string[]) => void } = {},
): Promise<Response> {
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  const answer = (status: number, message: string) =>
    wantsJson
      ? Response.json({ error: message }, { status, headers: PRIVATE })
      : new Response(message, { status, headers: { ...PRIVATE, "Content-Type": "text/plain; charset=utf-8" } });
  if (!fromThisSite(request.headers)) return answer(403, "Enquiries are accepted only from this site's own pages.");

  let formData: FormData;
  try {
    formData = await readFormWithin(request, MAX_FORM_BYTES);
  } catch (error) {
    if (error instanceof UnreadableBody) return answer(error.status, error.message);
    throw error;
  }

  let state: EnquiryFormState;
  try {
    const result: SubmissionResult = await submitEnquiry(formData, { clientIp: clientIpFrom(request.headers), findArtwork: getArtwork });
    deliver(result.outboxIds);
    state = result.state;
  } catch (error) {
    logger.error({ err: error }, "An enquiry could not be stored");
    state = notStoredState(formData);
  }

  // The list's works are now one enquiry: the list starts again empty (the cookie is ended as
  // Next.js's cookies().delete() ends it, on the answer itself: this also runs outside Next.js, below).
  const listEnded = state.status === "sent" && formData.has("listedWorks") ? { "Set-Cookie": endedEnquiryListCookie() } : null;
  if (wantsJson) return Response.json(state, { headers: { ...PRIVATE, ...listEnded } });
  if (state.status === "sent")
    return new Response(null, { status: 303, headers: { ...PRIVATE, ...listEnded, Location: confirmationPathAfter(state, formData) } });
  // Only a form rendered by the page carries the page's action fields; a bare post has no page to go back to.
  if (![...formData.keys()].some((key) => key.startsWith("$ACTION"))) return answer(400, state.message);
  return new Response(null, { status: 307, headers: { ...PRIVATE, Location: formPage(request.headers, formData) } });
}

/** The page the form was on (its work's page, or the enquiry page), as the browser reported it. */
function formPage(headers: Headers, formData: FormData): string {
  const workSlug = formData.get("artworkSlug");
  const referer = headers.get("referer");
  if (referer) {
    try {
      const page = new URL(referer);
      if (page.host === requestHost(headers) && /^\/(works\/[a-z0-9-]+|enquire|enquiry-list)$/.test(page.pathname)) {
        // The list page's query only says what the last change to the list was: not worth repeating.
        return page.pathname === "/enquiry-list" ? page.pathname : `${page.pathname}${page.search}`;
      }
    } catch {
      // not an address: fall through
    }
  }
  if (formData.has("listedWorks")) return "/enquiry-list";
  return typeof workSlug === "string" && /^[a-z0-9-]{1,200}$/.test(workSlug) ? `/works/${workSlug}` : "/enquire";
}

/**
 * The same endpoint, answered by the gallery's own server (scripts/build/warm-server.mjs) before Next.js's
 * request handling: the enquiry is the one request a busy day brings hundreds of a second, and Next.js's
 * routing, its request and response adapters and a fresh cache object per request cost about as much as
 * the enquiry itself (one web process, one enquiry at a time: 7.1 CPU-ms through Next.js, 4.0 here). The answer carries the headers next.config.ts gives
 * every answer of /api/enquiries. Offered to that server by the route module (offerEnquiryEndpointToServer,
 * below); the route stays the way in wherever that server is not in front (next dev, Vercel).
 */
export async function enquiryEndpointOutsideNext(request: Request): Promise<Response> {
  const response = await enquiryEndpoint(request, { deliver: deliverOutsideRequest });
  const options = { https: siteServedOverHttps(), development: developing() };
  for (const { key, value } of securityHeaders(options)) response.headers.set(key, value);
  response.headers.set("Content-Security-Policy", contentSecurityPolicy(options));
  return response;
}

/**
 * Offers enquiryEndpointOutsideNext to the gallery's server, which is not part of the app's bundle, under
 * a name on globalThis. Called where the route module loads (app/api/enquiries/route.ts; the server's
 * warm-up loads it), so the endpoint shares that module's copies of the catalogue cache and the database
 * client rather than a bundle of its own.
 */
export function offerEnquiryEndpointToServer(): void {
  (globalThis as Record<symbol, unknown>)[Symbol.for("gallery.enquiryEndpoint")] = enquiryEndpointOutsideNext;
}
