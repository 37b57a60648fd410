import "server-only";
import { serverEnv } from "@/lib/env";
import { startBackgroundSweeper } from "@/lib/mail/background-sweeper";

/** The Node server's start-up: refuse to run half-configured, then start retrying waiting emails. */
export function startNodeServer(): void {
  try {
    serverEnv();
  } catch (error) {
    // Next.js would log this and go on answering every request with a 500; a server that can't take enquiries must not run.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  startBackgroundSweeper();
}
