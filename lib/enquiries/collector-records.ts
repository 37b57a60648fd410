import { createHmac } from "node:crypto";

/**
 * One record per collector, for staff: everything one person did, found by the mailbox their
 * addresses fold to (mailboxOf, the acknowledgement rule's folding: "Anna+art@…" and "anna@…" are
 * one), and by merges staff make of two records of one person.
 */

/** The record's key in its address (/staff/collectors/<key>): never the address itself, which would be in every log line of the request. */
export function collectorKey(mailbox: string, secret: string): string {
  return createHmac("sha256", secret).update(`collector-record:${mailbox}`).digest("base64url").slice(0, 22);
}

/** "Prints, landscapes ,, War artists" → ["prints", "landscapes", "war artists"]: trimmed, lower case, once each, in order. */
export function parseTags(text: string): string[] {
  const tags: string[] = [];
  for (const part of text.split(",")) {
    const tag = part.trim().replace(/\s+/g, " ").toLowerCase();
    if (tag && !tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

/** What each kind of event is called in a record's history. */
export const COLLECTOR_EVENT_LABELS = {
  enquiry: "Enquired",
  follow_up: "Added a message",
  email_answer: "Answered by email",
  viewing: "Booked a viewing",
  offer: "Made an offer",
  hold_request: "Asked to reserve",
  hold: "A work held for them",
  alert: "Asked to be told",
  subscription: "Signed up for new works",
  invoice: "Invoiced",
} as const;
export type CollectorEventKind = keyof typeof COLLECTOR_EVENT_LABELS;
