import { carriesCronSecret, notAuthorised } from "@/lib/auth/cron-secret";
import { runDailyDigest } from "@/lib/data/daily-digest";
import { deliverDueEmails } from "@/lib/jobs/outbox-delivery";

/**
 * The daily digest for hosts without a long-lived process: Vercel Cron calls it every few minutes
 * (vercel.json) and it queues the digest once the gallery's set time has come, once a day however
 * often it is called (and whoever else calls it); the email is sent at once. On a Node server the
 * web process or the worker does the same by itself every minute.
 */
async function digest(request: Request) {
  if (!carriesCronSecret(request)) return notAuthorised();
  const outcome = await runDailyDigest();
  const delivery = outcome.outcome === "queued" ? await deliverDueEmails({ ids: [outcome.emailId] }) : null;
  return Response.json({ ...outcome, delivery }, { headers: { "Cache-Control": "no-store" } });
}

export const GET = digest;
export const POST = digest;
