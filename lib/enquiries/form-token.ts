/**
 * A signed "form shown at" token. Bots post forms faster than anyone can type; a submission that
 * arrives sooner than the minimum fill time after the token was issued, or with a token that was
 * not signed here, is quietly dropped (and shown success, so the bot learns nothing).
 *
 * Two kinds:
 * - a visitor's own token (the enquiry page, made per visit, and the token the form's script
 *   fetches on load): one person, one enquiry; a second use is flagged;
 * - a page copy's token, built into a pre-rendered work page that every visitor without JavaScript
 *   shares until the page is made again (hourly, so it is never old): one use passes like any
 *   token; a further one is kept for staff with a reason that says a second visitor may have sent it.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export type FormTokenKind = "visitor" | "page";

const PAGE_MARK = "page";

function signature(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(payload).digest("base64url");
}

export function issueFormToken(secret: string, now = Date.now(), kind: FormTokenKind = "visitor"): string {
  return signedFormToken(secret, { issuedAt: now, nonce: randomBytes(9).toString("base64url"), kind });
}

/** A token for that moment, nonce and kind, signed with the secret. */
export function signedFormToken(secret: string, token: { issuedAt: number; nonce: string; kind: FormTokenKind }): string {
  const parts = [token.issuedAt.toString(36), token.nonce];
  if (token.kind === "page") parts.push(PAGE_MARK);
  const payload = parts.join(".");
  return `${payload}.${signature(payload, secret)}`;
}

/** The token built into a pre-rendered page's form, shared by that copy's visitors without JavaScript. */
export function issuePageFormToken(secret: string): string {
  return issueFormToken(secret, Date.now(), "page");
}

export type FormTokenCheck = { valid: false } | { valid: true; issuedAt: number; nonce: string; kind: FormTokenKind };

export function readFormToken(token: string | null | undefined, secret: string): FormTokenCheck {
  if (!token || token.length > 200) return { valid: false };
  const parts = token.split(".");
  if (parts.length !== 3 && !(parts.length === 4 && parts[2] === PAGE_MARK)) return { valid: false };
  const given = parts.pop()!;
  const expected = Buffer.from(signature(parts.join("."), secret));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return { valid: false };
  const [issued, nonce] = parts as [string, string];
  const issuedAt = parseInt(issued, 36);
  if (!Number.isFinite(issuedAt)) return { valid: false };
  return { valid: true, issuedAt, nonce, kind: parts.length === 3 ? "page" : "visitor" };
}
