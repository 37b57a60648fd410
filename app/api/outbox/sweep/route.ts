import { carriesCronSecret, notAuthorised } from "@/lib/auth/cron-secret";
import { purgeExpiredEnquiries } from "@/lib/data/enquiry-retention";
import { sweepOutbox } from "@/lib/mail/outbox";

/**
 * The outbox sweep for hosts without a long-lived process (a scheduler calls it, as Vercel Cron
 * does, with "Authorization: Bearer <CRON_SECRET>"). On a Node server it also runs by itself.
 */
async function sweep(request: Request) {
  if (!carriesCronSecret(request)) return notAuthorised();
  const report = await sweepOutbox();
  const purgedEnquiries = await purgeExpiredEnquiries();
  return Response.json({ ...report, purgedEnquiries }, { headers: { "Cache-Control": "no-store" } });
}

export const GET = sweep;
export const POST = sweep;
