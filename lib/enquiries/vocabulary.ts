/** Allowed values of the enquiry and outbox text "enums", with the words staff and collectors read. */

export const ENQUIRY_QUESTIONS = ["price_availability", "condition_framing", "shipping", "viewing"] as const;
export type EnquiryQuestion = (typeof ENQUIRY_QUESTIONS)[number];

export const ENQUIRY_QUESTION_LABELS: Record<EnquiryQuestion, string> = {
  price_availability: "Price and availability",
  condition_framing: "Condition and framing",
  shipping: "Shipping to my country",
  viewing: "Arranging a viewing",
};

/** How a reference reads (ENQ-2026-000042): anything else names no enquiry. */
export const ENQUIRY_REFERENCE_PATTERN = /^ENQ-\d{4}-\d{6}$/;

export const ENQUIRY_STATUSES = ["new", "in_progress", "replied", "closed", "spam"] as const;
export type EnquiryStatus = (typeof ENQUIRY_STATUSES)[number];

export const ENQUIRY_STATUS_LABELS: Record<EnquiryStatus, string> = {
  new: "New",
  in_progress: "In progress",
  replied: "Replied",
  closed: "Closed",
  spam: "Spam",
};

/** Statuses that still wait for the gallery: what "waiting" counts, and what can be overdue. */
export const WAITING_STATUSES: EnquiryStatus[] = ["new", "in_progress"];

export const OUTBOX_KINDS = [
  "gallery_notification",
  "collector_acknowledgement",
  "staff_reply",
  // A message the collector added from their follow page, to the gallery.
  "collector_follow_up",
  // To the gallery: enquiries erased at the collector's request from their follow page (references only).
  "erasure_notice",
  // To the collector: their viewing time, with a calendar invitation and a cancel link.
  "viewing_confirmation",
  // To the gallery: a collector cancelled their viewing with the link.
  "viewing_cancelled",
  // To the collector: the gallery cancelled their viewing.
  "viewing_cancelled_by_gallery",
  // To a new member of staff: an owner's invitation, with its single-use link.
  "staff_invitation",
  // To the gallery: every enquiry still waiting, the overdue ones first, once a day.
  "daily_digest",
  // To a member of staff: another has assigned them an enquiry.
  "enquiry_assigned",
  // To someone who asked to be told when a work is available again: the link that confirms it.
  "availability_alert_confirmation",
  // To them again, once: the work is available.
  "available_again",
  // To the collector: their offer received, accepted, countered, declined or lapsed.
  "offer_update",
  // To the gallery: the collector answered a counter-offer.
  "offer_answered",
  // To the buyer: an invoice or a credit note, its PDF attached.
  "invoice",
  // To a collector who asked to reserve a work: the confirmation link, then the answer.
  "reserve_request",
  // To the gallery: a confirmed request to reserve waits for staff.
  "reserve_request_notice",
  // To the enquiry's assignee (or the gallery): the collector answered by email.
  "collector_email_reply",
  // "Tell me about new works like this": the confirmation link, then at most one email a day.
  "new_work_alert_confirmation",
  "new_works",
  // To a collector: their private link to a viewing room.
  "viewing_room_invitation",
] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/**
 * Mailings sent to many at once (a day's new-work emails): sent after every personal email that is due,
 * and paced, so that thousands of them never slow the site or the emails people are waiting for.
 */
export const BULK_KINDS: ReadonlySet<OutboxKind> = new Set(["new_works"]);

/**
 * The emails written to the collector about their enquiry: each says Reply-To with the enquiry's own
 * reply address (INBOUND_REPLY_ADDRESS), so that their answer comes back into it. Emails to staff do not.
 */
export const TO_THE_COLLECTOR_KINDS: ReadonlySet<OutboxKind> = new Set([
  "collector_acknowledgement",
  "staff_reply",
  "viewing_confirmation",
  "viewing_cancelled_by_gallery",
  "offer_update",
  "invoice",
  "reserve_request",
]);

/** What the collector's follow page calls each status: plain words, and spam is never named to them. */
export const FOLLOW_STATUS_WORDS: Record<EnquiryStatus, { label: string; explanation: string }> = {
  new: { label: "Received", explanation: "The gallery has your enquiry, and a member of staff will reply to you personally." },
  in_progress: { label: "Being answered", explanation: "A member of the gallery is looking into your enquiry." },
  replied: { label: "Answered", explanation: "The gallery has replied to you: the reply is below, and in your email." },
  closed: { label: "Closed", explanation: "The gallery considers this enquiry settled. Add a message below if it is not." },
  spam: { label: "Received", explanation: "The gallery has your enquiry, and a member of staff will reply to you personally." },
};

export const OUTBOX_STATUSES = ["pending", "sending", "sent", "failed"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
