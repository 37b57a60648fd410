import { carriesCronSecret, notAuthorised } from "@/lib/auth/cron-secret";
import { purgeExpiredRecords } from "@/lib/data/enquiry-retention";

/**
 * Deletes enquiries past their retention period, as the privacy notice promises, and spam and sent
 * digest emails past the owner's periods for them. Vercel Cron calls
 * it daily (vercel.json); on a Node server the outbox loop does it once a day by itself.
 */
async function purge(request: Request) {
  if (!carriesCronSecret(request)) return notAuthorised();
  const purged = await purgeExpiredRecords();
  return Response.json(
    {
      purgedEnquiries: purged.enquiries,
      purgedSpam: purged.spam,
      purgedDigestEmails: purged.digestEmails,
      sentEmailWordsRemoved: purged.sentEmailWords,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export const GET = purge;
export const POST = purge;
