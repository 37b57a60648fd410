import "server-only";
import { serverEnvOrExit, type ServerEnv } from "@/lib/env";
import { startBackgroundSweeper } from "@/lib/jobs/background-sweeper";

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
}
