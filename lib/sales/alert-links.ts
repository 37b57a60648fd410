/**
 * The unsubscribe link of an availability alert: the alert's id and an HMAC of it under the form
 * secret. Nothing is stored for it, so every email about the alert carries a link that keeps working
 * (a mail program may follow it from any of them, with one click: RFC 8058), and nobody can make one
 * for someone else's alert without the secret.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

const PURPOSE = "availability-alert-unsubscribe";

function mac(secret: string, alertId: string): string {
  return createHmac("sha256", secret).update(`${PURPOSE}:${alertId}`).digest("base64url");
}

export function alertUnsubscribeToken(secret: string, alertId: string): string {
  return `${alertId}.${mac(secret, alertId)}`;
}

/** The alert's id if the token was made here for it, else null. */
export function readAlertUnsubscribeToken(secret: string, token: string): string | null {
  const dot = token.lastIndexOf(".");
  if (dot <= 0 || token.length > 200) return null;
  const alertId = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(mac(secret, alertId));
  return given.length === expected.length && timingSafeEqual(given, expected) ? alertId : null;
}

export function alertUnsubscribePath(token: string): string {
  return `/alerts/unsubscribe/${token}`;
}

/** Where a mail program posts its one-click unsubscribe (RFC 8058). */
export function alertOneClickPath(token: string): string {
  return `/api/alerts/unsubscribe/${token}`;
}

export function alertConfirmPath(token: string): string {
  return `/alerts/confirm/${token}`;
}
