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

/**
 * Why the database could not take a write at all, in words for staff, when that is the reason: its disk
 * is full, the disk failed, or a hosted database could not be reached. Null for any other error (a
 * constraint, a bug), which is not the database's state and is left to fail as it does.
 */
export function storageFailure(error: unknown): string | null {
  const text = errorText(error);
  if (/SQLITE_FULL|database or disk is full|ENOSPC/i.test(text)) return "the database's disk is full";
  if (/SQLITE_IOERR|disk I\/O error|EIO\b/i.test(text)) return "the database's disk could not be written";
  if (/ECONNREFUSED|ECONNRESET|fetch failed|socket hang up|other side closed|HRANA|Server returned HTTP status 5\d\d/i.test(text))
    return "the database could not be reached";
  return null;
}

function errorText(error: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = error, depth = 0; current && depth < 5; depth += 1) {
    if (typeof current === "object") {
      const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
      parts.push(String(code ?? ""), String(message ?? ""));
      current = cause;
    } else {
      parts.push(String(current));
      current = null;
    }
  }
  return parts.join(" ");
}
