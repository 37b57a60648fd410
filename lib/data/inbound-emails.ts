import "server-only";
import { db } from "@/lib/db/client";
import { queueEmail } from "@/lib/data/outbox";
import { recordActivity } from "@/lib/data/activity";
import { readReplySchedule } from "@/lib/data/gallery-settings";
import { isUniqueViolation } from "@/lib/data/database-errors";
import { replyByFor } from "@/lib/enquiries/reply-by";
import { readArtworkSnapshot } from "@/lib/enquiries/snapshot";
import {
  automaticReplyReason,
  enquiryIdFromReplyAddresses,
  fromTheEnquirer,
  outboxIdsQuoted,
  visibleReplyText,
} from "@/lib/enquiries/email-replies";
import { collectorEmailReplyNotification } from "@/lib/emails/templates";
import { serverEnv } from "@/lib/env";
import type { ParsedEmail } from "@/lib/mailbox/parse-email";
import type { MailboxPosition } from "@/lib/mailbox/imap-mailbox";

/**
 * Collectors' emailed answers, stored into their enquiries exactly once. A message is keyed by its
 * Message-ID (unique) and, read over IMAP, by its place in the mailbox (unique too): read again after
 * a restart, by two processes at once, or over IMAP and the webhook both, the second write is refused
 * by the database and counted as a duplicate. The message, its files' rows, the enquiry's reopening
 * and the assignee's email are one transaction: a process killed mid-way leaves all or none of it.
 */

export type StoredAttachment = { storageKey: string; fileName: string; contentType: string; size: number };

export type InboundEmailInput = {
  source: "imap" | "mailgun";
  /** Folder, UIDVALIDITY and UID, for a message read over IMAP. */
  mailboxPlace: string | null;
  email: ParsedEmail;
  /** Its files, already written to photo storage under keys made from the Message-ID. */
  attachments: StoredAttachment[];
  /** Files not kept (too large, too many), by name and size. */
  leftOut: string | null;
  /** The whole message as it arrived, in photo storage. */
  originalKey: string | null;
};

export type InboundOutcome =
  | { stored: "conversation"; reference: string; outboxIds: string[] }
  | { stored: "to_check"; reason: string; reference: string | null }
  | { stored: "duplicate" };

async function matchEnquiry(email: ParsedEmail): Promise<number | null> {
  const env = serverEnv();
  if (env.INBOUND_REPLY_ADDRESS) {
    const tagged = enquiryIdFromReplyAddresses(email.recipients, env.INBOUND_REPLY_ADDRESS, env.FORM_SIGNING_SECRET);
    if (tagged !== null) return tagged;
  }
  const quoted = outboxIdsQuoted(email.quotedMessageIds);
  if (quoted.length === 0) return null;
  const sent = await db.outboxEmail.findMany({ where: { id: { in: quoted }, enquiryId: { not: null } }, select: { id: true, enquiryId: true } });
  // The message it answers directly (In-Reply-To) first, then the newest it quotes.
  for (const id of quoted) {
    const found = sent.find((row) => row.id === id);
    if (found?.enquiryId) return found.enquiryId;
  }
  return null;
}

