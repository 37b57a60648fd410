import { carriesCronSecret, notAuthorised } from "@/lib/auth/cron-secret";
import { refreshCatalogue } from "@/lib/catalogue-cache/refresh-catalogue";
import { catalogueChangeSchema } from "@/lib/validations/catalogue-change";

/**
 * Called by processes without Next's cache (`npm run import -- --apply`, a restore, the worker's hold
 * sweep) so a running site shows their changes without a rebuild. The body names what changed; an
 * empty one (older callers) refreshes everything.
 */
export async function POST(request: Request) {
  if (!carriesCronSecret(request)) return notAuthorised();
  const text = await request.text();
  const parsed =
    text.trim() === "" ? { success: true as const, data: { everything: true } } : catalogueChangeSchema.safeParse(safeJson(text));
  if (!parsed.success) return Response.json({ error: "The body is not a catalogue change." }, { status: 400 });
  const tags = refreshCatalogue(parsed.data, "route");
  return Response.json({ revalidated: tags }, { headers: { "Cache-Control": "no-store" } });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
