/**
 * Runs once when the server starts. Validating the configuration here makes a production server
 * with missing mail settings stop at start-up with a clear message, not fail at the first enquiry.
 */
export async function register() {
  // NEXT_RUNTIME is a compile-time constant Next.js inlines, so the Edge bundle never sees the Node-only import.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startNodeServer } = await import("@/lib/jobs/server-startup");
    startNodeServer();
  }
}
