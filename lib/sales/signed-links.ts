/**
 * Links in the sale's emails that carry their own authority: a record's id and an HMAC of it under the
 * form secret, for a purpose. Nothing is stored for them, so every email about the record carries a
 * link that keeps working (a mail program may follow an unsubscribe link from any of them, with one
 * click: RFC 8058), and nobody can make one for someone else's record without the secret. What the
 * link may do is decided by the record's state (an offer already answered, an alert already ended).
 */
import { createHmac, timingSafeEqual } from "node:crypto";

type LinkPurpose = "availability-alert-unsubscribe" | "new-work-alert-unsubscribe" | "offer";

function mac(secret: string, purpose: LinkPurpose, id: string): string {
  return createHmac("sha256", secret).update(`${purpose}:${id}`).digest("base64url");
}

export function signedIdToken(secret: string, purpose: LinkPurpose, id: string): string {
  return `${id}.${mac(secret, purpose, id)}`;
}

/** The record's id if the token was made here for it and this purpose, else null. */
export function readSignedIdToken(secret: string, purpose: LinkPurpose, token: string): string | null {
  const dot = token.lastIndexOf(".");
  if (dot <= 0 || token.length > 200) return null;
  const id = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(mac(secret, purpose, id));
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}

export function alertUnsubscribeToken(secret: string, alertId: string): string {
  return signedIdToken(secret, "availability-alert-unsubscribe", alertId);
}

export function readAlertUnsubscribeToken(secret: string, token: string): string | null {
  return readSignedIdToken(secret, "availability-alert-unsubscribe", token);
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

export function newWorkAlertUnsubscribeToken(secret: string, alertId: string): string {
  return signedIdToken(secret, "new-work-alert-unsubscribe", alertId);
}

export function readNewWorkAlertUnsubscribeToken(secret: string, token: string): string | null {
  return readSignedIdToken(secret, "new-work-alert-unsubscribe", token);
}

export function newWorkAlertConfirmPath(token: string): string {
  return `/alerts/new-works/confirm/${token}`;
}

export function newWorkAlertUnsubscribePath(token: string): string {
  return `/alerts/new-works/unsubscribe/${token}`;
}

/** Where a mail program posts its one-click unsubscribe (RFC 8058) from a new-works email. */
export function newWorkAlertOneClickPath(token: string): string {
  return `/api/alerts/new-works/unsubscribe/${token}`;
}

/** The collector's page for one offer: its state, and a counter's Accept and Decline. */
export function offerPath(secret: string, offerId: string): string {
  return `/offers/${signedIdToken(secret, "offer", offerId)}`;
}
