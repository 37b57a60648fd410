import { createHmac, timingSafeEqual } from "node:crypto";
import EmailReplyParser from "email-reply-parser";
import { mailboxOf } from "@/lib/enquiries/rate-limits";

/**
 * How a collector's emailed answer finds its enquiry, and what of it is theirs to read.
 *
 * Two ways, tried in order. First the address they answered to: every email about an enquiry says
 * Reply-To: replies+e42.3f9c0a1b7d2e@gallery.example (INBOUND_REPLY_ADDRESS with a plus-tag), which
 * every mail program keeps, even one that drops headers or a collector who starts a fresh email to the
 * address. The tag carries a MAC, so nobody can write into an enquiry by guessing its number. Second,
 * the Message-IDs the answer quotes (In-Reply-To, References): each outbox email is sent as
 * <outbox id@gallery.outbox>, so an answer to the gallery's own address still finds its enquiry when no
 * reply address is configured, or a mail server drops the tag.
 */

/** The domain of every Message-ID the outbox sends (lib/jobs/outbox-delivery.ts). */
export const OUTBOX_MESSAGE_ID_DOMAIN = "gallery.outbox";

const TAG_PREFIX = "e";

function tagMac(enquiryId: number, secret: string): string {
  return createHmac("sha256", secret).update(`enquiry-reply-address:${enquiryId}`).digest("hex").slice(0, 12);
}

/** replies@gallery.example and enquiry 42 → replies+e42.3f9c0a1b7d2e@gallery.example. */
export function replyAddressFor(base: string, enquiryId: number, secret: string): string {
  const at = base.lastIndexOf("@");
  return `${base.slice(0, at)}+${TAG_PREFIX}${enquiryId}.${tagMac(enquiryId, secret)}${base.slice(at)}`;
}

/**
 * The plus-tag of an address written to the reply address ("" when it has none: the bare address), or
 * null when the address is another one. replies+e42.3f9c0a1b7d2e@gallery.example → "e42.3f9c0a1b7d2e".
 */
function replyAddressTag(address: string, base: string): string | null {
  const split = (value: string) => {
    const at = value.lastIndexOf("@");
    return at < 1 ? null : { local: value.slice(0, at), domain: value.slice(at + 1) };
  };
  const reply = split(base.toLowerCase());
  const written = split(address.trim().toLowerCase());
  if (!reply || !written || written.domain !== reply.domain) return null;
  if (written.local === reply.local) return "";
  return written.local.startsWith(`${reply.local}+`) ? written.local.slice(reply.local.length + 1) : null;
}

/** The enquiry an address carries in its tag (any of the message's recipients), when the tag is genuine. */
export function enquiryIdFromReplyAddresses(addresses: readonly string[], base: string, secret: string): number | null {
  for (const address of addresses) {
    const tag = /^e(\d{1,12})\.([0-9a-f]{12})$/.exec(replyAddressTag(address, base) ?? "");
    if (!tag) continue;
    const enquiryId = Number(tag[1]);
    if (timingSafeEqual(Buffer.from(tag[2]!), Buffer.from(tagMac(enquiryId, secret)))) return enquiryId;
  }
  return null;
}

/**
 * Whether an email in the gallery's mailbox is an answer to the gallery's own emails at all: sent to the
 * reply address (tagged or not), or quoting one of the outbox's Message-IDs. Everything else in the
 * mailbox (newsletters, new correspondence, spam) is the gallery's own business and is left alone.
 */
export function answersTheGallery(
  email: { recipients: readonly string[]; quotedMessageIds: readonly string[] },
  replyAddress: string | undefined,
): boolean {
  if (outboxIdsQuoted(email.quotedMessageIds).length > 0) return true;
  if (!replyAddress) return false;
  return email.recipients.some((address) => replyAddressTag(address, replyAddress) !== null);
}

/** The outbox ids among the Message-IDs an answer quotes (In-Reply-To first, then References, newest last). */
export function outboxIdsQuoted(messageIds: readonly string[]): string[] {
  const ids: string[] = [];
  const pattern = new RegExp(`<([a-z0-9]{10,40})@${OUTBOX_MESSAGE_ID_DOMAIN.replace(".", "\\.")}>`, "gi");
  for (const value of messageIds) for (const match of value.matchAll(pattern)) if (!ids.includes(match[1]!)) ids.push(match[1]!);
  return ids;
}

