import { createHash } from "node:crypto";

/**
 * Limits held in the database (counted inside the enquiry's own transaction), so they apply across
 * server instances. Generous for people, useless for a script.
 */
const HOUR = 60 * 60;

/** A counter per key over a fixed window (per connection, per address): at most `points` enquiries in it. */
export type EnquiryLimit = { key: string; points: number };
export type EnquiryLimits = {
  windowSeconds: number;
  perConnection: EnquiryLimit | null;
  perEmail: EnquiryLimit;
  /** Counts the uses of one form token over its own window: never refuses, the count only flags. */
  formToken?: { key: string; windowSeconds: number };
  /** Counts every enquiry to the site per minute: never refuses, the count only flags. */
  acrossSite?: { key: string; windowSeconds: number };
};

/** More than this many enquiries from one connection within the hour are still accepted, but flagged. */
export const FLAG_AFTER_PER_CONNECTION = 3;

/**
 * clientKey (of the connection's address) and emailKey (emailLimitKey) are keyed hashes, never the
 * address itself: a limiter row says "this many from someone, until then", and is deleted when its
 * window ends (forgetExpiredConnectionData).
 */
export function enquiryLimits(clientKey: string | null, emailKey: string, formTokenNonce: string): EnquiryLimits {
  return {
    windowSeconds: HOUR,
    perConnection: clientKey ? { key: `enquiry-ip:${clientKey}`, points: 10 } : null,
    perEmail: { key: emailKey, points: 5 },
    // Kept as long as a token is young enough to pass unflagged, so a replay within that time is seen.
    formToken: { key: `form-token:${formTokenNonce}`, windowSeconds: FORM_TOKEN_MAX_AGE_HOURS * HOUR },
    acrossSite: { key: "enquiry-site", windowSeconds: 60 },
  };
}

/** The per-address limiter's key: a keyed hash of the mailbox, never the address itself. */
export function emailLimitKey(secret: string, email: string): string {
  return `enquiry-email:${createHash("sha256")
    .update([secret, "email", mailboxOf(email)].join("\u0000"))
    .digest("hex")
    .slice(0, 40)}`;
}

/** The flag reason a flood's enquiries carry; the staff inbox counts them by it. */
export const FLOOD_REASON_START = "more than the site's ceiling of";

/** A form token older than this still gets its enquiry stored, but flagged: an old copy of the page, or a scraped token. */
export const FORM_TOKEN_MAX_AGE_HOURS = 24;

/**
 * A pre-rendered work page is made again at most this often, so its form's token (shared by every
 * visitor without JavaScript until then) is never older than a day for a page anyone looks at.
 */
export const WORK_PAGE_REMADE_EVERY_SECONDS = 3600;

/**
 * The mailbox an address reaches, for the one-acknowledgement-a-day rule only: `anna+art@…` and
 * `anna@…` are one mailbox everywhere plus-addressing is used, and Gmail ignores dots in the name.
 * (The enquiry keeps the address exactly as typed.)
 */
export function mailboxOf(email: string): string {
  const at = email.lastIndexOf("@");
  let local = email.slice(0, at).toLowerCase().split("+")[0]!;
  let domain = email.slice(at + 1).toLowerCase();
  if (domain === "gmail.com" || domain === "googlemail.com") {
    local = local.replaceAll(".", "");
    domain = "gmail.com";
  }
  return `${local}@${domain}`;
}
