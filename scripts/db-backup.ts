/**
 * A consistent copy of the live database, taken while the site keeps running (SQLite's online
 * backup API: never copy the file or its folder by hand while the site runs).
 *
 *   npm run db:backup -- backups/gallery-2026-11-26.db
 *
 * For a hosted libSQL database (Vercel), use the provider's own backups (Turso: point-in-time restore).
 */
import { BackupError, backupDatabase, describeDatabase } from "@/lib/db/backup";
import { databaseFilePath } from "@/lib/env";

const destination = process.argv[2];
if (!destination || destination.startsWith("-")) {
  console.error("Usage: npm run db:backup -- FILE   (a new file: the backup of the database DATABASE_URL names)");
  process.exit(2);
}
const source = databaseFilePath();
if (!source) {
  console.error("DATABASE_URL names a hosted database: back it up with your provider's tools (Turso: point-in-time restore).");
  process.exit(1);
}
try {
  await backupDatabase(source, destination);
  const { enquiries, artworks, lastMigration } = describeDatabase(destination);
  console.log(`Backed up ${source} to ${destination}: ${enquiries} enquiries, ${artworks} works, schema ${lastMigration ?? "(none)"}.`);
} catch (error) {
  console.error(error instanceof BackupError ? error.message : `The backup failed: ${(error as Error).message}`);
  process.exit(1);
}