export type AutomaticReplyReason = "automatic_reply" | "delivery_report";

const OUT_OF_OFFICE_SUBJECT =
  /^\s*(out of (the )?office|automatic reply|auto(matic)?[ -]?(reply|response)|autoreply|on (vacation|holiday|leave)|away from|abwesenheit|abwesend|r[ée]ponse automatique|absence|risposta automatica|respuesta autom[aá]tica|fuera de la oficina|afwezig)\b/i;

/**
 * An email no person wrote: an out-of-office, a vacation notice, a bounce. RFC 3834's Auto-Submitted,
 * the headers Exchange, Gmail and the common autoresponders set, a bounce's empty sender or report
 * type, and the subjects out-of-office replies use in the languages a gallery meets. Kept for staff to
 * see ("to check"), never shown as the collector's words.
 */
export function automaticReplyReason(message: {
  headers: ReadonlyMap<string, string>;
  subject: string;
  from: string;
  contentType: string;
}): AutomaticReplyReason | null {
  const header = (name: string) => (message.headers.get(name) ?? "").trim().toLowerCase();
  if (
    /^multipart\/report/i.test(message.contentType) ||
    /^(mailer-daemon|postmaster)@/i.test(message.from) ||
    header("return-path") === "<>"
  )
    return "delivery_report";
  const autoSubmitted = header("auto-submitted");
  if (autoSubmitted && autoSubmitted !== "no") return "automatic_reply";
  if (header("x-autoreply") || header("x-autorespond") || header("x-autoresponder")) return "automatic_reply";
  if (["auto_reply", "bulk", "junk", "list"].includes(header("precedence"))) return "automatic_reply";
  if (
    header("x-auto-response-suppress") &&
    /\b(oof|all)\b/.test(header("x-auto-response-suppress")) &&
    OUT_OF_OFFICE_SUBJECT.test(message.subject)
  )
    return "automatic_reply";
  if (OUT_OF_OFFICE_SUBJECT.test(message.subject)) return "automatic_reply";
  return null;
}

/** Whether an answer came from the enquiry's own mailbox (the same folding as the acknowledgement rule). */
export function fromTheEnquirer(fromAddress: string, enquiryAddress: string): boolean {
  return mailboxOf(fromAddress) === mailboxOf(enquiryAddress);
}

/**
 * The collector's own words: the history their mail program quoted below (or "On … wrote:" above it)
 * and their signature separator trimmed, by email-reply-parser (the port of GitHub's EmailReplyParser).
 * When that leaves nothing (an answer written inside the quote), the whole text is kept.
 */
export function visibleReplyText(text: string): string {
  const normalized = text.replace(/\r\n?/g, "\n");
  const visible = new EmailReplyParser().parseReply(normalized).trim();
  return visible || normalized.trim();
}

/** Why an inbound email waits in "to check", in the words the staff page shows. */
export const CHECK_REASON_LABELS: Record<string, string> = {
  automatic_reply: "An automatic reply (out of office or similar), not the collector's own words",
  delivery_report: "A delivery report from a mail server: an email to the collector may not have arrived",
  other_address: "From another address than the enquiry's",
  no_enquiry: "No enquiry found for it",
};

/** The largest file kept from an inbound email; larger ones are named in it, not kept. */
export const LARGEST_INBOUND_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** The most files kept from one inbound email. */
export const MOST_INBOUND_ATTACHMENTS = 20;

/** A file's storage key: under the message's own folder, so that reading the message again writes the same keys. */
export function inboundAttachmentKey(messageKeyHash: string, position: number, fileName: string): string {
  const safe = fileName
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/\.{2,}/g, ".")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, 60);
  return `inbound/${messageKeyHash.slice(0, 32)}/${position}-${safe || "file"}`;
}

/** "12.5 MB", "840 KB": a file's size as staff read it. */
export function fileSizeLabel(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
