import "server-only";
import { recordActivity, type Actor } from "@/lib/data/activity";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { takeWriteLock } from "@/lib/data/write-lock";
import { emailLimitKey, mailboxOf } from "@/lib/enquiries/rate-limits";
import { serverEnv } from "@/lib/env";
import { objectStore } from "@/lib/storage";
import { logger } from "@/lib/logger";

/**
 * A collector's right to a copy of what the gallery holds about them, and to its erasure
 * (`npm run privacy:export` / `npm run privacy:erase`). Found by the email address they wrote
 * from, in any letter case: their enquiries with the staff notes on them, every email sent to them
 * or about them, and the rate-limit count kept under a hash of their address.
 */

async function enquiriesOf(email: string) {
  // SQLite's Prisma connector has no case-insensitive mode: compare lower-cased in SQL instead.
  const rows = await db.$queryRaw<Array<{ id: number }>>`SELECT "id" FROM "Enquiry" WHERE lower("email") = lower(${email.trim()})`;
  return rows.map((row) => Number(row.id));
}

async function emailsOf(email: string, enquiryIds: number[]) {
  const rows = await db.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "OutboxEmail"
    WHERE lower("toAddress") = lower(${email.trim()}) OR lower(coalesce("replyTo", '')) = lower(${email.trim()})`;
  const linked =
    enquiryIds.length > 0 ? await db.outboxEmail.findMany({ where: { enquiryId: { in: enquiryIds } }, select: { id: true } }) : [];
  return [...new Set([...rows.map((row) => row.id), ...linked.map((row) => row.id)])];
}

/** Emails received from the address, and every email received into one of its enquiries (whoever wrote it). */
async function inboundEmailsOf(email: string, enquiryIds: number[]) {
  const rows = await db.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "InboundEmail" WHERE lower("fromAddress") = lower(${email.trim()})`;
  const linked = enquiryIds.length > 0 ? await db.inboundEmail.findMany({ where: { enquiryId: { in: enquiryIds } }, select: { id: true } }) : [];
  return [...new Set([...rows.map((row) => row.id), ...linked.map((row) => row.id)])];
}

/** The collector record's mailboxes an address belongs to: its own, and the one it was merged into. */
async function recordMailboxesOf(email: string, reader: Pick<Prisma.TransactionClient, "collectorMerge"> = db): Promise<string[]> {
  const own = mailboxOf(email.trim());
  const merge = await reader.collectorMerge.findUnique({ where: { mailbox: own } });
  return merge ? [own, merge.intoMailbox] : [own];
}

/** Everything held about an address, as read (typed by the reads themselves), ready to be written out as JSON. */
export type PersonalDataExport = Awaited<ReturnType<typeof exportPersonalData>>;

