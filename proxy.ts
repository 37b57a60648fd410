import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";

/**
 * A convenience only: sends visitors without a session cookie to the sign-in page early. Every
 * staff page, action and data function checks the session itself (lib/auth/staff-session.ts).
 */
export function proxy(request: NextRequest) {
  if (request.nextUrl.pathname === "/staff/sign-in") return NextResponse.next();
  if (!getSessionCookie(request)) {
    return NextResponse.redirect(new URL("/staff/sign-in", request.url));
  }
  return NextResponse.next();
}

export const config = { matcher: ["/staff/:path*"] };
