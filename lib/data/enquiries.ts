import "server-only";
import { randomUUID } from "node:crypto";
import { sqlTimestamp, writeTransaction, type SqlStatements } from "@/lib/db/client";
import { bookViewingInTransaction } from "@/lib/data/viewing-bookings";
import { KEEP_ALERT_FOR_RESERVED_WORK_SQL } from "@/lib/data/availability-alerts";
import { INSERT_OFFER_SQL } from "@/lib/data/offers";
import type { ArtworkSnapshot } from "@/lib/enquiries/snapshot";
import type { EnquiryQuestion } from "@/lib/enquiries/vocabulary";
import type { ComposeEmails } from "@/lib/emails/outgoing-email";
import type { EnquiryLimit, EnquiryLimits } from "@/lib/enquiries/rate-limits";

export function formatEnquiryReference(year: number, id: number): string {
  return `ENQ-${year}-${String(id).padStart(6, "0")}`;
}

export type NewEnquiry = {
  submissionKey: string;
  artworkId: string | null;
  artworkSnapshot: ArtworkSnapshot | null;
  /** Every work the enquiry names, in order; when left out, the one work above (if any). */
  works?: Array<{ artworkId: string | null; snapshot: ArtworkSnapshot }>;
  name: string;
  email: string;
  phone: string | null;
  message: string;
  questions: EnquiryQuestion[];
  shippingCountry: string | null;
  clientIpHash: string | null;
  /** The collector's follow link (its hash only) and when it stops opening the enquiry. */
  follow?: { tokenHash: string; expiresAt: Date };
  /**
   * A viewing time booked with the enquiry: refused (and the enquiry with it) if the time is full or gone.
   * confirmationKey is the mailbox's day of confirmations (lib/emails/enquiry-emails.ts).
   */
  viewing?: { bookingId: string; slotId: string; cancelTokenHash: string; confirmationKey: string };
  /** When the gallery means to have answered (its reply-by setting from the moment of arrival). */
  replyBy?: Date;
  /** An offer made with the enquiry, on its one work. */
  offer?: { id: string; artworkId: string; amountMinor: number; currency: string; askingMinor: number; expiresAt: Date };
  now: Date;
};

export type StoredEnquiry = {
  reference: string;
  outboxIds: string[];
  duplicate: boolean;
  /** Whether the collector is sent an acknowledgement (not when today's went out already, or when flagged). */
  acknowledged: boolean;
};

export type StoreOutcome = ({ refused: false } & StoredEnquiry) | { refused: true; retryAfterSeconds: number };

/**
 * Counts one enquiry against a limit (the same rows and keys rate-limiter-flexible uses: a point
 * count and the end of the window) and returns the count and when the window ends.
 */
async function consume(sql: SqlStatements, limit: EnquiryLimit, now: Date, windowSeconds: number) {
  const nowText = sqlTimestamp(now);
  const windowEnd = sqlTimestamp(new Date(now.getTime() + windowSeconds * 1000));
  const [row] = await sql.all<{ points: number; expire: string }>(
    `INSERT INTO "RateLimiterFlexible" ("key", "points", "expire") VALUES (?, 1, ?)
     ON CONFLICT ("key") DO UPDATE SET
       "points" = CASE WHEN "expire" > ? THEN "points" + 1 ELSE 1 END,
       "expire" = CASE WHEN "expire" > ? THEN "expire" ELSE excluded."expire" END
     RETURNING "points", "expire"`,
    [limit.key, windowEnd, nowText, nowText],
  );
  return { count: Number(row!.points), retryAfterSeconds: Math.max(1, Math.ceil((Date.parse(row!.expire) - now.getTime()) / 1000)) };
}

const INSERT_ENQUIRY = `INSERT INTO "Enquiry" ("reference", "submissionKey", "artworkId", "artworkSnapshot", "name", "email", "phone",
  "message", "questions", "shippingCountry", "consentedAt", "status", "flagged", "flagReasons", "clientIpHash", "followTokenHash",
  "followExpiresAt", "replyBy", "createdAt", "updatedAt")
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING "id"`;

const INSERT_ENQUIRY_WORK = `INSERT INTO "EnquiryWork" ("id", "enquiryId", "artworkId", "position", "snapshot") VALUES (?, ?, ?, ?, ?)`;

// The day's acknowledgement to an address is written once: a second one finds its dedupe key taken.
const INSERT_OUTBOX_EMAIL = `INSERT INTO "OutboxEmail" ("id", "enquiryId", "kind", "dedupeKey", "toAddress", "fromAddress", "replyTo",
  "subject", "textBody", "htmlBody", "calendar", "status", "attempts", "nextAttemptAt", "createdAt", "updatedAt")
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?) ON CONFLICT ("dedupeKey") DO NOTHING RETURNING "id"`;

/**
 * Stores an enquiry in one write transaction: the check for a repeated submission, the rate-limit
 * counters, the enquiry with its reference, and its emails in the outbox. Either all of it is kept
 * or none. A repeated submission (same submission key) returns the enquiry already stored and
 * counts against no limit; a refused one stores nothing but its count. An email whose dedupe key
 * exists already (the day's acknowledgement to this address) is left out.
 */
