import { offeredViewingTimes } from "@/lib/data/viewing-bookings";

/**
 * The viewing times still free, for the enquiry form on a work's page (a page made once for everyone,
 * which cannot carry them). Dynamic and never cached: a place taken a second ago is gone.
 */
export const dynamic = "force-dynamic";

export async function GET() {
  return Response.json({ days: await offeredViewingTimes() }, { headers: { "Cache-Control": "private, no-store" } });
}
