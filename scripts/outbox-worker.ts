/**
 * The outbox worker: sends stored emails and retries failed ones, in its own process, so the web
 * processes spend their time on collectors (run them with OUTBOX_DELIVERY=worker). Several workers
 * may run at once: each email is claimed atomically before it is sent. Stops cleanly on SIGTERM,
 * finishing the email it is sending, so a restart never sends one twice.
 */
import { serverEnvOrExit } from "@/lib/env";
import { logger } from "@/lib/logger";
import { startOutboxLoop } from "@/lib/jobs/background-sweeper";
import { stopDelivering } from "@/lib/jobs/outbox-delivery";

const env = serverEnvOrExit();

const loop = startOutboxLoop(env.OUTBOX_WORKER_POLL_MS, { keepProcessAlive: true });
logger.info({ pollMs: env.OUTBOX_WORKER_POLL_MS, database: env.DATABASE_URL.split("?")[0] }, "Outbox worker started");

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "Outbox worker stopping: the email being sent is finished, the others handed back");
    // Within 10 s, as a web process: a restart never waits out the claims a stopped worker held.
    const forced = setTimeout(() => process.exit(0), 9_500);
    void stopDelivering(9_000)
      .then((report) => logger.info(report, "Outbox worker: deliveries stopped"))
      .then(() => loop.stop())
      .finally(() => {
        clearTimeout(forced);
        process.exit(0);
      });
  });
}
