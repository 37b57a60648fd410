import "server-only";
import { serverEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import { forgetStaleStagedImports } from "@/lib/data/catalogue-import";
import { runDailyDigest } from "@/lib/data/daily-digest";
import { forgetExpiredConnectionData, purgeExpiredRecords, purgeOperationalRecords } from "@/lib/data/enquiry-retention";
import { eraseDueRequests } from "@/lib/data/enquiry-follow";
import { endExpiredHolds } from "@/lib/data/holds";
import { lapseExpiredOffers } from "@/lib/data/offers";
import { askRunningSiteToRefresh } from "@/lib/catalogue-cache/ask-running-site-to-refresh";
import { sweepOutbox } from "@/lib/jobs/outbox-delivery";
import { readOutboxBacklog } from "@/lib/data/outbox";
import { readGalleryMailbox } from "@/lib/jobs/read-mailbox";
import { queueNewWorkEmails } from "@/lib/data/new-work-alerts";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const MINUTE_MS = 60_000;

/**
 * Sends due emails and ends holds whose time has come every intervalMs, looks every minute whether the daily digest is due (it is
 * queued once a day whichever process gets there first, and sent on the next sweep), forgets
 * expired connection data (and spreadsheets staged for an import that never came) every quarter of
 * an hour and purges expired enquiries once a day, never two sweeps at once; reads the gallery's mailbox
 * for collectors' answers every INBOUND_POLL_SECONDS, on a timer of its own. Used inside a Node web
 * server (the default) and by the outbox worker process (the stack).
 */
export function startOutboxLoop(
  intervalMs: number,
  options: { keepProcessAlive: boolean; digestCheckEveryMs?: number },
): { stop: () => Promise<void> } {
  let running: Promise<void> | null = null;
  // The times between jobs are measured on the monotonic clock: the wall clock can be stepped (by NTP, by
  // hand), and one set back an hour had stopped the digest and the new-work emails for an hour, the
  // forgetting of connection data for longer, and the daily purge for a day. What is due (a digest's
  // day, a hold's end) is still judged by the wall clock, in the gallery's time zone.
  const elapsed = () => performance.now();
  const digestCheckEveryMs = options.digestCheckEveryMs ?? MINUTE_MS;
  // The heavy clean-ups wait a while after a start (a quarter of an hour, and ten minutes for the
  // daily purge): a process just started, or restarted by a deploy, serves first and does not hold the
  // database with a purge while the one it replaces is stopping.
  let lastPurge = elapsed() - DAY_MS + 10 * MINUTE_MS;
  let lastForget = elapsed();
  let lastDigestCheck = -Infinity;
  const tick = () => {
    if (running) return;
    running = sweepOutbox()
      .then(async (report) => {
        if (report.claimed > 0) logger.info(report, "Outbox sweep");
        // Holds end at their time, not at the next visit: the public pages are told (this loop runs
        // outside any request, where Next's cache cannot be reached directly).
        const holds = await endExpiredHolds(new Date());
        if (holds.change) logger.info({ ended: holds.ended, refresh: await askRunningSiteToRefresh(holds.change) }, "Holds ran out");
        const lapsed = await lapseExpiredOffers(new Date());
        if (lapsed > 0) logger.info({ lapsed }, "Offers lapsed");
        // A collector's erasure, a day after they asked from their follow link (the gallery's notice goes out next sweep).
        const erasures = await eraseDueRequests(new Date());
        if (erasures.erased > 0) logger.info({ erased: erasures.erased }, "Collectors' details erased at their request");
        if (elapsed() - lastDigestCheck >= digestCheckEveryMs) {
          lastDigestCheck = elapsed();
          // New works for those who asked to hear of them (at most one email a day each); sent on the next sweep.
          const newWorks = await queueNewWorkEmails(new Date());
          if (newWorks.queued > 0) logger.info(newWorks, "New works emails queued");
          const digest = await runDailyDigest();
          if (digest.outcome === "queued" || digest.outcome === "nothing_waiting") logger.info(digest, "Daily digest");
        }
        if (elapsed() - lastForget > HOUR_MS / 4) {
          lastForget = elapsed();
          // For whoever watches the log (and the inbox shows it): a quarter of an hour without mail going out.
          const backlog = await readOutboxBacklog();
          if (backlog)
            logger.warn({ alert: "outbox backlog", ...backlog }, "Emails have been waiting to go for a quarter of an hour or more");
          const forgotten = await forgetExpiredConnectionData();
          if (forgotten.addresses + forgotten.limiterRows + forgotten.webhookTokens + forgotten.unconfirmedAlerts > 0)
            logger.info(forgotten, "Expired connection data forgotten");
          const stagedImports = await forgetStaleStagedImports();
          if (stagedImports > 0) logger.info({ stagedImports }, "Spreadsheets read but never imported forgotten");
        }
        if (elapsed() - lastPurge > DAY_MS) {
          lastPurge = elapsed();
          const purged = { ...(await purgeExpiredRecords()), ...(await purgeOperationalRecords()) };
          if (Object.values(purged).some((count) => count > 0)) logger.info(purged, "Records past their retention period deleted");
        }
      })
      .catch((error: unknown) => logger.error({ err: error }, "Outbox sweep failed"))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  // And once at start: emails a stopped process handed back (or left unsent) go now, not an interval later.
  const firstTick = setTimeout(tick, 0);
  // The gallery's mailbox on its own timer: a slow mail server must not hold up the emails going out.
  let reading: Promise<void> | null = null;
  const readMailbox = () => {
    if (reading) return;
    reading = readGalleryMailbox()
      .then((report) => {
        if (report.read > 0) logger.info(report, "Collectors' emailed answers read");
      })
      .catch((error: unknown) => logger.error({ err: error }, "Reading the gallery's mailbox failed; the next pass tries again"))
      .finally(() => {
        reading = null;
      });
  };
  const mailboxTimer = serverEnv().INBOUND_IMAP_URL ? setInterval(readMailbox, serverEnv().INBOUND_POLL_SECONDS * 1000) : null;
  // Inside a web server the timer must not hold the process open at shutdown; the worker lives for it.
  if (!options.keepProcessAlive) {
    timer.unref();
    firstTick.unref();
    mailboxTimer?.unref();
  }
  return {
    async stop() {
      clearInterval(timer);
      clearTimeout(firstTick);
      if (mailboxTimer) clearInterval(mailboxTimer);
      await Promise.all([running, reading]);
    },
  };
}

const globalForSweeper = globalThis as unknown as { galleryOutboxSweeper?: { stop: () => Promise<void> } };

/** Stops this web process's sweeper (a deploy's SIGTERM): no new sweep, and the one under way finished. */
export async function stopBackgroundSweeper(): Promise<void> {
  const sweeper = globalForSweeper.galleryOutboxSweeper;
  delete globalForSweeper.galleryOutboxSweeper;
  await sweeper?.stop();
}

/**
 * On a long-lived Node server, pending emails are retried by this timer; no scheduler is needed.
 * Not where a separate worker sends (OUTBOX_DELIVERY=worker), nor on Vercel, whose function
 * instances live only as long as requests do: Vercel Cron calls the sweep route instead.
 */
export function startBackgroundSweeper(): void {
  const env = serverEnv();
  if (env.OUTBOX_DISABLE_BACKGROUND_SWEEP || env.OUTBOX_DELIVERY === "worker" || env.isVercel || env.isBuilding) return;
  if (globalForSweeper.galleryOutboxSweeper) return;
  globalForSweeper.galleryOutboxSweeper = startOutboxLoop(env.OUTBOX_SWEEP_INTERVAL_SECONDS * 1000, { keepProcessAlive: false });
}