export async function storeEnquiryWithEmails(enquiry: NewEnquiry, compose: ComposeEmails, limits?: EnquiryLimits): Promise<StoreOutcome> {
  return writeTransaction(async (sql) => {
    const [previous] = await sql.all<{ reference: string; acknowledged: number }>(
      `SELECT e."reference", EXISTS (SELECT 1 FROM "OutboxEmail" o WHERE o."enquiryId" = e."id" AND o."kind" = 'collector_acknowledgement') AS "acknowledged"
       FROM "Enquiry" e WHERE e."submissionKey" = ?`,
      [enquiry.submissionKey],
    );
    if (previous)
      return {
        refused: false,
        reference: previous.reference,
        outboxIds: [],
        duplicate: true,
        acknowledged: Boolean(previous.acknowledged),
      };

    let connectionCount = 0;
    let formTokenUses = 1;
    let siteCountThisMinute = 1;
    if (limits) {
      for (const limit of [limits.perConnection, limits.perEmail]) {
        if (!limit) continue;
        const counted = await consume(sql, limit, enquiry.now, limits.windowSeconds);
        // The count is kept even when refused, so a script that keeps trying stays refused.
        if (counted.count > limit.points) return { refused: true, retryAfterSeconds: counted.retryAfterSeconds };
        if (limit === limits.perConnection) connectionCount = counted.count;
      }
      // Counts that never refuse: they only decide flags.
      const countOnly = async (counter: { key: string; windowSeconds: number } | undefined) =>
        counter ? (await consume(sql, { key: counter.key, points: Number.MAX_SAFE_INTEGER }, enquiry.now, counter.windowSeconds)).count : 1;
      formTokenUses = await countOnly(limits.formToken);
      siteCountThisMinute = await countOnly(limits.acrossSite);
    }

    const { flagReasons, emails } = compose({ connectionCount, formTokenUses, siteCountThisMinute });
    const now = sqlTimestamp(enquiry.now);
    const [created] = await sql.all<{ id: number }>(INSERT_ENQUIRY, [
      `pending-${enquiry.submissionKey}`,
      enquiry.submissionKey,
      enquiry.artworkId,
      enquiry.artworkSnapshot ? JSON.stringify(enquiry.artworkSnapshot) : null,
      enquiry.name,
      enquiry.email,
      enquiry.phone,
      enquiry.message,
      JSON.stringify(enquiry.questions),
      enquiry.shippingCountry,
      now,
      flagReasons.length > 0 ? "spam" : "new",
      flagReasons.length > 0 ? 1 : 0,
      flagReasons.length > 0 ? flagReasons.join("; ") : null,
      enquiry.clientIpHash,
      enquiry.follow?.tokenHash ?? null,
      enquiry.follow ? sqlTimestamp(enquiry.follow.expiresAt) : null,
      enquiry.replyBy ? sqlTimestamp(enquiry.replyBy) : null,
      now,
      now,
    ]);
    const id = Number(created!.id);
    const reference = formatEnquiryReference(enquiry.now.getUTCFullYear(), id);
    await sql.run(`UPDATE "Enquiry" SET "reference" = ? WHERE "id" = ?`, [reference, id]);
    const works = enquiry.works ?? (enquiry.artworkSnapshot ? [{ artworkId: enquiry.artworkId, snapshot: enquiry.artworkSnapshot }] : []);
    for (const [position, work] of works.entries()) {
      await sql.run(INSERT_ENQUIRY_WORK, [randomUUID(), id, work.artworkId, position, JSON.stringify(work.snapshot)]);
    }
    // The acknowledgement of a reserved work promises to tell them if it comes free: that promise is kept
    // here, with the enquiry (not for one held back as spam).
    if (flagReasons.length === 0) {
      for (const work of works) {
        if (!work.artworkId) continue;
        await sql.run(KEEP_ALERT_FOR_RESERVED_WORK_SQL, [
          randomUUID(),
          enquiry.email.toLowerCase(),
          enquiry.name,
          id,
          now,
          now,
          now,
          work.artworkId,
        ]);
      }
    }
    if (enquiry.offer) {
      const { offer } = enquiry;
      await sql.run(INSERT_OFFER_SQL, [
        offer.id,
        id,
        offer.artworkId,
        offer.amountMinor,
        offer.currency,
        offer.askingMinor,
        sqlTimestamp(offer.expiresAt),
        now,
        now,
      ]);
    }
    // A booking with an enquiry held back as spam, or a second one to the same mailbox today, takes no
    // place and sends no confirmation until staff release it: a script cannot fill the gallery's times,
    // nor have a stranger's mailbox sent confirmations.
    let viewingAwaitsRelease = false;
    if (enquiry.viewing) {
      const [confirmedToday] = await sql.all<{ id: string }>(`SELECT "id" FROM "OutboxEmail" WHERE "dedupeKey" = ?`, [
        enquiry.viewing.confirmationKey,
      ]);
      viewingAwaitsRelease = flagReasons.length > 0 || Boolean(confirmedToday);
      await bookViewingInTransaction(sql, {
        id: enquiry.viewing.bookingId,
        slotId: enquiry.viewing.slotId,
        enquiryId: id,
        cancelTokenHash: enquiry.viewing.cancelTokenHash,
        now: enquiry.now,
        awaitingRelease: viewingAwaitsRelease,
      });
    }

    const outboxIds: string[] = [];
    let acknowledged = false;
    for (const email of emails) {
      if (email.kind === "viewing_confirmation" && viewingAwaitsRelease) continue;
      const rendered = email.render(reference);
      const [row] = await sql.all<{ id: string }>(INSERT_OUTBOX_EMAIL, [
        randomUUID(),
        id,
        email.kind,
        email.dedupeKey ?? null,
        email.to,
        email.from,
        email.replyTo,
        rendered.subject,
        rendered.text,
        rendered.html,
        email.calendar ?? null,
        now,
        now,
        now,
      ]);
      if (!row) continue;
      outboxIds.push(row.id);
      if (email.kind === "collector_acknowledgement") acknowledged = true;
    }
    return { refused: false, reference, outboxIds, duplicate: false, acknowledged };
  });
}
