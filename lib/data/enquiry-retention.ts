import "server-only";
import { db } from "@/lib/db/client";
import type { RetentionSettings } from "@/lib/validations/retention-settings";
import type { OutboxKind } from "@/lib/enquiries/vocabulary";

/** The privacy notice promises deletion two years after the last message: this keeps that promise. */
export const ENQUIRY_RETENTION_DAYS = 730;

export const DEFAULT_RETENTION_SETTINGS: RetentionSettings = { spamKeptDays: 30, digestEmailsKeptDays: 30 };

/** How long spam and digest emails are kept (the defaults until an owner changes them). */
export async function readRetentionSettings(): Promise<RetentionSettings> {
  const row = await db.retentionSettings.findUnique({ where: { id: 1 } });
  return row ? { spamKeptDays: row.spamKeptDays, digestEmailsKeptDays: row.digestEmailsKeptDays } : DEFAULT_RETENTION_SETTINGS;
}

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

/**
 * A sent email's words are kept this long; then only its envelope (to whom, when, its subject, how it
 * went) stays. A staff reply keeps its words: it is the enquiry's conversation, shown to staff and
 * to the collector on their follow page. Every other email repeats what the enquiry holds.
 */
export const SENT_EMAIL_WORDS_KEPT_DAYS = 7;

/**
 * Deletes what is past its time, each with everything of its own (an enquiry's emails, notes, bookings):
 * enquiries untouched for the retention period; enquiries in spam untouched for the owner's spam period;
 * digest emails sent or given up longer ago than theirs (one still waiting to go is never deleted);
 * the words of sent emails other than staff replies after SENT_EMAIL_WORDS_KEPT_DAYS.
 */
export async function purgeExpiredRecords(
  now = new Date(),
): Promise<{ enquiries: number; spam: number; digestEmails: number; sentEmailWords: number }> {
  const settings = await readRetentionSettings();
  const cutoff = daysBefore(now, ENQUIRY_RETENTION_DAYS);
  const spamCutoff = daysBefore(now, settings.spamKeptDays);
  const digestCutoff = daysBefore(now, settings.digestEmailsKeptDays);
  const enquiries = await db.enquiry.deleteMany({ where: { updatedAt: { lt: cutoff }, notes: { none: { createdAt: { gte: cutoff } } } } });
  const spam = await db.enquiry.deleteMany({
    where: { status: "spam", updatedAt: { lt: spamCutoff }, notes: { none: { createdAt: { gte: spamCutoff } } } },
  });
  const digestEmails = await db.$transaction(async (tx) => {
    const old = await tx.outboxEmail.findMany({
      where: { kind: "daily_digest" satisfies OutboxKind, status: { in: ["sent", "failed"] }, createdAt: { lt: digestCutoff } },
      select: { id: true },
    });
    const ids = old.map((email) => email.id);
    await tx.digestRun.updateMany({ where: { emailId: { in: ids } }, data: { emailId: null } });
    return (await tx.outboxEmail.deleteMany({ where: { id: { in: ids } } })).count;
  });
  const sentEmailWords = await db.outboxEmail.updateMany({
    where: {
      status: "sent",
      kind: { not: "staff_reply" satisfies OutboxKind },
      sentAt: { lt: daysBefore(now, SENT_EMAIL_WORDS_KEPT_DAYS) },
      textBody: { not: "" },
    },
    data: { textBody: "", htmlBody: "", calendar: null },
  });
  return { enquiries: enquiries.count, spam: spam.count, digestEmails, sentEmailWords: sentEmailWords.count };
}

/** Emails about no enquiry (new-work mailings, invitations, notices to staff): kept this long after they were written. */
export const OTHER_EMAILS_KEPT_DAYS = 90;
/** The digest's claims on its days: only today's is needed to send one a day; a season's show when digests went. */
export const DIGEST_DAYS_KEPT = 90;
/** A staff invitation, once used or run out (who was invited, and by whom, stays in the activity log). */
export const INVITATIONS_KEPT_DAYS = 30;

export type OperationalPurge = { sessions: number; verifications: number; invitations: number; digestDays: number; otherEmails: number };

/**
 * The rest of what the site writes as it runs and never needs again, so that no table grows with time
 * alone: expired staff sessions and sign-in verifications, old invitations, the digest's old day
 * claims, and emails about no enquiry once they have gone (an enquiry's emails stay with it, their words
 * removed after a week). Run daily with purgeExpiredRecords.
 */
export async function purgeOperationalRecords(now = new Date()): Promise<OperationalPurge> {
  const invitationCutoff = daysBefore(now, INVITATIONS_KEPT_DAYS);
  const [sessions, verifications, invitations, digestDays, otherEmails] = await Promise.all([
    db.session.deleteMany({ where: { expiresAt: { lt: now } } }),
    db.verification.deleteMany({ where: { expiresAt: { lt: now } } }),
    db.staffInvitation.deleteMany({ where: { OR: [{ usedAt: { lt: invitationCutoff } }, { usedAt: null, expiresAt: { lt: invitationCutoff } }] } }),
    db.digestRun.deleteMany({ where: { createdAt: { lt: daysBefore(now, DIGEST_DAYS_KEPT) } } }),
    db.outboxEmail.deleteMany({
      where: {
        enquiryId: null,
        // Digest emails have their own period, which an owner sets (purgeExpiredRecords).
        kind: { not: "daily_digest" satisfies OutboxKind },
        // Settled (sent, or given up after at most three days of tries) long before they are this old.
        status: { in: ["sent", "failed"] },
        createdAt: { lt: daysBefore(now, OTHER_EMAILS_KEPT_DAYS) },
      },
    }),
  ]);
  return {
    sessions: sessions.count,
    verifications: verifications.count,
    invitations: invitations.count,
    digestDays: digestDays.count,
    otherEmails: otherEmails.count,
  };
}

/** The privacy notice says a connection's fingerprint is kept "an hour or so": the per-connection limit's own window. */
export const CONNECTION_DATA_HOURS = 1;

/**
 * Forgets connection fingerprints older than CONNECTION_DATA_HOURS (on enquiries, where they were
 * only needed while the limit could count them) and every rate-limit row whose window has ended.
 * Run every hour by the outbox loop on a Node server, and by the outbox sweep route on Vercel.
 */
export async function forgetExpiredConnectionData(
  now = new Date(),
): Promise<{ addresses: number; limiterRows: number; webhookTokens: number; unconfirmedAlerts: number }> {
  const cutoff = new Date(now.getTime() - CONNECTION_DATA_HOURS * 3_600_000);
  const [addresses, limiterRows, webhookTokens, unconfirmedAlerts] = await Promise.all([
    db.enquiry.updateMany({ where: { clientIpHash: { not: null }, createdAt: { lt: cutoff } }, data: { clientIpHash: null } }),
    db.rateLimiterFlexible.deleteMany({ where: { expire: { lt: now } } }),
    // An inbound webhook's tokens are kept a day against replays (lib/routes/inbound-email-endpoint.ts).
    db.inboundWebhookToken.deleteMany({ where: { receivedAt: { lt: new Date(now.getTime() - 86_400_000) } } }),
    // "Nothing is kept until you press it": a new-work alert whose link ran out unpressed goes.
    db.newWorkAlert.deleteMany({ where: { confirmedAt: null, confirmBy: { lt: now } } }),
  ]);
  return {
    addresses: addresses.count,
    limiterRows: limiterRows.count,
    webhookTokens: webhookTokens.count,
    unconfirmedAlerts: unconfirmedAlerts.count,
  };
}
