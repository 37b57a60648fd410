import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { fromThisSite } from "@/lib/request-body";

function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs before /staff, before any address containing "%", and before requests that carry an Origin
 * (browsers send one with every POST). Three jobs:
 * - a form posted to a page from another site (a server action with `Origin: https://evil.example` or
 *   `Origin: null`) gets a 403: Next.js refuses it too, but as a 500 server error;
 * - an address with broken percent-encoding gets a 400 (Next.js would answer its dynamic routes with a 500);
 * - a convenience only: visitors to /staff without a session cookie go to the sign-in page early. Every
 *   staff page, action and data function checks the session itself (lib/auth/staff-session.ts).
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (request.method === "POST" && !fromThisSite(request.headers)) {
    return new NextResponse("Forms are accepted only from this site's own pages.", {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  if (!decodable(pathname)) {
    return new NextResponse("Bad request: that address is not valid.", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  if (pathname.startsWith("/staff") && pathname !== "/staff/sign-in" && !getSessionCookie(request)) {
    return NextResponse.redirect(new URL("/staff/sign-in", request.url));
  }
  return NextResponse.next();
}

// Only addresses with a "%" can fail to decode, and only requests with an Origin can come from another
// site's page: ordinary page views never pass through here. The enquiry endpoint (/api) checks its own.
export const config = {
  matcher: ["/staff/:path*", "/(.*%.*)", { source: "/((?!api/|_next/).*)", has: [{ type: "header", key: "origin" }] }],
};
