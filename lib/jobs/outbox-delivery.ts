import "server-only";
import { serverEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import { claimDueEmails, markEmailAttemptFailed, markEmailSent, releaseClaims, renewClaim, type OutboxLane } from "@/lib/data/outbox";
import { storedHeadersFrom } from "@/lib/data/database-values";
import { objectStore } from "@/lib/storage";
import { MailDeliveryError, mailSender } from "@/lib/smtp/transport";
import { withoutAddresses } from "@/lib/smtp/without-addresses";
import { OUTBOX_MESSAGE_ID_DOMAIN, replyAddressFor } from "@/lib/enquiries/email-replies";
import { TO_THE_COLLECTOR_KINDS, type OutboxKind } from "@/lib/enquiries/vocabulary";

/**
 * Delivers the outbox (lib/data/outbox.ts holds its rows). A mail server that is down or answers 4xx
 * is retried with backoff; a 5xx answer fails the email with the server's reason.
 */

/**
 * A mail server that is down or says "try later" is tried again for three days (as mail servers
 * themselves do), further apart each time up to an hour, each wait varied by a fifth either way so that
 * emails queued together do not all return at once. Then it is given up, and staff see it (the inbox and
 * the daily digest say how many).
 */
export const RETRY_FOR_MS = 3 * 24 * 60 * 60_000;
const RETRY_JITTER = 0.2;
const CLAIM_MS = 2 * 60_000;

/** The stored file an email carries; a file gone from storage fails the send (and is retried), never sends without it. */
async function attachmentsOf(email: { attachmentKey: string | null; attachmentName: string | null }) {
  if (!email.attachmentKey) return undefined;
  const stored = await objectStore().get(email.attachmentKey);
  if (!stored) throw new Error(`The file to attach (${email.attachmentKey}) is not in storage`);
  return [
    { filename: email.attachmentName ?? email.attachmentKey.split("/").pop()!, content: stored.body, contentType: stored.contentType },
  ];
}
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 60 * 60_000;

/** The wait before the next try, before its variation. */
export function retryDelayMs(attempts: number): number {
  return Math.min(BASE_DELAY_MS * 2 ** Math.max(attempts - 1, 0), MAX_DELAY_MS);
}

/** The longest the wait can be, varied: a time by which the next try is surely due. */
export function longestRetryDelayMs(attempts: number): number {
  return retryDelayMs(attempts) * (1 + RETRY_JITTER);
}

/** The wait, varied by up to a fifth either way. */
export function variedRetryDelayMs(attempts: number, random: () => number = Math.random): number {
  return Math.round(retryDelayMs(attempts) * (1 - RETRY_JITTER + 2 * RETRY_JITTER * random()));
}

type DeliverOptions = {
  /** The moment the claim is made (default: the clock's now). */
  now?: Date;
  /** Where "now" comes from for the claim and each renewal (tests move it instead of waiting). */
  clock?: () => Date;
  /** How long a claim holds each email (tests shorten it). */
  leaseMs?: number;
  /** Only these emails (delivery right after an enquiry); otherwise every due email. */
  ids?: string[];
  limit?: number;
  /** Personal emails only, or bulk mailings only (sweepOutbox sends the first, then paces the second). */
  lane?: OutboxLane;
};

/** lost: claimed, but taken over by another sweeper before this one reached them (so not sent here). */
/**
 * An email to the collector about their enquiry is answered to the enquiry's own reply address, when
 * the gallery has one (INBOUND_REPLY_ADDRESS): the answer comes back into the enquiry (lib/jobs/read-mailbox.ts).
 * Made at sending, so every email, the enquiry's fast path included, gets it the same way.
 */
function replyToFor(email: { kind: string; enquiryId: number | null; replyTo: string | null }): string | null {
  const env = serverEnv();
  if (!env.INBOUND_REPLY_ADDRESS || email.enquiryId === null || !TO_THE_COLLECTOR_KINDS.has(email.kind as OutboxKind)) return email.replyTo;
  return replyAddressFor(env.INBOUND_REPLY_ADDRESS, email.enquiryId, env.FORM_SIGNING_SECRET);
}

/** released: claimed, then handed back unsent because this process is stopping (another sends them at once). */
export type DeliveryReport = { claimed: number; sent: number; retrying: number; failed: number; lost: number; released: number };

const emptyReport = (): DeliveryReport => ({ claimed: 0, sent: 0, retrying: 0, failed: 0, lost: 0, released: 0 });

/*
 * A process that is stopping (a deploy's SIGTERM) claims no more emails, and hands back at once those it
 * claimed and has not begun to send, instead of leaving them to wait out their lease (two minutes in
 * which nobody would send them). The one email being sent when the signal came is finished first: handed
 * back mid-send, it could be sent twice.
 */
type DeliveryState = { stopping: boolean; underway: Set<Promise<DeliveryReport>> };
// On globalThis: Next.js bundles the server's start-up (instrumentation) apart from the routes, each with
// its own copy of this module, and the one told to stop must see the deliveries the routes started.
const globalForDelivery = globalThis as unknown as { galleryDeliveryState?: DeliveryState };
const delivery = (globalForDelivery.galleryDeliveryState ??= { stopping: false, underway: new Set() });

export type StopReport = { released: number; unfinished: number };

/**
 * Stops this process's deliveries: waits (up to `withinMs`) for each to finish the email it is sending
 * and hand back the rest. `unfinished`: deliveries still sending when the time ran out, whose emails
 * stay claimed until their lease ends (they may have reached the mail server).
 */
export async function stopDelivering(withinMs: number): Promise<StopReport> {
  delivery.stopping = true;
  const underway = [...delivery.underway];
  let released = 0;
  const settled = Promise.allSettled(underway).then((reports) => {
    for (const report of reports) if (report.status === "fulfilled") released += report.value.released;
    return true;
  });
  const finished = await Promise.race([settled, new Promise<false>((resolve) => setTimeout(() => resolve(false), withinMs).unref())]);
  return { released, unfinished: finished ? 0 : delivery.underway.size };
}

export function deliverDueEmails(options: DeliverOptions = {}): Promise<DeliveryReport> {
  if (delivery.stopping) return Promise.resolve(emptyReport());
  const underway = deliverClaimedEmails(options).finally(() => delivery.underway.delete(underway));
  delivery.underway.add(underway);
  return underway;
}

async function deliverClaimedEmails(options: DeliverOptions): Promise<DeliveryReport> {
  const clock = options.clock ?? (() => new Date());
  const now = options.now ?? clock();
  const sender = mailSender();
  const leaseMs = options.leaseMs ?? CLAIM_MS;
  // How much of its lease a claim may have used and still count as fresh: a second, a tenth of a short lease.
  const freshForMs = Math.min(1_000, leaseMs / 10);
  const claimed = await claimDueEmails(now, options.ids, options.limit ?? 50, leaseMs, options.lane);
  const report: DeliveryReport = { ...emptyReport(), claimed: claimed.length };

  for (const email of claimed) {
    if (delivery.stopping) {
      if (email.claimToken) report.released = await releaseClaims(email.claimToken);
      break;
    }
    const attempts = email.attempts + 1;
    const owned = { id: email.id, claimToken: email.claimToken };
    // The batch's claim may have run out while earlier emails were sent (a slow mail server) and another
    // sweeper may have taken this one: renew it just before sending, and send only if it is still ours.
    // A lease is far longer than one send can take (the SMTP timeouts), so a renewed email is sent once.
    // A claim made a moment ago is as good as renewed (no other sweeper can take it before it runs out):
    // renewing it anyway doubled the worker's writes, each a turn at the database's one write lock, which
    // the collectors' enquiries wait for too.
    // A claim that ends further ahead than its lease was made before the clock was set back, and other
    // sweepers may take it (lib/data/outbox.ts, LONGEST_CLAIM_MS): renewed too, so it is sent only if still ours.
    const sendingAt = clock().getTime();
    const leaseLeft = (email.claimedUntil?.getTime() ?? 0) - sendingAt;
    const fresh = leaseLeft >= leaseMs - freshForMs && leaseLeft <= leaseMs;
    if (!fresh && !(await renewClaim(owned, new Date(sendingAt + leaseMs)))) {
      report.lost += 1;
      continue;
    }
    try {
      const result = await sender.send({
        from: email.fromAddress,
        fromName: serverEnv().GALLERY_NAME,
        to: email.toAddress,
        replyTo: replyToFor(email),
        subject: email.subject,
        text: email.textBody,
        html: email.htmlBody,
        calendar: email.calendar,
        headers: storedHeadersFrom(email.headers),
        attachments: await attachmentsOf(email),
        // Quoted back in an answer's In-Reply-To and References: how the answer finds its enquiry.
        messageId: `<${email.id}@${OUTBOX_MESSAGE_ID_DOMAIN}>`,
      });
      await markEmailSent(owned, attempts, result.messageId);
      report.sent += 1;
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      const permanent = error instanceof MailDeliveryError && error.permanent;
      const givingUp = permanent || now.getTime() - email.createdAt.getTime() >= RETRY_FOR_MS;
      await markEmailAttemptFailed(
        owned,
        attempts,
        givingUp && !permanent ? `Gave up after ${attempts} attempts over three days: ${reason}` : reason,
        givingUp ? null : new Date(now.getTime() + variedRetryDelayMs(attempts)),
      );
      if (givingUp) report.failed += 1;
      else report.retrying += 1;
      logger.warn(
        { emailId: email.id, kind: email.kind, attempts, permanent, reason: withoutAddresses(reason) },
        givingUp ? "Email delivery failed" : "Email delivery will be retried",
      );
    }
  }
  return report;
}

/** Bulk mailings go out ten at a time... */
const BULK_BATCH = 10;
/** ...each batch followed by a pause three times as long as it took: at most a quarter of a core for them. */
const BULK_PAUSE_FACTOR = 3;
/** One sweep spends at most this long on bulk mailings, so the next sweep's personal emails never wait behind them. */
const BULK_BUDGET_MS = 20_000;

function addReports(total: DeliveryReport, report: DeliveryReport) {
  total.claimed += report.claimed;
  total.sent += report.sent;
  total.retrying += report.retrying;
  total.failed += report.failed;
  total.lost += report.lost;
  total.released += report.released;
}

/**
 * Every due personal email, in batches, until none is left; then bulk mailings (a day's new-work emails),
 * paced so that sending thousands takes a quarter of a core at most and leaves the web processes theirs,
 * for at most BULK_BUDGET_MS a sweep (the rest go in the next). For the background timer and the sweep
 * route. It ends: each claimed email is sent, failed, rescheduled after `now`, or held by another sweeper.
 */
export async function sweepOutbox(options: Omit<DeliverOptions, "ids" | "lane"> = {}): Promise<DeliveryReport> {
  const total = emptyReport();
  const personal = async () => {
    for (;;) {
      const report = await deliverDueEmails({ ...options, lane: "personal" });
      addReports(total, report);
      if (report.claimed === 0) return;
    }
  };
  await personal();
  // Timed on the monotonic clock: with the wall clock, a step forward of a day while a batch was sent
  // made the pause after it three days long, and a step back an hour kept one sweep going for the hour.
  const bulkUntil = performance.now() + BULK_BUDGET_MS;
  while (performance.now() < bulkUntil && !delivery.stopping) {
    // A personal email queued meanwhile (an enquiry's acknowledgement) goes before the next batch.
    await personal();
    const started = performance.now();
    const report = await deliverDueEmails({ ...options, lane: "bulk", limit: BULK_BATCH });
    addReports(total, report);
    if (report.claimed === 0) break;
    await new Promise((resolve) => setTimeout(resolve, (performance.now() - started) * BULK_PAUSE_FACTOR));
  }
  return total;
}