export async function exportPersonalData(email: string) {
  const enquiryIds = await enquiriesOf(email);
  const emailIds = await emailsOf(email, enquiryIds);
  const inboundIds = await inboundEmailsOf(email, enquiryIds);
  const address = email.trim().toLowerCase();
  const recordMailboxes = await recordMailboxesOf(email);
  const [enquiries, emails, limit, alerts, holds, holdRequests, emailsReceived, recordNotes, recordProfiles, newWorkAlerts, roomInvitations] = await Promise.all([
    db.enquiry.findMany({
      where: { id: { in: enquiryIds } },
      orderBy: { createdAt: "asc" },
      include: {
        notes: { select: { body: true, createdAt: true }, orderBy: { createdAt: "asc" } },
        followUps: { select: { body: true, createdAt: true }, orderBy: { createdAt: "asc" } },
        works: { select: { snapshot: true }, orderBy: { position: "asc" } },
      },
    }),
    db.outboxEmail.findMany({
      where: { id: { in: emailIds } },
      orderBy: { createdAt: "asc" },
      select: { kind: true, toAddress: true, replyTo: true, subject: true, textBody: true, status: true, sentAt: true, createdAt: true },
    }),
    db.rateLimiterFlexible.findUnique({ where: { key: emailLimitKey(serverEnv().FORM_SIGNING_SECRET, email) } }),
    db.availabilityAlert.findMany({
      where: { email: address },
      select: { name: true, source: true, createdAt: true, confirmedAt: true, notifiedAt: true, unsubscribedAt: true, artwork: { select: { catalogueNumber: true, title: true } } },
    }),
    db.workHold.findMany({
      where: { collectorEmail: address },
      select: { collectorName: true, heldUntil: true, createdAt: true, endedAt: true, endReason: true, artwork: { select: { catalogueNumber: true, title: true } } },
    }),
    db.holdRequest.findMany({
      where: { email: address },
      select: { name: true, status: true, createdAt: true, decidedAt: true, artwork: { select: { catalogueNumber: true, title: true } } },
    }),
    db.inboundEmail.findMany({
      where: { id: { in: inboundIds } },
      orderBy: { receivedAt: "asc" },
      select: {
        fromAddress: true,
        fromName: true,
        subject: true,
        sentAt: true,
        receivedAt: true,
        fullText: true,
        status: true,
        attachments: { select: { fileName: true, contentType: true, size: true }, orderBy: { position: "asc" } },
      },
    }),
    db.collectorNote.findMany({ where: { mailbox: { in: recordMailboxes } }, orderBy: { createdAt: "asc" }, select: { body: true, createdAt: true } }),
    db.collectorProfile.findMany({ where: { mailbox: { in: recordMailboxes } }, select: { tags: true } }),
    db.newWorkAlert.findMany({
      where: { email: address },
      select: { scope: true, name: true, maxPriceMinor: true, currency: true, createdAt: true, confirmedAt: true, lastSentAt: true, unsubscribedAt: true, artist: { select: { name: true } }, section: { select: { title: true } } },
    }),
    db.viewingRoomGuest.findMany({
      where: { email: address },
      select: { name: true, createdAt: true, opens: true, firstOpenedAt: true, lastOpenedAt: true, revokedAt: true, room: { select: { title: true } } },
    }),
  ]);
  return {
    email: email.trim(),
    exportedAt: new Date().toISOString(),
    enquiries: enquiries.map(({ clientIpHash, submissionKey, followTokenHash, ...enquiry }) => ({
      ...enquiry,
      followLinkHeld: followTokenHash !== null,
      // Held only as one-way fingerprints: said, not shown.
      connectionFingerprintHeld: clientIpHash !== null,
      submissionFingerprintHeld: submissionKey !== null,
    })),
    emails,
    rateLimitCount: limit ? { points: limit.points, until: limit.expire?.toISOString() ?? null } : null,
    availabilityAlerts: alerts,
    holds,
    requestsToReserve: holdRequests,
    // Their answers by email, as received (the files' names; the files themselves are sent on request).
    emailsReceived,
    // What staff wrote on their collector record: notes, and the interests they were tagged with.
    collectorRecord: { notes: recordNotes, tags: recordProfiles.map((profile) => profile.tags).filter(Boolean) },
    newWorkAlerts,
    viewingRoomInvitations: roomInvitations,
  };
}

export type ErasureReport = {
  enquiries: number;
  notes: number;
  emails: number;
  emailsReceived: number;
  rateLimitRows: number;
  alerts: number;
  holds: number;
};

/**
 * Erases everything exportPersonalData finds, in one transaction; says how much of each. The erasure
 * itself goes into the activity log in the same transaction: which references went and who asked,
 * never the address or anything it held.
 */