export async function storeInboundEmail(input: InboundEmailInput, now = new Date()): Promise<InboundOutcome> {
  const env = serverEnv();
  const { email } = input;
  const seen = await db.inboundEmail.findFirst({
    where: { OR: [{ messageKey: email.messageKey }, ...(input.mailboxPlace ? [{ mailboxPlace: input.mailboxPlace }] : [])] },
    select: { id: true },
  });
  if (seen) return { stored: "duplicate" };

  const enquiryId = await matchEnquiry(email);
  const replyBy = replyByFor(now, await readReplySchedule());
  const automatic = automaticReplyReason({ headers: email.headers, subject: email.subject, from: email.from.address, contentType: email.contentType });
  try {
    return await db.$transaction(async (tx) => {
      const enquiry =
        enquiryId === null
          ? null
          : await tx.enquiry.findUnique({
              where: { id: enquiryId },
              select: {
                id: true,
                reference: true,
                name: true,
                email: true,
                status: true,
                assignedTo: { select: { email: true, disabledAt: true } },
                works: { orderBy: { position: "asc" }, select: { snapshot: true } },
              },
            });
      const reason = automatic ?? (!enquiry ? "no_enquiry" : !fromTheEnquirer(email.from.address, enquiry.email) ? "other_address" : null);
      const replyText = visibleReplyText(email.text).slice(0, 100_000);
      await tx.inboundEmail.create({
        data: {
          messageKey: email.messageKey,
          mailboxPlace: input.mailboxPlace,
          source: input.source,
          enquiryId: enquiry?.id ?? null,
          fromAddress: email.from.address.slice(0, 320),
          fromName: email.from.name?.slice(0, 200) ?? null,
          subject: email.subject,
          sentAt: email.sentAt,
          receivedAt: now,
          replyText,
          fullText: email.text.slice(0, 500_000),
          status: reason ? "to_check" : "conversation",
          checkReason: reason,
          leftOut: input.leftOut,
          originalKey: input.originalKey,
          attachments: { create: input.attachments.map((attachment, position) => ({ ...attachment, position })) },
        },
      });
      if (reason || !enquiry) return { stored: "to_check", reason: reason ?? "no_enquiry", reference: enquiry?.reference ?? null } as const;

      const reopened = enquiry.status === "replied" || enquiry.status === "closed";
      await tx.enquiry.update({ where: { id: enquiry.id }, data: reopened ? { status: "in_progress", replyBy } : { updatedAt: now } });
      const assignee = enquiry.assignedTo && !enquiry.assignedTo.disabledAt ? enquiry.assignedTo.email : null;
      const rendered = collectorEmailReplyNotification(
        { name: env.GALLERY_NAME, siteUrl: env.SITE_URL },
        {
          reference: enquiry.reference,
          name: enquiry.name,
          email: enquiry.email,
          body: replyText,
          files: input.attachments.map((attachment) => attachment.fileName),
          reopened,
          works: enquiry.works.flatMap((work) => readArtworkSnapshot(work.snapshot) ?? []),
          staffUrl: `${env.SITE_URL}/staff/enquiries/${enquiry.reference}`,
        },
      );
      const outboxId = await queueEmail(
        { enquiryId: enquiry.id, kind: "collector_email_reply", to: assignee ?? env.GALLERY_EMAIL, from: env.MAIL_FROM, replyTo: enquiry.email, ...rendered },
        tx,
      );
      await recordActivity(tx, {
        actor: null,
        action: reopened ? "answered by email; waiting for a reply again" : "answered by email",
        subjectType: "enquiry",
        subjectId: enquiry.reference,
        subjectLabel: enquiry.reference,
        at: now,
      });
      return { stored: "conversation", reference: enquiry.reference, outboxIds: [outboxId] } as const;
    });
  } catch (error) {
    // Another process stored the same message between the look above and this write.
    if (isUniqueViolation(error)) return { stored: "duplicate" };
    throw error;
  }
}

export async function readMailboxCursor(folder: string): Promise<MailboxPosition | null> {
  const row = await db.mailboxCursor.findUnique({ where: { folder } });
  return row ? { uidValidity: row.uidValidity, lastUid: row.lastUid } : null;
}

/** Moves the cursor on, never back: two readers at once leave it at the further of the two. */
export async function saveMailboxCursor(folder: string, position: MailboxPosition): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await tx.mailboxCursor.findUnique({ where: { folder } });
    if (row && row.uidValidity === position.uidValidity && row.lastUid >= position.lastUid) return;
    await tx.mailboxCursor.upsert({
      where: { folder },
      create: { folder, uidValidity: position.uidValidity, lastUid: position.lastUid },
      update: { uidValidity: position.uidValidity, lastUid: position.lastUid },
    });
  });
}

/** The emails waiting in "to check": for the staff nav's count and the dashboard. */
export function countInboundToCheck(): Promise<number> {
  return db.inboundEmail.count({ where: { status: "to_check" } });
}

/** Records a signed webhook post's token; false when it was seen before (a replay). */
export async function firstUseOfWebhookToken(token: string, now = new Date()): Promise<boolean> {
  try {
    await db.inboundWebhookToken.create({ data: { token, receivedAt: now } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}


export async function forgetWebhookToken(token: string): Promise<void> {
  await db.inboundWebhookToken.deleteMany({ where: { token } });
}
