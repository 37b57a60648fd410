import { refreshIfChangedWhileAway } from "@/lib/catalogue-cache/refresh-catalogue";

/**
 * The starting server calls this before it takes traffic (scripts/build/warm-server.mjs). Harmless
 * to anyone else: it refreshes only what the database says is out of date, and only once.
 */
export async function POST() {
  const outcome = await refreshIfChangedWhileAway();
  return Response.json(outcome, { headers: { "Cache-Control": "no-store" } });
}