export async function erasePersonalData(
  email: string,
  requestedBy: Actor = { id: null, name: "The privacy command" },
  /**
   * Written in the same transaction, with the references erased (the gallery's notice of them) and
   * whether the address's request to be erased later was still waiting; throwing undoes everything.
   */
  alsoInTransaction?: (tx: Prisma.TransactionClient, erased: { references: string[]; requestWasWaiting: boolean }) => Promise<void>,
): Promise<ErasureReport> {
  const enquiryIds = await enquiriesOf(email);
  const emailIds = await emailsOf(email, enquiryIds);
  const inboundIds = await inboundEmailsOf(email, enquiryIds);
  const limitKey = emailLimitKey(serverEnv().FORM_SIGNING_SECRET, email);
  // Each received email's folder in photo storage: its original and its files.
  const files = (
    await db.inboundEmail.findMany({ where: { id: { in: inboundIds } }, select: { originalKey: true, attachments: { select: { storageKey: true } } } })
  ).flatMap((email) => [...(email.originalKey ? [{ storageKey: email.originalKey }] : []), ...email.attachments]);
  const report = await db.$transaction(async (tx) => {
    await takeWriteLock(tx);
    const references = (
      await tx.enquiry.findMany({ where: { id: { in: enquiryIds } }, select: { reference: true }, orderBy: { id: "asc" } })
    ).map((row) => row.reference);
    const notes = await tx.enquiryNote.deleteMany({ where: { enquiryId: { in: enquiryIds } } });
    // A daily digest names every waiting collector beside their reference: one naming theirs goes too
    // (the digest is not theirs to export, since it names others; it is the gallery's own list).
    const digests = references.length
      ? await tx.outboxEmail.findMany({
          where: { kind: "daily_digest", OR: references.map((reference) => ({ textBody: { contains: reference } })) },
          select: { id: true },
        })
      : [];
    const emails = await tx.outboxEmail.deleteMany({ where: { id: { in: [...emailIds, ...digests.map((digest) => digest.id)] } } });
    const received = await tx.inboundEmail.deleteMany({ where: { OR: [{ id: { in: inboundIds } }, { enquiryId: { in: enquiryIds } }] } });
    const enquiries = await tx.enquiry.deleteMany({ where: { id: { in: enquiryIds } } });
    const limits = await tx.rateLimiterFlexible.deleteMany({ where: { key: limitKey } });
    const address = email.trim().toLowerCase();
    const alerts = await tx.availabilityAlert.deleteMany({ where: { email: address } });
    const newWorkAlerts = await tx.newWorkAlert.deleteMany({ where: { email: address } });
    await tx.viewingRoomGuest.deleteMany({ where: { email: address } });
    // Their collector record: staff's notes and tags on it, and any merge that names their mailbox.
    const recordMailboxes = await recordMailboxesOf(address, tx);
    await tx.collectorNote.deleteMany({ where: { mailbox: { in: recordMailboxes } } });
    await tx.collectorProfile.deleteMany({ where: { mailbox: { in: recordMailboxes } } });
    await tx.collectorMerge.deleteMany({ where: { OR: [{ mailbox: recordMailboxes[0]! }, { intoMailbox: recordMailboxes[0]! }] } });
    // A request to erase later is carried out now.
    const waiting = await tx.erasureRequest.deleteMany({ where: { email: address } });
    await tx.holdRequest.deleteMany({ where: { email: address } });
    // A hold is the gallery's record of a work's sale: it stays, with nothing left to say whose it was.
    const holds = await tx.workHold.updateMany({
      where: { collectorEmail: address },
      data: { collectorName: "(erased at their request)", collectorEmail: "erased@invalid" },
    });
    await recordActivity(tx, {
      actor: requestedBy,
      action: "erased a collector's data at their request",
      subjectType: "privacy",
      subjectLabel: references.length > 0 ? references.join(", ") : "no enquiries held",
      detail: `${enquiries.count} enquiries, ${notes.count} notes, ${emails.count} emails, ${received.count} emails received, ${alerts.count} availability alerts, ${newWorkAlerts.count} new-work alerts, ${holds.count} holds`,
    });
    await alsoInTransaction?.(tx, { references, requestWasWaiting: waiting.count > 0 });
    return {
      enquiries: enquiries.count,
      notes: notes.count,
      emails: emails.count,
      emailsReceived: received.count,
      rateLimitRows: limits.count,
      alerts: alerts.count + newWorkAlerts.count,
      holds: holds.count,
    };
  });
  // The files their emails carried, once the rows naming them are gone (a file left by a failure here is named in the log, never shown).
  for (const folder of new Set(files.map((file) => file.storageKey.slice(0, file.storageKey.lastIndexOf("/") + 1)))) {
    await objectStore()
      .deletePrefix(folder)
      .catch((error: unknown) => logger.error({ err: error, folder }, "An erased email's files could not be deleted from storage"));
  }
  return report;
}
