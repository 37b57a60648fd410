import "server-only";
import { db } from "@/lib/db/client";

/**
 * Whether the site's cached catalogue pages are as new as the database. The database's triggers
 * move the stamp's `version` with every write to the catalogue, whoever makes it; the site records
 * the version its pages show whenever it refreshes them. The two part only when the catalogue was
 * written while the site was not running (an import with the site stopped, `db:setup`, a restore).
 */
export async function readCatalogueStamp(): Promise<{ version: number; shownVersion: number }> {
  const stamp = await db.catalogueStamp.findUnique({ where: { id: 1 } });
  return { version: stamp?.version ?? 0, shownVersion: stamp?.shownVersion ?? 0 };
}

/** Records that the cached pages now show the database as it is (after a refresh, or a build). */
export async function markCatalogueShown(version?: number): Promise<void> {
  if (version === undefined) {
    await db.$executeRaw`UPDATE "CatalogueStamp" SET "shownVersion" = "version" WHERE "id" = 1`;
  } else {
    await db.$executeRaw`UPDATE "CatalogueStamp" SET "shownVersion" = max("shownVersion", ${version}) WHERE "id" = 1`;
  }
}
