/** What a failed write means, the same through either driver (Prisma's codes, or SQLite's own words over libSQL's HTTP). */

/** A unique key already taken (a second hold on a work, an account's address). */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  if ("code" in error && error.code === "P2002") return true;
  return error instanceof Error && /UNIQUE constraint failed/.test(error.message);
}

/** A row named by a foreign key is not there. */
export function isForeignKeyViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  if ("code" in error && error.code === "P2003") return true;
  return error instanceof Error && /FOREIGN KEY constraint failed/.test(error.message);
}
