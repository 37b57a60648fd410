/** better-auth's session cookie, by either of its names (lib/auth/auth.ts: `__Host-` over https). */
const STAFF_SESSION_COOKIE = /(?:^|;\s*)(?:__Host-)?better-auth\.session_token=/;

/**
 * The one check that a state-changing request came from a page of this site (every public form, the
 * enquiry and list endpoints, both staff uploads, the privacy export, and proxy.ts for every other POST).
 *
 * Browsers send Origin with every POST: a request from another site's page carries that site (or
 * "null"), and is refused; as Next.js does for server actions, the origin's host is compared with the
 * host the request was addressed to. Where a browser left Origin out, its Sec-Fetch-Site still says
 * whether the request crossed sites. A request with neither is no current browser's: without a staff
 * session it cannot be a forgery made in someone's name, and is let through (scripts, the tests'
 * own clients); with one it is refused, since a browser old enough to send neither header cannot be
 * told apart from another site's form.
 */
export function fromThisSite(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin === null) {
    const fetchSite = headers.get("sec-fetch-site");
    if (fetchSite === null) return !STAFF_SESSION_COOKIE.test(headers.get("cookie") ?? "");
    return fetchSite === "same-origin" || fetchSite === "none";
  }
  try {
    return new URL(origin).host === requestHost(headers);
  } catch {
    return false;
  }
}

/** The host the request was addressed to (behind a proxy, the one the browser used). */
export function requestHost(headers: Headers): string | null {
  return headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
}
