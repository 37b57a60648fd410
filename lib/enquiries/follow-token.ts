/**
 * The collector's private link to follow an enquiry: 32 random bytes, sent once in the
 * acknowledgement and never stored; the database keeps only its SHA-256, which is what a visit is
 * looked up by. A guess has 2^256 possibilities; a stolen database opens no follow page.
 */
import { createHash, randomBytes } from "node:crypto";

export const FOLLOW_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function hashFollowToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function issueFollowToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashFollowToken(token) };
}

export function followPath(token: string): string {
  return `/follow/${token}`;
}
