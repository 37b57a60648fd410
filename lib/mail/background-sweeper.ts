import "server-only";
import { serverEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import { purgeExpiredEnquiries } from "@/lib/data/enquiry-retention";
import { sweepOutbox } from "./outbox";

const DAY_MS = 86_400_000;

const globalForSweeper = globalThis as unknown as { galleryOutboxSweeper?: NodeJS.Timeout };

/** On a long-lived Node server, pending emails are retried by this timer; no scheduler is needed. */
export function startBackgroundSweeper(): void {
  const env = serverEnv();
  if (env.OUTBOX_DISABLE_BACKGROUND_SWEEP || env.isBuilding || globalForSweeper.galleryOutboxSweeper) return;
  let running = false;
  let lastPurge = 0;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweepOutbox()
      .then(async (report) => {
        if (report.claimed > 0) logger.info(report, "Outbox sweep");
        if (Date.now() - lastPurge > DAY_MS) {
          lastPurge = Date.now();
          const purged = await purgeExpiredEnquiries();
          if (purged > 0) logger.info({ purged }, "Enquiries past their retention period deleted");
        }
      })
      .catch((error: unknown) => logger.error({ err: error }, "Outbox sweep failed"))
      .finally(() => {
        running = false;
      });
  }, env.OUTBOX_SWEEP_INTERVAL_SECONDS * 1000);
  timer.unref();
  globalForSweeper.galleryOutboxSweeper = timer;
}
