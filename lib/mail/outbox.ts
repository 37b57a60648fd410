import "server-only";
import { randomUUID } from "node:crypto";
import { db, executeSql, sqlTimestamp } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import type { Prisma } from "@/lib/generated/prisma/client";
import { MailDeliveryError, mailSender } from "./transport";

/**
 * The outbox: emails are rows written in the same transaction as the enquiry, then delivered.
 * Each delivery first claims its rows with one UPDATE (atomic in SQLite), so two server
 * instances sweeping at once never send the same email twice. A mail server that is down or
 * answers 4xx is retried with backoff; a 5xx answer fails the email with the server's reason.
 */

export const MAX_ATTEMPTS = 12;
const CLAIM_MS = 2 * 60_000;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 60 * 60_000;

export function retryDelayMs(attempts: number): number {
  return Math.min(BASE_DELAY_MS * 2 ** Math.max(attempts - 1, 0), MAX_DELAY_MS);
}

type DeliverOptions = {
  now?: Date;
  /** How long a claim holds each email (tests shorten it). */
  leaseMs?: number;
  /** Only these emails (delivery right after an enquiry); otherwise every due email. */
  ids?: string[];
  limit?: number;
};

/** lost: claimed, but taken over by another sweeper before this one reached them (so not sent here). */
export type DeliveryReport = { claimed: number; sent: number; retrying: number; failed: number; lost: number };

function dueWhere(now: Date, ids?: string[]): Prisma.OutboxEmailWhereInput {
  return {
    ...(ids ? { id: { in: ids } } : {}),
    OR: [
      { status: "pending", nextAttemptAt: { lte: now } },
      // A claim whose holder died mid-send is released when it expires.
      { status: "sending", claimedUntil: { lt: now } },
    ],
  };
}

async function claim(now: Date, ids: string[] | undefined, limit: number, leaseMs: number) {
  const candidates = await db.outboxEmail.findMany({
    where: dueWhere(now, ids),
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

export async function deliverDueEmails(options: DeliverOptions = {}): Promise<DeliveryReport> {
  const now = options.now ?? new Date();
  const sender = mailSender();
  const leaseMs = options.leaseMs ?? CLAIM_MS;
  const claimed = await claim(now, options.ids, options.limit ?? 50, leaseMs);
  const report: DeliveryReport = { claimed: claimed.length, sent: 0, retrying: 0, failed: 0, lost: 0 };

  for (const email of claimed) {
    const attempts = email.attempts + 1;
    const owned = { id: email.id, claimToken: email.claimToken };
    // The batch's claim may have run out while earlier emails were sent (a slow mail server) and another
    // sweeper may have taken this one: renew it just before sending, and send only if it is still ours.
    // A lease is far longer than one send can take (the SMTP timeouts), so a renewed email is sent once.
    const renewed = await executeSql(
      `UPDATE "OutboxEmail" SET "claimedUntil" = ? WHERE "id" = ? AND "claimToken" = ? AND "status" = 'sending'`,
      [sqlTimestamp(new Date(Date.now() + leaseMs)), owned.id, owned.claimToken],
    );
    if (renewed === 0) {
      report.lost += 1;
      continue;
    }
    try {
      const result = await sender.send({
        from: email.fromAddress,
        fromName: serverEnv().GALLERY_NAME,
        to: email.toAddress,
        replyTo: email.replyTo,
        subject: email.subject,
        text: email.textBody,
        html: email.htmlBody,
        calendar: email.calendar,
        messageId: `<${email.id}@gallery.outbox>`,
      });
      // Marked sent the moment the server accepted it, and only while this sweep still holds the claim.
      // One prepared statement: a busy outbox records hundreds of these a second.
      const sentAt = sqlTimestamp(new Date());
      await executeSql(
        `UPDATE "OutboxEmail" SET "status" = 'sent', "attempts" = ?, "sentAt" = ?, "messageId" = ?, "lastError" = NULL, "claimToken" = NULL,
           "claimedUntil" = NULL, "updatedAt" = ? WHERE "id" = ? AND "claimToken" = ?`,
        [attempts, sentAt, result.messageId, sentAt, owned.id, owned.claimToken],
      );
      report.sent += 1;
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      const permanent = error instanceof MailDeliveryError && error.permanent;
      const givingUp = permanent || attempts >= MAX_ATTEMPTS;
      await db.outboxEmail.updateMany({
        where: owned,
        data: givingUp
          ? {
              status: "failed",
              attempts,
              lastError: permanent ? reason : `Gave up after ${attempts} attempts: ${reason}`,
              claimToken: null,
              claimedUntil: null,
            }
          : {
              status: "pending",
              attempts,
              lastError: reason,
              nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
              claimToken: null,
              claimedUntil: null,
            },
      });
      if (givingUp) report.failed += 1;
      else report.retrying += 1;
      logger.warn(
        { emailId: email.id, kind: email.kind, attempts, permanent, reason },
        givingUp ? "Email delivery failed" : "Email delivery will be retried",
      );
    }
  }
  return report;
}

/**
 * Every due email, in batches, until none is left. For the background timer and the sweep route.
 * It ends: each claimed email is sent, failed, rescheduled after `now`, or held by another sweeper.
 */
export async function sweepOutbox(options: Omit<DeliverOptions, "ids"> = {}): Promise<DeliveryReport> {
  const total: DeliveryReport = { claimed: 0, sent: 0, retrying: 0, failed: 0, lost: 0 };
  for (;;) {
    const report = await deliverDueEmails(options);
    total.claimed += report.claimed;
    total.sent += report.sent;
    total.retrying += report.retrying;
    total.failed += report.failed;
    total.lost += report.lost;
    if (report.claimed === 0) return total;
  }
}

/** Staff's "retry now": a failed or waiting email goes back to the front of the queue. */
export async function requeueEmail(id: string): Promise<boolean> {
  const { count } = await db.outboxEmail.updateMany({
    where: { id, status: { in: ["failed", "pending"] } },
    data: { status: "pending", nextAttemptAt: new Date(0), claimToken: null, claimedUntil: null },
  });
  return count === 1;
}
