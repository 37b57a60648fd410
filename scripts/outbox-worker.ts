/**
 * The outbox worker: sends stored emails and retries failed ones, in its own process, so the web
 * processes spend their time on collectors (run them with OUTBOX_DELIVERY=worker). Several workers
 * may run at once: each email is claimed atomically before it is sent. Stops cleanly on SIGTERM,
 * finishing the email it is sending, so a restart never sends one twice.
 */
import { serverEnvOrExit } from "@/lib/env";
import { logger } from "@/lib/logger";
import { startOutboxLoop } from "@/lib/jobs/background-sweeper";

const env = serverEnvOrExit();

const loop = startOutboxLoop(env.OUTBOX_WORKER_POLL_MS, { keepProcessAlive: true });
logger.info({ pollMs: env.OUTBOX_WORKER_POLL_MS, database: env.DATABASE_URL.split("?")[0] }, "Outbox worker started");

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "Outbox worker stopping after the current sweep");
    void loop.stop().then(() => process.exit(0));
  });
}
