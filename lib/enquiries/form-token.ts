/**
 * A signed "form shown at" token. Bots post forms faster than anyone can type; a submission that
 * arrives sooner than the minimum fill time after the token was issued, or with a token that was
 * not signed here, is quietly dropped (and shown success, so the bot learns nothing).
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

function signature(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(payload).digest("base64url");
}

export function issueFormToken(secret: string, now = Date.now()): string {
  const payload = `${now.toString(36)}.${randomBytes(9).toString("base64url")}`;
  return `${payload}.${signature(payload, secret)}`;
}

export type FormTokenCheck = { valid: false } | { valid: true; issuedAt: number; nonce: string };

export function readFormToken(token: string | null | undefined, secret: string): FormTokenCheck {
  if (!token || token.length > 200) return { valid: false };
  const parts = token.split(".");
  if (parts.length !== 3) return { valid: false };
  const [issued, nonce, given] = parts as [string, string, string];
  const expected = Buffer.from(signature(`${issued}.${nonce}`, secret));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return { valid: false };
  const issuedAt = parseInt(issued, 36);
  if (!Number.isFinite(issuedAt)) return { valid: false };
  return { valid: true, issuedAt, nonce };
}
