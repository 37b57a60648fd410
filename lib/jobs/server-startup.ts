import "server-only";
import { serverEnvOrExit } from "@/lib/env";
import { startBackgroundSweeper } from "@/lib/jobs/background-sweeper";

/** The Node server's start-up: refuse to run half-configured, then start retrying waiting emails. */
export function startNodeServer(): void {
  serverEnvOrExit();
  startBackgroundSweeper();
}
