import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { markCatalogueShown, readCatalogueStamp } from "@/lib/data/catalogue-stamp";
import { backupDatabase, restoreDatabase } from "@/lib/db/backup";
import { db } from "@/lib/db/client";
import { databaseFilePath } from "@/lib/env";
import { seedCatalogue } from "@/prisma/seed";

beforeAll(async () => {
  await seedCatalogue();
});

describe("the catalogue's version stamp", () => {
  it("moves with every write to the catalogue, made by anyone, and not with enquiries", async () => {
    await markCatalogueShown();
    const start = await readCatalogueStamp();
    expect(start.shownVersion).toBe(start.version);

    const work = await db.artwork.findFirstOrThrow({ where: { slug: "42-second-retreat-from-russia" } });
    await db.artwork.update({ where: { id: work.id }, data: { title: work.title } });
    const afterEdit = await readCatalogueStamp();
    expect(afterEdit.version).toBeGreaterThan(start.version);
    expect(afterEdit.shownVersion).toBe(start.version);

    // A write no Prisma call made (another program on the same file) counts the same: the triggers are in the database.
    await db.$executeRawUnsafe(`UPDATE "Dimension" SET "width" = "width" WHERE "artworkId" = '${work.id}'`);
    const afterRawWrite = await readCatalogueStamp();
    expect(afterRawWrite.version).toBeGreaterThan(afterEdit.version);

    await db.enquiryNote.count();
    await db.rateLimiterFlexible.deleteMany({ where: { key: "nothing-at-all" } });
    expect((await readCatalogueStamp()).version).toBe(afterRawWrite.version);

    await markCatalogueShown();
    expect(await readCatalogueStamp()).toEqual({ version: afterRawWrite.version, shownVersion: afterRawWrite.version });
    // Recording an older version never moves the mark back.
    await markCatalogueShown(start.version);
    expect((await readCatalogueStamp()).shownVersion).toBe(afterRawWrite.version);
  });

  it.runIf(inject("databaseMode") !== "libsql")(
    "after a restore, the site's pages are out of date whatever the backup recorded",
    async () => {
      await markCatalogueShown();
      const folder = mkdtempSync(path.join(os.tmpdir(), "gallery-stamp-"));
      const backup = path.join(folder, "backup.db");
      await backupDatabase(databaseFilePath()!, backup);
      const restored = path.join(folder, "restored.db");
      await restoreDatabase(backup, restored);
      const handle = new Database(restored, { readonly: true });
      try {
        const stamp = handle.prepare(`SELECT "version", "shownVersion" FROM "CatalogueStamp" WHERE "id" = 1`).get() as {
          version: number;
          shownVersion: number;
        };
        expect(stamp.shownVersion).toBeLessThan(stamp.version);
      } finally {
        handle.close();
      }
    },
  );
});
