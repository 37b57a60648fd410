import "server-only";
import { serverEnvOrExit, type ServerEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import { startBackgroundSweeper, stopBackgroundSweeper } from "@/lib/jobs/background-sweeper";
import { stopDelivering } from "@/lib/jobs/outbox-delivery";

/**
 * Why a production web server may not run as it was started: only the gallery's own server (npm start)
 * tells the app which address each request came from; started as `next start` or Next's server.js, the
 * limits on enquiries and sign-in guesses would have no address to count by.
 */
export function unprotectedStartReason(
  env: Pick<ServerEnv, "isProduction" | "isVercel" | "isBuilding" | "GALLERY_PEER_SECRET">,
): string | null {
  if (!env.isProduction || env.isVercel || env.isBuilding || env.GALLERY_PEER_SECRET) return null;
  return [
    "The gallery cannot start this way: it was started without its own server in front (`next start`, or",
    "`node .next/standalone/server.js`), which cannot tell it which address each visitor connects from, so",
    "its limits on enquiries and sign-in guesses would count nothing, or believe whatever a client claims.",
    "Start it with `npm start` (or `npm run start:stack` behind nginx).",
  ].join("\n");
}

/** The Node server's start-up: refuse to run half-configured or unprotected, then start retrying waiting emails. */
export function startNodeServer(): void {
  const env = serverEnvOrExit();
  const refusal = unprotectedStartReason(env);
  if (refusal) {
    console.error(refusal);
    process.exit(1);
  }
  startBackgroundSweeper();
  (globalThis as Record<symbol, unknown>)[BEFORE_EXIT] = stopBackgroundWork;
}

/**
 * The name under which the server file (scripts/build/warm-server.mjs), which is not part of the app's
 * bundle, finds stopBackgroundWork when it is told to stop.
 */
const BEFORE_EXIT = Symbol.for("gallery.stopBackgroundWork");

/**
 * A web process that is stopping: no email is claimed any more, those claimed and not yet begun are
 * handed back at once (another process sends them now, not when their claim runs out), the one being
 * sent is finished, and the sweeper stops; all within `withinMs`.
 */
export async function stopBackgroundWork(withinMs: number): Promise<void> {
  const started = Date.now();
  const delivery = await stopDelivering(withinMs);
  const left = Math.max(0, withinMs - (Date.now() - started));
  const swept = await Promise.race([
    stopBackgroundSweeper().then(() => true),
    new Promise<false>((resolve) => setTimeout(() => resolve(false), left).unref()),
  ]);
  logger.info({ ...delivery, sweeperStopped: swept, ms: Date.now() - started }, "Background work stopped: emails not yet sent handed back");
}
