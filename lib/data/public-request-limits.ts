import "server-only";
import { logger } from "@/lib/logger";
import { createHmac } from "node:crypto";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/lib/db/client";
import { mailboxOf } from "@/lib/enquiries/rate-limits";
import { serverEnv } from "@/lib/env";

/**
 * The sale's public forms (an availability alert, a hold request, an offer) count against the same
 * allowances as an enquiry: ten an hour from one connection, five an hour to one mailbox, held in the
 * database so they apply across processes. Keys are keyed hashes: no address is kept in clear.
 */
const HOUR = 3600;
const perConnection = new RateLimiterPrisma({ storeClient: db, keyPrefix: "sale-ip", points: 10, duration: HOUR, clearExpiredByTimeout: false });
const perMailbox = new RateLimiterPrisma({ storeClient: db, keyPrefix: "sale-email", points: 5, duration: HOUR, clearExpiredByTimeout: false });

function keyFor(kind: string, value: string): string {
  return createHmac("sha256", serverEnv().FORM_SIGNING_SECRET).update(`${kind}\u0000${value}`).digest("hex").slice(0, 40);
}

/** Takes one from each allowance; the minutes to wait when one was used up, else null. */
export async function takePublicRequest(connection: string | null, email: string): Promise<number | null> {
  try {
    if (connection) await perConnection.consume(keyFor("connection", connection));
    await perMailbox.consume(keyFor("mailbox", mailboxOf(email)));
    return null;
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) {
      const minutes = Math.max(1, Math.ceil(refusal.msBeforeNext / 60_000));
      logger.warn({ security: "public request refused by a limit", retryAfterMinutes: minutes }, "public request refused by a limit");
      return minutes;
    }
    throw refusal;
  }
}
