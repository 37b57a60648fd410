import "server-only";
import { createHash } from "node:crypto";
import { serverEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import {
  readMailboxCursor,
  saveMailboxCursor,
  storeInboundEmail,
  type InboundOutcome,
  type StoredAttachment,
} from "@/lib/data/inbound-emails";
import {
  answersTheGallery,
  fileSizeLabel,
  inboundAttachmentKey,
  LARGEST_INBOUND_ATTACHMENT_BYTES,
  MOST_INBOUND_ATTACHMENTS,
} from "@/lib/enquiries/email-replies";
import { parseEmail } from "@/lib/mailbox/parse-email";
import { readNewMessages } from "@/lib/mailbox/imap-mailbox";
import { objectStore } from "@/lib/storage";
import { deliverDueEmails } from "@/lib/jobs/outbox-delivery";

/**
 * Collectors' emailed answers into their enquiries: one raw email taken (from the mailbox over IMAP, or
 * from the mail provider's webhook), and the mailbox read for new ones.
 */

/** The most messages read in one pass; the rest wait for the next (a Vercel function has a time limit). */
const MESSAGES_PER_PASS = 200;

export type IngestOptions = { source: "imap" | "mailgun"; mailboxPlace: string | null; cutShort?: boolean; size?: number };

/**
 * One raw email: parsed, its files written to photo storage (under keys made from its Message-ID, so
 * reading it again writes the same keys, never a second copy), then stored with its enquiry.
 */
export async function ingestRawEmail(raw: Buffer, options: IngestOptions): Promise<InboundOutcome | { stored: "ignored" }> {
  const email = await parseEmail(raw);
  // Not an answer to the gallery's emails: nothing of it is kept.
  if (!answersTheGallery(email, serverEnv().INBOUND_REPLY_ADDRESS)) return { stored: "ignored" };
  const keyHash = createHash("sha256").update(email.messageKey).digest("hex");
  // The message as it came, whole (what the text and files were read from), beside its files.
  const originalKey = inboundAttachmentKey(keyHash, 0, "original.eml");
  await objectStore().put(originalKey, raw, "message/rfc822");
  const attachments: StoredAttachment[] = [];
  const leftOut: string[] = [];
  if (options.cutShort) leftOut.push(`the rest of the message (${fileSizeLabel(options.size ?? raw.length)} in all)`);
  for (const [index, file] of email.attachments.entries()) {
    if (file.size > LARGEST_INBOUND_ATTACHMENT_BYTES || attachments.length >= MOST_INBOUND_ATTACHMENTS) {
      leftOut.push(`${file.fileName} (${fileSizeLabel(file.size)})`);
      continue;
    }
    const storageKey = inboundAttachmentKey(keyHash, index + 1, file.fileName);
    await objectStore().put(storageKey, file.content, file.contentType);
    attachments.push({ storageKey, fileName: file.fileName.slice(0, 200), contentType: file.contentType.slice(0, 200), size: file.size });
  }
  return storeInboundEmail({
    source: options.source,
    mailboxPlace: options.mailboxPlace,
    email,
    attachments,
    leftOut: leftOut.length > 0 ? leftOut.join("; ") : null,
    originalKey,
  });
}

export type MailboxReport = {
  configured: boolean;
  read: number;
  conversation: number;
  toCheck: number;
  duplicates: number;
  /** Messages in the mailbox that answer none of the gallery's emails: left alone. */
  ignored: number;
  more: boolean;
};

/**
 * Reads the gallery's mailbox (INBOUND_IMAP_URL) from where the last pass stopped. Each message is
 * stored, then the cursor moved past it: killed between the two, the next pass reads that message
 * again and its store finds it there already (a duplicate, not a second copy); killed before the store
 * committed, the next pass stores it. The mailbox itself is only read, never changed.
 */
export async function readGalleryMailbox(): Promise<MailboxReport> {
  const env = serverEnv();
  const report: MailboxReport = {
    configured: Boolean(env.INBOUND_IMAP_URL),
    read: 0,
    conversation: 0,
    toCheck: 0,
    duplicates: 0,
    ignored: 0,
    more: false,
  };
  if (!env.INBOUND_IMAP_URL) return report;
  const folder = env.INBOUND_IMAP_FOLDER;
  const outboxIds: string[] = [];
  const result = await readNewMessages(
    { url: env.INBOUND_IMAP_URL, folder },
    await readMailboxCursor(folder),
    MESSAGES_PER_PASS,
    async (message, position) => {
      const outcome = await ingestRawEmail(message.raw, {
        source: "imap",
        mailboxPlace: `${folder}:${position.uidValidity}:${message.uid}`,
        cutShort: message.cutShort,
        size: message.size,
      });
      await saveMailboxCursor(folder, position);
      report.read += 1;
      if (outcome.stored === "conversation") {
        report.conversation += 1;
        outboxIds.push(...outcome.outboxIds);
      } else if (outcome.stored === "to_check") report.toCheck += 1;
      else if (outcome.stored === "ignored") report.ignored += 1;
      else report.duplicates += 1;
    },
  );
  await saveMailboxCursor(folder, result.position);
  report.more = result.more;
  // The assignee hears at once, not at the next outbox sweep.
  if (outboxIds.length > 0 && env.OUTBOX_DELIVERY !== "worker") {
    await deliverDueEmails({ ids: outboxIds }).catch((error: unknown) =>
      logger.error({ err: error }, "Sending the answers' notices failed; the sweep will retry"),
    );
  }
  return report;
}
