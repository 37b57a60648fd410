import "server-only";
import { createHmac } from "node:crypto";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/lib/db/client";
import { serverEnv } from "@/lib/env";

/** Limiter rows are keyed by a keyed hash, so the table never holds an address or an email in clear. */
function keyFor(kind: "account" | "connection", value: string): string {
  return createHmac("sha256", serverEnv().BETTER_AUTH_SECRET).update(`${kind}\u0000${value}`).digest("hex").slice(0, 40);
}

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

/**
 * Takes one attempt from the account's and the connection's allowance *before* the password is
 * checked, and returns the minutes to wait when none was left (else null). Counting first is what
 * holds against a burst: forty guesses sent at once each find the count the others already took, so
 * at most five passwords per account are ever checked. A correct password gives the attempts back
 * (clearSignInFailures).
 */
export async function takeSignInAttempt(account: string, connection: string): Promise<number | null> {
  const taken = await Promise.allSettled([
    perAccount.consume(keyFor("account", account)),
    perConnection.consume(keyFor("connection", connection)),
  ]);
  const refusals = taken.flatMap((result) => (result.status === "rejected" ? [result.reason as unknown] : []));
  const unexpected = refusals.find((reason) => !(reason instanceof RateLimiterRes));
  if (unexpected) throw unexpected;
  if (refusals.length === 0) return null;
  const wait = Math.max(...refusals.map((reason) => (reason as RateLimiterRes).msBeforeNext));
  return Math.max(1, Math.ceil(wait / 60_000));
}

export async function clearSignInFailures(account: string, connection?: string): Promise<void> {
  await Promise.all([
    perAccount.delete(keyFor("account", account)),
    connection ? perConnection.delete(keyFor("connection", connection)) : Promise.resolve(false),
  ]);
}
