/**
 * Runs once when the server starts. Validating the configuration here makes a production server
 * with missing mail settings stop at start-up with a clear message, not fail at the first enquiry.
 */
export async function register() {
  // NEXT_RUNTIME is a compile-time constant Next.js inlines, so the Edge bundle never sees the Node-only import.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { serverEnv } = await import("@/lib/env");
  try {
    serverEnv();
  } catch (error) {
    // Next.js would log this and go on answering every request with a 500; a server that can't take enquiries must not run.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  const { startBackgroundSweeper } = await import("@/lib/mail/background-sweeper");
  startBackgroundSweeper();
}
