import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/lib/db";

/** Failed sign-ins counted in the database, per account and per connection, for 15 minutes. */
const FIFTEEN_MINUTES = 15 * 60;
const perAccount = new RateLimiterPrisma({
  storeClient: db,
  keyPrefix: "sign-in-account",
  points: 5,
  duration: FIFTEEN_MINUTES,
  clearExpiredByTimeout: false,
});
const perConnection = new RateLimiterPrisma({
  storeClient: db,
  keyPrefix: "sign-in-ip",
  points: 20,
  duration: FIFTEEN_MINUTES,
  clearExpiredByTimeout: false,
});

/** Minutes to wait before another attempt, or null when an attempt may be made now. */
export async function signInBlockedFor(account: string, connection: string): Promise<number | null> {
  const [byAccount, byConnection] = await Promise.all([perAccount.get(account), perConnection.get(connection)]);
  const blocked = [byAccount, byConnection].find((limit) => limit && limit.remainingPoints <= 0 && limit.msBeforeNext > 0);
  return blocked ? Math.max(1, Math.ceil(blocked.msBeforeNext / 60_000)) : null;
}

export async function recordFailedSignIn(account: string, connection: string): Promise<void> {
  await Promise.all([perAccount.penalty(account, 1), perConnection.penalty(connection, 1)]).catch((rejection: unknown) => {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
  });
}

export async function clearSignInFailures(account: string, connection?: string): Promise<void> {
  await Promise.all([perAccount.delete(account), connection ? perConnection.delete(connection) : Promise.resolve(false)]);
}
