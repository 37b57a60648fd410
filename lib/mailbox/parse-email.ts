import { createHash } from "node:crypto";
import type { AddressObject } from "mailparser";

/** The most bytes of one message read whole; beyond it only its start (headers and first text) is read. */
export const LARGEST_MESSAGE_BYTES = 40 * 1024 * 1024;

export type ParsedEmailAttachment = { fileName: string; contentType: string; content: Buffer; size: number };

/** One email as the app needs it, whatever mail program wrote it. */
export type ParsedEmail = {
  /** Its Message-ID, or "sha256:" and the hash of its bytes when it has none (the same bytes, the same key). */
  messageKey: string;
  from: { address: string; name: string | null };
  /** To, Cc, Delivered-To and X-Original-To: where a plus-tagged reply address is found. */
  recipients: string[];
  subject: string;
  sentAt: Date | null;
  /** Its text part, or its HTML part made text when it has none. */
  text: string;
  /** In-Reply-To, then References. */
  quotedMessageIds: string[];
  /** Every header by lower-case name (the first of each), unfolded. */
  headers: Map<string, string>;
  contentType: string;
  attachments: ParsedEmailAttachment[];
};

function addressesOf(value: AddressObject | AddressObject[] | undefined): Array<{ address: string; name: string }> {
  const objects = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return objects.flatMap((object) =>
    object.value.flatMap((entry) => [
      ...(entry.address ? [{ address: entry.address, name: entry.name }] : []),
      ...(entry.group ?? []).flatMap((member) => (member.address ? [{ address: member.address, name: member.name }] : [])),
    ]),
  );
}

/** Reads a raw RFC 5322 message with mailparser (Nodemailer's parser): MIME parts, encodings, charsets. */
export async function parseEmail(raw: Buffer): Promise<ParsedEmail> {
  // Loaded when a message is read, not with every web process (its charset tables cost some 6 MB of heap).
  const { simpleParser } = await import("mailparser");
  const mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
  const headers = new Map<string, string>();
  for (const { key, line } of mail.headerLines) {
    if (headers.has(key)) continue;
    headers.set(
      key,
      line
        .slice(line.indexOf(":") + 1)
        .replace(/\r?\n[ \t]+/g, " ")
        .trim(),
    );
  }
  const [from] = addressesOf(mail.from);
  const recipients = [
    ...addressesOf(mail.to).map((entry) => entry.address),
    ...addressesOf(mail.cc).map((entry) => entry.address),
    ...["delivered-to", "x-original-to", "envelope-to"].flatMap((name) =>
      mail.headerLines
        .filter((header) => header.key === name)
        .map((header) =>
          header.line
            .slice(header.line.indexOf(":") + 1)
            .trim()
            .replace(/^<|>$/g, ""),
        ),
    ),
  ];
  const references = mail.references === undefined ? [] : Array.isArray(mail.references) ? mail.references : [mail.references];
  const messageId = mail.messageId?.trim();
  return {
    messageKey: messageId && messageId.length <= 500 ? messageId : `sha256:${createHash("sha256").update(raw).digest("hex")}`,
    from: { address: from?.address ?? "", name: from?.name || null },
    recipients,
    subject: (mail.subject ?? "").slice(0, 500),
    sentAt: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : null,
    // mailparser writes an HTML-only message's text with html-to-text.
    text: mail.text ?? "",
    quotedMessageIds: [...(mail.inReplyTo ? [mail.inReplyTo] : []), ...references.slice().reverse()],
    headers,
    contentType: headers.get("content-type") ?? "text/plain",
    attachments: mail.attachments
      // A signature's logo or a tracking pixel is not something the collector sent the gallery.
      .filter((attachment) => !(attachment.related && attachment.size < 20_000))
      .map((attachment, index) => ({
        fileName: attachment.filename?.trim() || `attachment-${index + 1}`,
        contentType: attachment.contentType || "application/octet-stream",
        content: attachment.content,
        size: attachment.size,
      })),
  };
}
