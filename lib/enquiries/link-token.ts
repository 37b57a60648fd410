/**
 * A collector's private links (to follow an enquiry, to cancel a viewing): 32 random bytes, sent
 * once by email and never stored; the database keeps only their SHA-256, which is what a visit is
 * looked up by. A guess has 2^256 possibilities; a stolen database opens no link.
 */
import { createHash, randomBytes } from "node:crypto";

export const LINK_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function issueLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashLinkToken(token) };
}

export function followPath(token: string): string {
  return `/follow/${token}`;
}

export function cancelViewingPath(token: string): string {
  return `/viewings/cancel/${token}`;
}
