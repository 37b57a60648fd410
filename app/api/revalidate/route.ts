import { carriesCronSecret, notAuthorised } from "@/lib/auth/cron-secret";
import { refreshCatalogue } from "@/lib/catalogue-cache/refresh-catalogue";

/** Called by `npm run import -- --apply` so a running site shows imported works without a rebuild. */
export async function POST(request: Request) {
  if (!carriesCronSecret(request)) return notAuthorised();
  const tags = refreshCatalogue({ everything: true }, "route");
  return Response.json({ revalidated: tags }, { headers: { "Cache-Control": "no-store" } });
}
