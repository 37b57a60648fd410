import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { developing, siteServedOverHttps } from "@/lib/env";
import { fromThisSite } from "@/lib/http/same-origin";
import { contentSecurityPolicy, madePerRequest } from "@/lib/http/security-headers";

function refuse(status: number, message: string): NextResponse {
  return new NextResponse(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * The largest form a public page takes (the enquiry form with every field at its limit is well under
 * it). A chunked body, which has no length to check here, meets Next.js's limit for every server
 * action instead (256 KB, next.config.ts).
 */
const PUBLIC_FORM_MAX_BYTES = 64 * 1024;

/**
 * Runs before the pages made per request, before any address containing "%", and before requests that
 * carry an Origin (browsers send one with every POST) or a body. Six jobs:
 * - a public page refuses a posted body over 64 KB with 413 before its server action reads it;
 * - a form body that is not a readable multipart form gets a 400, not Next's 500;
 * - a form posted to a page from another site (a server action with `Origin: https://evil.example` or
 *   `Origin: null`) gets a 403: Next.js refuses it too, but as a 500 server error;
 * - an address with broken percent-encoding gets a 400 (Next.js would answer its dynamic routes with a 500);
 * - a convenience only: visitors to /staff without a session cookie go to the sign-in page early. Every
 *   staff page, action and data function checks the session itself (lib/auth/staff-session.ts);
 * - a page made per request gets a Content-Security-Policy with a fresh nonce, which Next.js puts on
 *   its own scripts (lib/http/security-headers.ts says why the pre-rendered pages cannot have one).
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (
    request.method === "POST" &&
    !pathname.startsWith("/staff") &&
    Number(request.headers.get("content-length") ?? 0) > PUBLIC_FORM_MAX_BYTES
  ) {
    return refuse(413, "That form is too large to send (more than 64 KB): please shorten what you wrote, or email the gallery instead.");
  }
  if (request.method === "POST" && !fromThisSite(request.headers)) {
    return refuse(403, "Forms are accepted only from this site's own pages.");
  }
  if (!decodable(pathname)) {
    return refuse(400, "Bad request: that address is not valid.");
  }
  // The sign-in page, and an invitation's page (its link is the proof), are for people without a session.
  // Before any body is read: a stranger's post to /staff is sent away unread.
  if (
    pathname.startsWith("/staff") &&
    pathname !== "/staff/sign-in" &&
    !pathname.startsWith("/staff/invitation/") &&
    !hasStaffSessionCookie(request)
  ) {
    return NextResponse.redirect(new URL("/staff/sign-in", request.url), 303);
  }
  // Next.js reads a multipart POST to a page as a form's server action, and answers one it cannot
  // parse with a 500 (found by the fuzzer): read it here first, and call a broken one what it is.
  if (request.method === "POST" && /^multipart\/form-data/i.test(request.headers.get("content-type") ?? "")) {
    try {
      await request.clone().formData();
    } catch {
      return refuse(400, "That form could not be read.");
    }
  }
  return madePerRequest(pathname) ? withNoncePolicy(request) : NextResponse.next();
}

/** Next.js finds the nonce in the request's policy header and writes it on every script of the page. */
function withNoncePolicy(request: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const policy = contentSecurityPolicy({ https: siteServedOverHttps(), development: developing(), nonce });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

/** Over https the cookie is `__Host-better-auth.session_token` (lib/auth/auth.ts), over http its plain name. */
function hasStaffSessionCookie(request: NextRequest): boolean {
  return Boolean(getSessionCookie(request) ?? getSessionCookie(request, { cookiePrefix: "__Host-better-auth" }));
}

// Only addresses with a "%" can fail to decode, and only requests with an Origin can come from another
// site's page: ordinary page views never pass through here. The enquiry endpoint (/api) checks its own.
// Nor do photograph and spreadsheet uploads: Next.js holds a body that passes through here in memory and
// cuts it at 10 MB; the upload routes check the session and the origin themselves, and count the body
// as it arrives.
export const config = {
  matcher: [
    "/staff",
    "/staff/((?!works/[^/]+/photographs$|import/upload$).*)",
    // The other pages made per request, for their nonce (PER_REQUEST_PAGE_PREFIXES).
    "/follow/:path*",
    "/enquire",
    "/enquire/:path*",
    "/enquiry-list",
    "/enquiry-list/:path*",
    "/offers/:path*",
    "/viewings/:path*",
    "/alerts/:path*",
    "/reserve/:path*",
    "/rooms/:path*",
    "/search",
    "/search/:path*",
    "/(.*%.*)",
    { source: "/((?!api/|_next/|staff/works/[^/]+/photographs$|staff/import/upload$).*)", has: [{ type: "header", key: "origin" }] },
    // A body (GETs carry none): its size and form are checked before the page's action reads it.
    {
      source: "/((?!api/|_next/|staff/works/[^/]+/photographs$|staff/import/upload$).*)",
      has: [{ type: "header", key: "content-length" }],
    },
    { source: "/((?!api/|_next/|staff/works/[^/]+/photographs$|staff/import/upload$).*)", has: [{ type: "header", key: "content-type" }] },
  ],
};
