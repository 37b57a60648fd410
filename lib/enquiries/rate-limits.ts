import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/lib/db";

/**
 * Limits held in the database (rate-limiter-flexible's Prisma store), so they apply across
 * server instances. Generous for people, useless for a script.
 */
const HOUR = 60 * 60;

const perConnection = new RateLimiterPrisma({
  storeClient: db,
  keyPrefix: "enquiry-ip",
  points: 10,
  duration: HOUR,
  clearExpiredByTimeout: false,
});
const perEmail = new RateLimiterPrisma({
  storeClient: db,
  keyPrefix: "enquiry-email",
  points: 5,
  duration: HOUR,
  clearExpiredByTimeout: false,
});

/** More than this many enquiries from one connection within the hour are still accepted, but flagged. */
export const FLAG_AFTER_PER_CONNECTION = 3;

export type RateLimitOutcome = { allowed: true; connectionCount: number } | { allowed: false; retryAfterSeconds: number };

export async function consumeEnquiryAllowance(clientKey: string | null, email: string): Promise<RateLimitOutcome> {
  try {
    const connection = clientKey ? await perConnection.consume(clientKey) : null;
    await perEmail.consume(email.toLowerCase());
    return { allowed: true, connectionCount: connection?.consumedPoints ?? 0 };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      return { allowed: false, retryAfterSeconds: Math.ceil(rejection.msBeforeNext / 1000) };
    }
    throw rejection;
  }
}
