import "server-only";
import { randomUUID } from "node:crypto";
import { db, executeSql, sqlTimestamp } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { BULK_KINDS, type OutboxKind } from "@/lib/enquiries/vocabulary";

/**
 * The outbox's rows: emails are written in the same transaction as what they are about (an enquiry,
 * a reply, an invitation), then delivered by lib/jobs/outbox-delivery.ts. Each delivery first claims
 * its rows with one UPDATE (atomic in SQLite), so two server instances sweeping at once never send the
 * same email twice.
 */

type OutboxWriter = Pick<Prisma.TransactionClient, "outboxEmail">;

/** One email to send, as every part of the app but the enquiry's hot path (plain SQL, lib/data/enquiries.ts) queues it. */
export type QueuedEmail = {
  /** Given where the caller must know the id before the row is written (the digest's claim names it). */
  id?: string;
  kind: OutboxKind;
  to: string;
  from: string;
  replyTo: string | null;
  subject: string;
  text: string;
  html: string;
  enquiryId?: number;
  /** The member of staff who sent it (a reply), for the enquiry's history. */
  sentById?: string;
  /** A key only one email may carry (the day's digest, one acknowledgement a day). */
  dedupeKey?: string;
  calendar?: string | null;
  /** Extra headers (an alert's one-click unsubscribe). */
  headers?: Record<string, string>;
  /** A stored file sent with it (an invoice's PDF): its storage key and the name it is sent under. */
  attachment?: { key: string; name: string };
};

/** Writes one email to the outbox (inside the caller's transaction, when given one) and returns its id. */
export async function queueEmail(email: QueuedEmail, writer: OutboxWriter = db): Promise<string> {
  const created = await writer.outboxEmail.create({
    data: {
      kind: email.kind,
      toAddress: email.to,
      fromAddress: email.from,
      replyTo: email.replyTo,
      subject: email.subject,
      textBody: email.text,
      htmlBody: email.html,
      ...(email.id ? { id: email.id } : {}),
      enquiryId: email.enquiryId ?? null,
      sentById: email.sentById ?? null,
      dedupeKey: email.dedupeKey ?? null,
      calendar: email.calendar ?? null,
      ...(email.headers ? { headers: email.headers } : {}),
      attachmentKey: email.attachment?.key ?? null,
      attachmentName: email.attachment?.name ?? null,
    },
    select: { id: true },
  });
  return created.id;
}

/** Which emails a delivery takes: those one at a time for people waiting (the default), or the bulk mailings. */
export type OutboxLane = "personal" | "bulk";

/**
 * The longest a claim is taken for. A claim that ends further ahead than this was made before the
 * system clock was set back: judged by its end time alone, a claim whose holder died would wait as
 * long as the clock went back (an hour's step, an hour) before anyone sent the email.
 */
const LONGEST_CLAIM_MS = 10 * 60_000;

function dueWhere(now: Date, ids?: string[], lane?: OutboxLane): Prisma.OutboxEmailWhereInput {
  return {
    ...(ids ? { id: { in: ids } } : {}),
    ...(lane === "bulk" ? { kind: { in: [...BULK_KINDS] } } : lane === "personal" ? { kind: { notIn: [...BULK_KINDS] } } : {}),
    OR: [
      { status: "pending", nextAttemptAt: { lte: now } },
      // A claim whose holder died mid-send is released when it expires.
      { status: "sending", claimedUntil: { lt: now } },
      { status: "sending", claimedUntil: { gt: new Date(now.getTime() + LONGEST_CLAIM_MS) } },
    ],
  };
}

/** Claims up to `limit` due emails (or only `ids`) for `leaseMs`; the rows claimed, which no other sweeper now holds. */
export async function claimDueEmails(now: Date, ids: string[] | undefined, limit: number, leaseMs: number, lane?: OutboxLane) {
  if (leaseMs > LONGEST_CLAIM_MS) throw new Error(`A claim of ${leaseMs} ms is longer than the longest one the outbox honours (${LONGEST_CLAIM_MS} ms)`);
  const candidates = await db.outboxEmail.findMany({
    where: dueWhere(now, ids, lane),
    orderBy: { nextAttemptAt: "asc" },
    take: limit,
    select: { id: true },
  });
  if (candidates.length === 0) return [];
  const claimToken = randomUUID();
  // The same conditions again inside the UPDATE: rows another sweeper claimed meanwhile no longer match.
  await db.outboxEmail.updateMany({
    where: { AND: [{ id: { in: candidates.map((candidate) => candidate.id) } }, dueWhere(now, ids)] },
    data: { status: "sending", claimToken, claimedUntil: new Date(now.getTime() + leaseMs) },
  });
  return db.outboxEmail.findMany({ where: { claimToken, status: "sending" } });
}

type Claim = { id: string; claimToken: string | null };

