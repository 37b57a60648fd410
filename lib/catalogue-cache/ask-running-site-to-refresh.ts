/**
 * Asks the running site to drop its cached catalogue after a change made outside it (an import
 * from the command line, a restored database). Not server-only: the scripts call it.
 */
import { serverEnv } from "@/lib/env";

export async function askRunningSiteToRefresh(): Promise<string> {
  const env = serverEnv();
  try {
    const response = await fetch(`${env.SITE_URL}/api/revalidate`, {
      method: "POST",
      headers: { authorization: `Bearer ${env.CRON_SECRET ?? ""}` },
      signal: AbortSignal.timeout(5_000),
    });
    return response.ok
      ? `The site at ${env.SITE_URL} now shows the changes.`
      : `The site answered ${response.status} when asked to refresh: check CRON_SECRET.`;
  } catch {
    return `The site at ${env.SITE_URL} is not running; it will show the changes when it starts.`;
  }
}
