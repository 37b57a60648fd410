import { COMMON_PASSWORDS_BY_RANK } from "./common-password-list";

let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  common ??= new Set(COMMON_PASSWORDS_BY_RANK.split("\n"));
  return common;
}

/**
 * Whether a password is one of the 10,000 most common, whatever its capitals and surrounding spaces,
 * or one of them typed two to four times over ("qwertyqwerty" meets a twelve-character minimum and is
 * guessed at once).
 */
export function isCommonPassword(password: string): boolean {
  const plain = password.trim().toLowerCase();
  const list = commonPasswords();
  if (list.has(plain)) return true;
  for (let times = 2; times <= 4; times++) {
    if (plain.length % times !== 0) continue;
    const part = plain.slice(0, plain.length / times);
    if (part.repeat(times) === plain && list.has(part)) return true;
  }
  return false;
}

export const COMMON_PASSWORD_MESSAGE = "That password is one of the most common, tried first by anyone guessing: choose another";
