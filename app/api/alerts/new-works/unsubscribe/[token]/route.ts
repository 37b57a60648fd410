import { unsubscribeNewWorkAlert } from "@/lib/data/new-work-alerts";

/**
 * RFC 8058 one-click unsubscribe from a new-works email: a mail program posts "List-Unsubscribe=One-Click"
 * here, from its own servers, with no page and no cookie. The signed token is the whole authority.
 */
export async function POST(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const outcome = await unsubscribeNewWorkAlert(token, new Date());
  return new Response(outcome.outcome === "unsubscribed" ? "Unsubscribed." : "Unknown link.", {
    status: outcome.outcome === "unsubscribed" ? 200 : 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
