/**
 * Asks the running site to drop its cached catalogue after a change made outside it (an import
 * from the command line, a restored database, a hold that ran out in the worker). Not server-only:
 * the scripts call it. Without a change named, everything is refreshed.
 */
import type { CatalogueChange } from "@/lib/catalogue/catalogue-change";
import { serverEnv } from "@/lib/env";

export async function askRunningSiteToRefresh(change: CatalogueChange = { everything: true }): Promise<string> {
  const env = serverEnv();
  try {
    const response = await fetch(`${env.SITE_URL}/api/revalidate`, {
      method: "POST",
      headers: { authorization: `Bearer ${env.CRON_SECRET ?? ""}`, "content-type": "application/json" },
      body: JSON.stringify(change),
      signal: AbortSignal.timeout(5_000),
    });
    return response.ok
      ? `The site at ${env.SITE_URL} now shows the changes.`
      : `The site answered ${response.status} when asked to refresh: check CRON_SECRET.`;
  } catch {
    return `The site at ${env.SITE_URL} is not running; it will show the changes when it starts.`;
  }
}
