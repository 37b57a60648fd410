import "server-only";
import { after } from "next/server";
import { serverEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import { deliverDueEmails } from "@/lib/jobs/outbox-delivery";

/** Sends the just-stored emails; a failure is left to the outbox sweep, which retries. */
async function deliverStored(outboxIds: string[]): Promise<void> {
  try {
    await deliverDueEmails({ ids: outboxIds });
  } catch (error) {
    logger.error({ err: error }, "Immediate delivery failed; the outbox sweep will retry");
  }
}

/** Where a separate worker process sends (OUTBOX_DELIVERY=worker), the web process leaves them to it: it is already polling. */
function workerSends(outboxIds: string[]): boolean {
  return outboxIds.length === 0 || serverEnv().OUTBOX_DELIVERY === "worker";
}

/**
 * Starts sending just-stored emails once the response has gone, so a slow mail server never delays
 * it (on Vercel, `after` keeps the function alive through its `waitUntil`).
 */
export function deliverAfterResponse(outboxIds: string[]): void {
  if (workerSends(outboxIds)) return;
  after(() => deliverStored(outboxIds));
}

/**
 * The same for an answer made outside Next.js's request handling (the enquiry's way in through the
 * gallery's own server, lib/routes/enquiry-endpoint.ts), where `after` has no request to wait for: the
 * sending starts on the event loop's next turn, once the answer in hand has been written; from there it
 * waits only on the mail server, never holding this process.
 */
export function deliverOutsideRequest(outboxIds: string[]): void {
  if (workerSends(outboxIds)) return;
  setImmediate(() => void deliverStored(outboxIds));
}
