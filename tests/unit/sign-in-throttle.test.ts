import { describe, expect, it } from "vitest";
import { clearSignInFailures, takeSignInAttempt } from "@/lib/data/sign-in-throttle";

/** Five guesses, as one connection makes them: each counted before its password is checked. */
async function guesses(account: string, connection: string, count: number): Promise<Array<number | null>> {
  const waits: Array<number | null> = [];
  for (let index = 0; index < count; index += 1) waits.push(await takeSignInAttempt(account, connection));
  return waits;
}

describe("sign-in guesses", () => {
  it("stop a connection after five at one account, while the account's owner signs in from their own", async () => {
    const owner = "owner@gallery.test";
    expect(await guesses(owner, "203.0.113.9", 5)).toEqual([null, null, null, null, null]);
    expect(await takeSignInAttempt(owner, "203.0.113.9")).toBeGreaterThanOrEqual(1);
    // Whoever knows the address cannot lock its owner out.
    expect(await takeSignInAttempt(owner, "198.51.100.20")).toBeNull();
  });

  it("stop everyone at a hundred guesses at one account within 15 minutes, however many connections they come from", async () => {
    const account = "targeted@gallery.test";
    for (let connection = 1; connection <= 20; connection += 1) {
      expect((await guesses(account, `192.0.2.${connection}`, 5)).every((wait) => wait === null)).toBe(true);
    }
    expect(await takeSignInAttempt(account, "192.0.2.200")).toBeGreaterThanOrEqual(1);
    // A reset (staff:reset-password) lifts every count for the account, from every connection.
    await clearSignInFailures(account);
    expect(await takeSignInAttempt(account, "192.0.2.1")).toBeNull();
    expect(await takeSignInAttempt(account, "192.0.2.200")).toBeNull();
  });

  it("give a connection its guesses at an account back once it signs in", async () => {
    const account = "forgetful@gallery.test";
    await guesses(account, "203.0.113.50", 4);
    await clearSignInFailures(account, "203.0.113.50");
    expect(await guesses(account, "203.0.113.50", 5)).toEqual([null, null, null, null, null]);
  });
});
