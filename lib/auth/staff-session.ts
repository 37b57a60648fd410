import "server-only";
import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { logger } from "@/lib/logger";
import { clientIpFrom, clientTag } from "@/lib/http/request-info";
import { staffAuth, STAFF_SESSION_IDLE_SECONDS } from "./auth";
import { spendPasswordCheckTime } from "./equal-time";
import { NOT_PERMITTED, requireRole, roleAllows, type StaffMember, type StaffRole } from "@/lib/staff/roles";
import {
  endStaffSession,
  isStaffAccountDisabled,
  readActiveStaffRole,
  touchStaffSession,
  upgradeStaffPasswordHash,
} from "@/lib/data/staff-accounts";
import { clearSignInFailures, takeSignInAttempt } from "@/lib/data/sign-in-throttle";

export const SIGN_IN_PATH = "/staff/sign-in";

/** How stale a session's "last seen" may get before a request records itself: one write per session every few minutes. */
const TOUCH_AFTER_MS = 5 * 60_000;

/**
 * The signed-in staff member for this request, or null. Read once per request. A session idle for
 * longer than STAFF_SESSION_IDLE_SECONDS is ended here (its row deleted, so the cookie is worthless);
 * the absolute limit is the session's own expiry, set at sign-in and never extended.
 */
export const currentStaff = cache(async (): Promise<StaffMember | null> => {
  const session = await staffAuth().api.getSession({ headers: await headers() });
  if (!session) return null;
  const idleMs = Date.now() - new Date(session.session.updatedAt).getTime();
  if (idleMs > STAFF_SESSION_IDLE_SECONDS * 1000) {
    await endStaffSession(session.session.id);
    return null;
  }
  if (idleMs > TOUCH_AFTER_MS) await touchStaffSession(session.session.id);
  // Read afresh each request (not from the session): a changed role or a disabled account counts at once.
  const role = await readActiveStaffRole(session.user.id);
  if (!role) return null;
  return { id: session.user.id, name: session.user.name, email: session.user.email, role };
});

/**
 * Every staff page, server action, route handler and data function calls this itself: the proxy's
 * redirect is only a convenience. Signed out, the answer is a redirect to sign in, revealing nothing.
 * `needed` is the least role allowed: any account reads ("viewer", the default); changes need
 * "staff"; staff accounts and settings need "owner". A member without it gets StaffNotPermitted
 * (actions check first with staffPermitted, and answer with a message instead).
 */
export async function requireStaff(needed: StaffRole = "viewer"): Promise<StaffMember> {
  const staff = await currentStaff();
  if (!staff) redirect(SIGN_IN_PATH);
  return requireRole(staff, needed);
}

/** For actions: the member if their role allows `needed`, else the sentence to answer with (signed out: to sign in). */
export async function staffPermitted(
  needed: Exclude<StaffRole, "viewer">,
): Promise<{ staff: StaffMember; refusal?: undefined } | { staff?: undefined; refusal: string }> {
  const staff = await currentStaff();
  if (!staff) redirect(SIGN_IN_PATH);
  return roleAllows(staff.role, needed) ? { staff } : { refusal: NOT_PERMITTED[needed] };
}

/**
 * One line per sign-in, refusal and throttle, for whoever watches the server's log. The client is a
 * keyed hash of its address (comparable across lines, not an address).
 */
function securityLog(event: string, details: { account: string; client: string; why?: string; waitMinutes?: number }): void {
  logger[event === "staff signed in" ? "info" : "warn"]({ security: event, ...details, client: clientTag(details.client) }, event);
}

export type SignInOutcome = { ok: true } | { ok: false; reason: "invalid" } | { ok: false; reason: "throttled"; retryAfterMinutes: number };

/** Signs in and sets the session cookie, or says why not — one generic reason for any wrong detail. */
export async function signInStaff(email: string, password: string): Promise<SignInOutcome> {
  const requestHeaders = await headers();
  const accountKey = email.trim().toLowerCase();
  const connectionKey = clientIpFrom(requestHeaders) ?? "unknown";
  const waitMinutes = await takeSignInAttempt(accountKey, connectionKey);
  if (waitMinutes !== null) {
    securityLog("staff sign-in throttled", { account: accountKey, client: connectionKey, waitMinutes });
    return { ok: false, reason: "throttled", retryAfterMinutes: waitMinutes };
  }
  // A disabled account gets the same answer as a wrong password, after as long: nothing about the account is revealed.
  if (await isStaffAccountDisabled(accountKey)) {
    await spendPasswordCheckTime(password);
    securityLog("staff sign-in refused", { account: accountKey, client: connectionKey, why: "disabled account" });
    return { ok: false, reason: "invalid" };
  }

  try {
    await staffAuth().api.signInEmail({ body: { email: accountKey, password, rememberMe: true }, headers: requestHeaders });
    await clearSignInFailures(accountKey, connectionKey);
    securityLog("staff signed in", { account: accountKey, client: connectionKey });
    if (await upgradeStaffPasswordHash(accountKey, password)) {
      logger.info({ security: "staff password hash upgraded", account: accountKey }, "staff password hash upgraded");
    }
    return { ok: true };
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    securityLog("staff sign-in refused", { account: accountKey, client: connectionKey, why: "wrong email or password" });
    return { ok: false, reason: "invalid" };
  }
}

export async function signOutStaff(): Promise<void> {
  await staffAuth().api.signOut({ headers: await headers() });
}

export type PasswordChangeOutcome = "changed" | "wrong-password" | { retryAfterMinutes: number };

/**
 * A signed-in member's new password. Guesses at the current password count against the same
 * allowance as sign-in guesses: a session left open on a shared computer must not become a way to
 * try passwords without limit.
 */
export async function changeStaffPassword(
  staff: StaffMember,
  currentPassword: string,
  newPassword: string,
): Promise<PasswordChangeOutcome> {
  const requestHeaders = await headers();
  const accountKey = staff.email.toLowerCase();
  const connectionKey = clientIpFrom(requestHeaders) ?? "unknown";
  const waitMinutes = await takeSignInAttempt(accountKey, connectionKey);
  if (waitMinutes !== null) return { retryAfterMinutes: waitMinutes };
  try {
    await staffAuth().api.changePassword({ body: { currentPassword, newPassword, revokeOtherSessions: true }, headers: requestHeaders });
    await clearSignInFailures(accountKey, connectionKey);
    return "changed";
  } catch (error) {
    if (error instanceof APIError) {
      logger.warn({ status: error.status, body: error.body }, "Password change refused");
      return "wrong-password";
    }
    throw error;
  }
}
