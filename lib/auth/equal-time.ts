import "server-only";
import { hashStaffPassword, verifyStaffPassword } from "@/lib/passwords/password-hashing";

let decoyHash: Promise<string> | undefined;

/**
 * Spends the time a real password check takes. better-auth already hashes the password it is given
 * for an address with no account; a disabled account is refused before better-auth is asked, so it
 * does the same here: otherwise the quicker answer would say the account exists.
 */
export async function spendPasswordCheckTime(password: string): Promise<false> {
  await verifyStaffPassword({ hash: await decoyPasswordHash(), password });
  return false;
}

/** Made once per process, as every account's hash is made. */
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashStaffPassword("a decoy that no account has, checked for its time alone");
  return decoyHash;
}
