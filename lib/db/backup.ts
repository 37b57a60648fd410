/**
 * A consistent copy of the live SQLite database, and putting one back. Copying the file (or the
 * folder) while the site runs is not safe: recent commits may sit in the -wal file, and a copy taken
 * mid-write can be torn. SQLite's online backup API copies a consistent snapshot while readers and
 * writers carry on, and restores through SQLite's own locks, so running processes see either the old
 * database or the restored one, never a mixture.
 *
 * Not server-only: `npm run db:backup` and `npm run db:restore` use it (scripts/db-backup.ts).
 */
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { applySqliteSettings, SQLITE_BUSY_TIMEOUT_MS } from "@/lib/db/sqlite-settings";

export class BackupError extends Error {}

function openChecked(file: string, readonly: boolean): Database.Database {
  if (!existsSync(file)) throw new BackupError(`There is no database at ${file}.`);
  let handle: Database.Database;
  try {
    handle = new Database(file, { readonly, fileMustExist: true, timeout: SQLITE_BUSY_TIMEOUT_MS });
    handle.pragma("schema_version");
  } catch (error) {
    throw new BackupError(`${file} is not a SQLite database (${(error as Error).message}).`);
  }
  return handle;
}

/** What a backup holds, to show before anything is overwritten: its migrations, enquiries and works. */
export function describeDatabase(file: string): { migrations: number; enquiries: number; artworks: number; lastMigration: string | null } {
  const handle = openChecked(file, true);
  try {
    const integrity = handle.pragma("quick_check", { simple: true });
    if (integrity !== "ok") throw new BackupError(`${file} is damaged: ${String(integrity)}`);
    const tables = new Set(
      (handle.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as Array<{ name: string }>).map((row) => row.name),
    );
    for (const table of ["_prisma_migrations", "Enquiry", "Artwork"]) {
      if (!tables.has(table)) throw new BackupError(`${file} is not a gallery database: it has no ${table} table.`);
    }
    const count = (sql: string) => Number((handle.prepare(sql).get() as { count: number | bigint }).count);
    const last = handle
      .prepare(`SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name DESC LIMIT 1`)
      .get() as { name: string } | undefined;
    return {
      migrations: count(`SELECT count(*) AS count FROM _prisma_migrations WHERE finished_at IS NOT NULL`),
      enquiries: count(`SELECT count(*) AS count FROM "Enquiry"`),
      artworks: count(`SELECT count(*) AS count FROM "Artwork"`),
      lastMigration: last?.name ?? null,
    };
  } finally {
    handle.close();
  }
}

/**
 * Copies the live database at `source` to `destination` (a new file), consistently, while the site
 * keeps running: VACUUM INTO reads one snapshot (in WAL mode writers carry on meanwhile) and writes a
 * compact single-file database.
 */
export async function backupDatabase(source: string, destination: string): Promise<void> {
  if (existsSync(destination)) throw new BackupError(`${destination} already exists: choose a new file name for the backup.`);
  mkdirSync(path.dirname(path.resolve(destination)), { recursive: true });
  const handle = openChecked(source, false);
  try {
    handle.prepare("VACUUM INTO ?").run(path.resolve(destination));
  } finally {
    handle.close();
  }
  describeDatabase(destination);
}

/**
 * Puts the backup at `backup` in place of the database at `target`, through SQLite (running
 * processes see the restored database from their next statement). A target that does not exist yet
 * is created: a restore onto a new machine.
 */
export async function restoreDatabase(backup: string, target: string): Promise<void> {
  describeDatabase(backup);
  mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const source = openChecked(backup, true);
  try {
    // Past the first step, every remaining page in one; the target stays locked until the copy is complete,
    // so a running process never reads a database half old and half restored.
    await source.backup(target, { progress: ({ totalPages }) => totalPages + 1 });
  } finally {
    source.close();
  }
  // The backup was a single file (rollback journal); the live database runs in WAL.
  const restored = new Database(target, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    applySqliteSettings(restored);
    // The site's cached pages show the catalogue as it was before: a site that starts (or is asked)
    // next must refresh them all, whatever versions the backup itself recorded.
    const stamp = restored.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'CatalogueStamp'`).get();
    if (stamp) restored.prepare(`UPDATE "CatalogueStamp" SET "shownVersion" = "version" - 1 WHERE "id" = 1`).run();
  } finally {
    restored.close();
  }
}
