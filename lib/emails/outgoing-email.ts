import type { RenderedEmail } from "@/lib/emails/templates";
import type { OutboxKind } from "@/lib/enquiries/vocabulary";

/** An email an enquiry sends, written to the outbox in the enquiry's own transaction. */
export type OutgoingEmail = {
  kind: OutboxKind;
  to: string;
  from: string;
  replyTo: string | null;
  dedupeKey?: string;
  /** An iCalendar invitation sent with the email. */
  calendar?: string;
  /** Rendered once the reference is known, inside the transaction. */
  render: (reference: string) => RenderedEmail;
};

/** What the store knows before it decides: how busy the connection has been, and how often this form token was used. */
export type StoreCounts = { connectionCount: number; formTokenUses: number; siteCountThisMinute: number };

/** What the store decides from those counts: the flags, and the emails to send. */
export type ComposeEmails = (counts: StoreCounts) => { flagReasons: string[]; emails: OutgoingEmail[] };