/** Renews a claim just before sending; false when another sweeper has taken the email meanwhile. */
export async function renewClaim(claim: Claim, until: Date): Promise<boolean> {
  const renewed = await executeSql(
    `UPDATE "OutboxEmail" SET "claimedUntil" = ? WHERE "id" = ? AND "claimToken" = ? AND "status" = 'sending'`,
    [sqlTimestamp(until), claim.id, claim.claimToken],
  );
  return renewed > 0;
}

/**
 * Hands a batch's claimed emails back unsent (a stopping process's): due again at once for any other
 * sweeper, their attempts unchanged. Those already sent or failed no longer carry the claim's token, so
 * only the untouched ones go back; the number handed back.
 */
export async function releaseClaims(claimToken: string): Promise<number> {
  return executeSql(`UPDATE "OutboxEmail" SET "status" = 'pending', "claimToken" = NULL, "claimedUntil" = NULL WHERE "claimToken" = ? AND "status" = 'sending'`, [
    claimToken,
  ]);
}

/** Marked sent the moment the server accepted it, and only while this sweep still holds the claim. */
export async function markEmailSent(claim: Claim, attempts: number, messageId: string): Promise<void> {
  // One prepared statement: a busy outbox records hundreds of these a second.
  const sentAt = sqlTimestamp(new Date());
  await executeSql(
    `UPDATE "OutboxEmail" SET "status" = 'sent', "attempts" = ?, "sentAt" = ?, "messageId" = ?, "lastError" = NULL, "claimToken" = NULL,
       "claimedUntil" = NULL, "updatedAt" = ? WHERE "id" = ? AND "claimToken" = ?`,
    [attempts, sentAt, messageId, sentAt, claim.id, claim.claimToken],
  );
}

/** A failed attempt: tried again at `retryAt`, or (retryAt null) given up with the reason kept for staff. */
export async function markEmailAttemptFailed(claim: Claim, attempts: number, reason: string, retryAt: Date | null): Promise<void> {
  await db.outboxEmail.updateMany({
    where: claim,
    data:
      retryAt === null
        ? { status: "failed", attempts, lastError: reason, claimToken: null, claimedUntil: null }
        : { status: "pending", attempts, lastError: reason, nextAttemptAt: retryAt, claimToken: null, claimedUntil: null },
  });
}

/** Staff's "retry now": a failed or waiting email goes back to the front of the queue. */
export async function requeueEmail(id: string): Promise<boolean> {
  const { count } = await db.outboxEmail.updateMany({
    where: { id, status: { in: ["failed", "pending"] } },
    data: { status: "pending", nextAttemptAt: new Date(0), claimToken: null, claimedUntil: null },
  });
  return count === 1;
}

/** How far back the inbox and the digest look for emails that could not be delivered. */
const UNDELIVERED_WINDOW_DAYS = 30;

export type UndeliveredEmails = { count: number; references: string[] };

/**
 * Emails given up in the last 30 days (a mail server that refused them, or could not be reached for
 * three days), with the enquiries they belong to: the inbox and the daily digest say so, so that
 * nobody waits on an answer that never arrived. Sending one again (the enquiry's page) takes it off.
 */
export async function readUndeliveredEmails(now = new Date(), listed = 10): Promise<UndeliveredEmails> {
  const where = { status: "failed", createdAt: { gte: new Date(now.getTime() - UNDELIVERED_WINDOW_DAYS * 86_400_000) } };
  const [count, rows] = await Promise.all([
    db.outboxEmail.count({ where }),
    db.outboxEmail.findMany({
      where: { ...where, enquiry: { isNot: null } },
      orderBy: { createdAt: "desc" },
      take: listed * 3,
      select: { enquiry: { select: { reference: true } } },
    }),
  ]);
  const references = [...new Set(rows.flatMap((row) => (row.enquiry ? [row.enquiry.reference] : [])))].slice(0, listed);
  return { count, references };
}

/** An email waiting this long to go means the mail server is refusing or unreachable: staff are told, and the log warns. */
export const OUTBOX_BACKLOG_ALERT_MINUTES = 15;

/**
 * The emails still waiting to go (pending, or being sent) and how long the oldest has waited, when it
 * has waited longer than OUTBOX_BACKLOG_ALERT_MINUTES; null while the outbox is keeping up.
 */
export async function readOutboxBacklog(now = new Date()): Promise<{ waiting: number; oldestMinutes: number } | null> {
  const cutoff = new Date(now.getTime() - OUTBOX_BACKLOG_ALERT_MINUTES * 60_000);
  const oldest = await db.outboxEmail.findFirst({
    where: { status: { in: ["pending", "sending"] }, createdAt: { lt: cutoff } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  if (!oldest) return null;
  const waiting = await db.outboxEmail.count({ where: { status: { in: ["pending", "sending"] } } });
  return { waiting, oldestMinutes: Math.floor((now.getTime() - oldest.createdAt.getTime()) / 60_000) };
}
