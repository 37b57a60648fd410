import { carriesCronSecret, notAuthorised } from "@/lib/auth/cron-secret";
import { purgeExpiredEnquiries } from "@/lib/data/enquiry-retention";

/**
 * Deletes enquiries past their retention period, as the privacy notice promises. Vercel Cron calls
 * it daily (vercel.json); on a Node server the outbox loop does it once a day by itself.
 */
async function purge(request: Request) {
  if (!carriesCronSecret(request)) return notAuthorised();
  const purgedEnquiries = await purgeExpiredEnquiries();
  return Response.json({ purgedEnquiries }, { headers: { "Cache-Control": "no-store" } });
}

export const GET = purge;
export const POST = purge;
