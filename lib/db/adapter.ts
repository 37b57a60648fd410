/**
 * The one place that turns DATABASE_URL into a Prisma driver adapter, shared by the app
 * (lib/db/client.ts), the Prisma CLI (prisma.config.ts) and the scripts.
 *
 * - `file:` opens a local SQLite file through better-sqlite3: the default, nothing to install.
 * - `libsql:`, `https:` or `http:` speaks libSQL's HTTP protocol to a hosted database (Turso),
 *   for hosts such as Vercel whose disk is neither writable nor shared between instances.
 *
 * Not marked server-only: the Prisma CLI config imports it, so its own imports are relative (the CLI knows no `@/` alias).
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { checkSqliteSettings, SQLITE_BUSY_TIMEOUT_MS, SQLITE_SETTING_NAMES, SQLITE_SETTINGS_SCRIPT } from "./sqlite-settings";

/** Prisma's better-sqlite3 adapter, each connection it opens set as lib/db/sqlite-settings.ts says, and checked. */
class SettledBetterSQLite3 extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript(SQLITE_SETTINGS_SCRIPT);
    const values = new Map<string, unknown>();
    for (const name of SQLITE_SETTING_NAMES) {
      values.set(name, (await adapter.queryRaw({ sql: `PRAGMA ${name}`, args: [], argTypes: [] })).rows[0]?.[0]);
    }
    checkSqliteSettings((name) => values.get(name));
    return adapter;
  }
}

export type DatabaseKind = "sqlite-file" | "libsql";

export function databaseKind(url: string): DatabaseKind {
  if (url.startsWith("file:")) return "sqlite-file";
  if (/^(libsql|https?):\/\//.test(url)) return "libsql";
  throw new Error(`DATABASE_URL must start with file:, libsql://, https:// or http:// (got "${url.split(":")[0]}:")`);
}

export function databaseAdapter(url: string, authToken?: string) {
  if (databaseKind(url) === "sqlite-file") {
    // timeout is SQLite's busy timeout: a writer from a second process waits instead of failing.
    return new SettledBetterSQLite3({ url, timeout: SQLITE_BUSY_TIMEOUT_MS });
  }
  return new PrismaLibSQL({ url, authToken });
}
