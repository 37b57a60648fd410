/**
 * How every connection to a local SQLite file is set, whoever opens it (the web process's two
 * handles, the worker, the scripts): set on open and read back, so a setting that did not take is
 * an error at start-up, not a lost enquiry later.
 *
 * - WAL: pages are read while an enquiry is written (kept in the file itself).
 * - synchronous=FULL: each commit is on disk before the collector sees their reference; NORMAL
 *   would lose the last commits on a power cut or kernel crash (never on a process crash).
 * - foreign_keys=ON: the retention purge relies on cascades.
 * - busy_timeout: a writer in another process (the second web process, the worker) is waited for.
 *
 * Not server-only: the scripts use it too.
 */
import type Database from "better-sqlite3";

export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

const EXPECTED: Record<string, string | number> = {
  journal_mode: "wal",
  synchronous: 2,
  foreign_keys: 1,
  busy_timeout: SQLITE_BUSY_TIMEOUT_MS,
};

export const SQLITE_SETTINGS_SCRIPT = `PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS};`;

export const SQLITE_SETTING_NAMES = Object.keys(EXPECTED);

/** Throws, naming each, when a connection's settings (as `read` reports them) are not the ones above. */
export function checkSqliteSettings(read: (name: string) => unknown): void {
  const wrong = Object.entries(EXPECTED).flatMap(([name, expected]) => {
    const actual = String(read(name)).toLowerCase();
    return actual === String(expected) ? [] : [`${name} is ${actual}, expected ${expected}`];
  });
  if (wrong.length > 0) throw new Error(`The SQLite database is not set up safely: ${wrong.join("; ")}`);
}

/** Sets a better-sqlite3 handle as above, and checks that it took. */
export function applySqliteSettings(handle: Database.Database): void {
  handle.exec(SQLITE_SETTINGS_SCRIPT);
  checkSqliteSettings((name) => handle.pragma(name, { simple: true }));
}
