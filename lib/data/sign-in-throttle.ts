import "server-only";
import { createHmac } from "node:crypto";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/lib/db/client";
import { serverEnv } from "@/lib/env";

/** Limiter rows are keyed by a keyed hash, so the table never holds an address or an email in clear. */
function keyFor(kind: "account" | "connection", value: string): string {
  return createHmac("sha256", serverEnv().BETTER_AUTH_SECRET).update(`${kind}\u0000${value}`).digest("hex").slice(0, 40);
}

/** The account's hash first, so a reset can find every connection's count for it. */
function pairKey(account: string, connection: string): string {
  return `${keyFor("account", account)}.${keyFor("connection", connection)}`;
}

/**
 * Failed sign-ins counted in the database for 15 minutes: five guesses at an account from one
 * connection, twenty from a connection in all, and a hundred at one account from everywhere. The
 * account's own five are counted per connection, so whoever knows a member's address cannot lock
 * them out by guessing from elsewhere: the member, from their own connection, still signs in. Only a
 * guesser with twenty addresses or more reaches the account-wide hundred.
 */
const FIFTEEN_MINUTES = 15 * 60;
const perAccountFromConnection = new RateLimiterPrisma({
  storeClient: db,
  keyPrefix: "sign-in-account-from",
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
const perAccount = new RateLimiterPrisma({
  storeClient: db,
  keyPrefix: "sign-in-account",
  points: 100,
  duration: FIFTEEN_MINUTES,
  clearExpiredByTimeout: false,
});

/**
 * Takes one attempt from each allowance *before* the password is checked, and returns the minutes to
 * wait when one had none left (else null). Counting first is what holds against a burst: forty guesses
 * sent at once each find the count the others already took, so at most five passwords per account and
 * connection are ever checked. A correct password gives that connection's attempts back
 * (clearSignInFailures).
 */
export async function takeSignInAttempt(account: string, connection: string): Promise<number | null> {
  const taken = await Promise.allSettled([
    perAccountFromConnection.consume(pairKey(account, connection)),
    perConnection.consume(keyFor("connection", connection)),
    perAccount.consume(keyFor("account", account)),
  ]);
  const refusals = taken.flatMap((result) => (result.status === "rejected" ? [result.reason as unknown] : []));
  const unexpected = refusals.find((reason) => !(reason instanceof RateLimiterRes));
  if (unexpected) throw unexpected;
  if (refusals.length === 0) return null;
  const wait = Math.max(...refusals.map((reason) => (reason as RateLimiterRes).msBeforeNext));
  return Math.max(1, Math.ceil(wait / 60_000));
}

/**
 * After a correct password: that connection's guesses at the account are forgiven. After a reset (no
 * connection): every count for the account, from every connection, so its owner can sign in at once.
 */
export async function clearSignInFailures(account: string, connection?: string): Promise<void> {
  if (connection) {
    await Promise.all([perAccountFromConnection.delete(pairKey(account, connection)), perConnection.delete(keyFor("connection", connection))]);
    return;
  }
  await Promise.all([
    perAccount.delete(keyFor("account", account)),
    db.rateLimiterFlexible.deleteMany({ where: { key: { startsWith: `sign-in-account-from:${keyFor("account", account)}.` } } }),
  ]);
}
