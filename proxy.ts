import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";

function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs before /staff and before any address containing "%". Two jobs:
 * - an address with broken percent-encoding gets a 400 (Next.js would answer its dynamic routes with a 500);
 * - a convenience only: visitors to /staff without a session cookie go to the sign-in page early. Every
 *   staff page, action and data function checks the session itself (lib/auth/staff-session.ts).
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (!decodable(pathname)) {
    return new NextResponse("Bad request: that address is not valid.", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  if (pathname.startsWith("/staff") && pathname !== "/staff/sign-in" && !getSessionCookie(request)) {
    return NextResponse.redirect(new URL("/staff/sign-in", request.url));
  }
  return NextResponse.next();
}

// Only addresses with a "%" can fail to decode: ordinary page requests never pass through here.
export const config = { matcher: ["/staff/:path*", "/(.*%.*)"] };
