import { carriesCronSecret, notAuthorised } from "@/lib/auth/cron-secret";
import { forgetStaleStagedImports } from "@/lib/data/catalogue-import";
import { forgetExpiredConnectionData } from "@/lib/data/enquiry-retention";
import { eraseDueRequests } from "@/lib/data/enquiry-follow";
import { refreshCatalogue } from "@/lib/catalogue-cache/refresh-catalogue";
import { endExpiredHolds } from "@/lib/data/holds";
import { lapseExpiredOffers } from "@/lib/data/offers";
import { sweepOutbox } from "@/lib/jobs/outbox-delivery";
import { queueNewWorkEmails } from "@/lib/data/new-work-alerts";

/**
 * The outbox sweep (and the end of holds, and the erasures, whose time has come) for hosts without a long-lived process: Vercel Cron calls it (vercel.json) with
 * "Authorization: Bearer <CRON_SECRET>". On a Node server the web process or the worker sweeps by itself.
 */
async function sweep(request: Request) {
  if (!carriesCronSecret(request)) return notAuthorised();
  // Holds first, so the "available again" emails they queue go out in this same sweep.
  const holds = await endExpiredHolds(new Date());
  if (holds.change) refreshCatalogue(holds.change, "route");
  const offersLapsed = await lapseExpiredOffers(new Date());
  // Erasures due before the sweep, so the gallery's notice of each goes out in it.
  const erasures = await eraseDueRequests(new Date());
  // New works for those who asked (at most one email a day each), queued before the sweep sends them.
  const newWorks = await queueNewWorkEmails(new Date());
  const report = await sweepOutbox();
  // The privacy notice's "an hour or so" for connection fingerprints rides on this, the most frequent cron.
  const forgotten = await forgetExpiredConnectionData();
  const stagedImports = await forgetStaleStagedImports();
  return Response.json(
    {
      ...report,
      holdsEnded: holds.ended,
      offersLapsed,
      erased: erasures.erased,
      newWorksEmails: newWorks.queued,
      forgotten,
      stagedImports,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export const GET = sweep;
export const POST = sweep;
