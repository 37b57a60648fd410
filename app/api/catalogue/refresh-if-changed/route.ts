import { carriesCronSecret, notAuthorised } from "@/lib/auth/cron-secret";
import { refreshIfChangedWhileAway } from "@/lib/catalogue-cache/refresh-catalogue";

/**
 * The starting server calls this before it takes traffic (scripts/build/warm-server.mjs), with the
 * CRON_SECRET as a machine route's proof: nobody else may make the site refresh its pages.
 */
export async function POST(request: Request) {
  if (!carriesCronSecret(request)) return notAuthorised();
  const outcome = await refreshIfChangedWhileAway();
  return Response.json(outcome, { headers: { "Cache-Control": "no-store" } });
}
