import "server-only";
import { betterAuth } from "better-auth";
import { nextCookies } from "better-auth/next-js";
import { STAFF_MIN_PASSWORD_LENGTH } from "@/lib/staff/roles";
import { staffAuthDatabase } from "@/lib/data/staff-auth-database";
import { serverEnv } from "@/lib/env";
import { hashStaffPassword, verifyStaffPassword } from "@/lib/passwords/password-hashing";

/** A session ends this long after sign-in, however busy (an absolute limit: better-auth never extends it). */
export const STAFF_SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;
/** …and after this long without a request (lib/auth/staff-session.ts checks it on every request). */
export const STAFF_SESSION_IDLE_SECONDS = 60 * 60;

const STAFF_COOKIES = ["session_token", "session_data", "dont_remember", "account_data"] as const;

/**
 * Over https every staff cookie is named `__Host-…`: the browser then accepts it only when it is
 * Secure, for the whole site (Path=/) and for this host alone (no Domain), so no other site on a
 * sibling subdomain can plant or overwrite a staff session. (better-auth's own secure mode gives
 * only `__Secure-`, which allows a Domain; the name keeps "better-auth.", which the nginx cache
 * bypass in deploy/ looks for.) Over plain http on this machine, browsers refuse such cookies.
 */
export function staffCookieSettings(secure: boolean) {
  const defaultCookieAttributes = { httpOnly: true, sameSite: "lax" as const, secure, path: "/" };
  if (!secure) return { useSecureCookies: false, defaultCookieAttributes };
  const hostOnly = Object.fromEntries(
    STAFF_COOKIES.map((cookie) => [cookie, { name: `__Host-better-auth.${cookie}`, attributes: { secure: true, path: "/" } }]),
  );
  return { useSecureCookies: false, defaultCookieAttributes, cookies: hostOnly };
}

function createAuth() {
  const env = serverEnv();
  return betterAuth({
    appName: env.GALLERY_NAME,
    baseURL: env.SITE_URL,
    secret: env.BETTER_AUTH_SECRET,
    database: staffAuthDatabase(),
    // Staff accounts are created from the command line only; nobody can sign up on the site.
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      autoSignIn: false,
      minPasswordLength: STAFF_MIN_PASSWORD_LENGTH,
      maxPasswordLength: 256,
      // Argon2id at OWASP's cost; older scrypt hashes still verify and are replaced at sign-in.
      password: { hash: hashStaffPassword, verify: verifyStaffPassword },
    },
    session: { expiresIn: STAFF_SESSION_ABSOLUTE_SECONDS, disableSessionRefresh: true },
    // Sign-in is throttled in lib/auth/staff-session.ts, where failures are counted per address and connection.
    rateLimit: { enabled: false },
    advanced: staffCookieSettings(env.secureCookies),
    telemetry: { enabled: false },
    plugins: [nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { galleryAuth?: Auth };

/** The one better-auth instance, created on first use so configuration is read once, validated. */
export function staffAuth(): Auth {
  globalForAuth.galleryAuth ??= createAuth();
  return globalForAuth.galleryAuth;
}
