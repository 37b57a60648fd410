import { carriesCronSecret, notAuthorised } from "@/lib/auth/cron-secret";
import { readGalleryMailbox } from "@/lib/jobs/read-mailbox";

/**
 * Reads the gallery's mailbox for collectors' answers where no process lives between requests:
 * Vercel Cron calls it (vercel.json) with "Authorization: Bearer <CRON_SECRET>". A Node server or
 * the stack's worker reads it by itself every INBOUND_POLL_SECONDS.
 */
async function poll(request: Request) {
  if (!carriesCronSecret(request)) return notAuthorised();
  const report = await readGalleryMailbox();
  return Response.json(report, { headers: { "Cache-Control": "no-store" } });
}

export const GET = poll;
export const POST = poll;
