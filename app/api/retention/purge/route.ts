import { carriesCronSecret, notAuthorised } from "@/lib/auth/cron-secret";
import { purgeExpiredRecords, purgeOperationalRecords } from "@/lib/data/enquiry-retention";

/**
 * Deletes enquiries past their retention period, as the privacy notice promises, and spam and sent
 * digest emails past the owner's periods for them, and the site's own working records once done with
 * (expired sessions, old digest days, emails about no enquiry after 90 days). Vercel Cron calls
 * it daily (vercel.json); on a Node server the outbox loop does it once a day by itself.
 */
async function purge(request: Request) {
  if (!carriesCronSecret(request)) return notAuthorised();
  const purged = await purgeExpiredRecords();
  const operational = await purgeOperationalRecords();
  return Response.json(
    {
      purgedEnquiries: purged.enquiries,
      purgedSpam: purged.spam,
      purgedDigestEmails: purged.digestEmails,
      sentEmailWordsRemoved: purged.sentEmailWords,
      ...operational,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export const GET = purge;
export const POST = purge;
