-- A .zip of photographs is unpacked once, on upload, rather than on every dry run and again on import:
-- one row per photograph found (bytes null for one too large to attach), or the reason the archive was
-- refused. A file staged with an archive before this change is dropped (staff are asked to upload it
-- again, as after a day): its archive was never checked as archives now are.
DELETE FROM "StagedImport" WHERE "photographs" IS NOT NULL;
ALTER TABLE "StagedImport" DROP COLUMN "photographs";
ALTER TABLE "StagedImport" ADD COLUMN "photographsError" TEXT;

CREATE TABLE "StagedImportPhotograph" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "stagedImportId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "bytes" BLOB,
    CONSTRAINT "StagedImportPhotograph_stagedImportId_fkey" FOREIGN KEY ("stagedImportId") REFERENCES "StagedImport" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE INDEX "StagedImportPhotograph_stagedImportId_idx" ON "StagedImportPhotograph"("stagedImportId");
