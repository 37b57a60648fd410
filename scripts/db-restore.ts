/**
 * Puts a backup made by `npm run db:backup` in place of the database DATABASE_URL names. The site
 * may keep running: it reads the restored database from its next request, and is asked to drop its
 * cached catalogue. Apply the migrations afterwards if the backup is older than the code
 * (`npm run db:setup` does, and seeds nothing into a database that has works).
 *
 *   npm run db:restore -- backups/gallery-2026-11-26.db --yes
 */
import { parseArgs } from "node:util";
import { BackupError, describeDatabase, restoreDatabase } from "@/lib/db/backup";
import { databaseFilePath } from "@/lib/env";
import { askRunningSiteToRefresh } from "@/lib/catalogue-cache/ask-running-site-to-refresh";

const { values, positionals } = parseArgs({ options: { yes: { type: "boolean", default: false } }, allowPositionals: true });
const backup = positionals[0];
if (!backup) {
  console.error("Usage: npm run db:restore -- FILE --yes   (replaces the database DATABASE_URL names with the backup FILE)");
  process.exit(2);
}
const target = databaseFilePath();
if (!target) {
  console.error("DATABASE_URL names a hosted database: restore it with your provider's tools (Turso: point-in-time restore).");
  process.exit(1);
}
try {
  const held = describeDatabase(backup);
  console.log(`${backup}: ${held.enquiries} enquiries, ${held.artworks} works, schema ${held.lastMigration ?? "(none)"}.`);
  if (!values.yes) {
    console.log(`Nothing was changed. To replace ${target} with it, run again with --yes.`);
    process.exit(0);
  }
  await restoreDatabase(backup, target);
  console.log(`Restored ${target} from ${backup}.`);
  console.log(await askRunningSiteToRefresh());
} catch (error) {
  console.error(error instanceof BackupError ? error.message : `The restore failed: ${(error as Error).message}`);
  process.exit(1);
}
