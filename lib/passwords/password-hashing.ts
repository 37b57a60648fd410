/**
 * Staff passwords are hashed with Argon2id at the cost OWASP's Password Storage Cheat Sheet gives as
 * its first choice (19 MiB of memory, 2 passes, 1 lane), through @node-rs/argon2 (Rust, prebuilt for
 * each platform on npm: no compiler, no download at install). Argon2id rather than scrypt at N = 2^17:
 * the same strength asks 128 MiB of scrypt per check, which on a small server beside a 128 MB heap is
 * a way to exhaust memory with a burst of sign-in attempts; 19 MiB is not.
 *
 * Hashes made before this (better-auth's scrypt, N = 2^14) are still checked, and replaced by an
 * Argon2id hash at the next successful sign-in (lib/data/staff-accounts.ts, upgradeStaffPasswordHash).
 * At most two checks run at once (p-limit): a burst of attempts queues instead of taking memory.
 */
import { hash, verify } from "@node-rs/argon2";
import { verifyPassword as verifyBetterAuthScrypt } from "better-auth/crypto";
import pLimit from "p-limit";

// Algorithm.Argon2id: the package declares its enum `const`, which an isolated module cannot read.
const ARGON2ID = 2;
const COST = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
const CURRENT_PREFIX = `$argon2id$v=19$m=${COST.memoryCost},t=${COST.timeCost},p=${COST.parallelism}$`;

const oneAtATime = pLimit(2);

/** As better-auth does before hashing: one Unicode form, so a password typed on another keyboard still matches. */
const normalised = (password: string) => password.normalize("NFKC");

export function hashStaffPassword(password: string): Promise<string> {
  return oneAtATime(() => hash(normalised(password), { algorithm: ARGON2ID, ...COST }));
}

export function verifyStaffPassword({ hash: stored, password }: { hash: string; password: string }): Promise<boolean> {
  return oneAtATime(async () => {
    if (stored.startsWith("$argon2")) return verify(stored, normalised(password));
    return verifyBetterAuthScrypt({ hash: stored, password });
  });
}

/** Whether a stored hash is made as new ones are; an older one is replaced at the next sign-in. */
export function isCurrentPasswordHash(stored: string): boolean {
  return stored.startsWith(CURRENT_PREFIX);
}
