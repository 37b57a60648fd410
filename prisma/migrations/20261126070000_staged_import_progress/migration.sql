-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_StagedImport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "fileName" TEXT NOT NULL,
    "content" BLOB NOT NULL,
    "target" TEXT NOT NULL,
    "newExhibitionTitle" TEXT NOT NULL,
    "stagedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sheet" TEXT NOT NULL DEFAULT '',
    "claimedAt" DATETIME,
    "rowsDone" INTEGER NOT NULL DEFAULT 0,
    "rowsTotal" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "StagedImport_stagedById_fkey" FOREIGN KEY ("stagedById") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_StagedImport" ("content", "createdAt", "fileName", "id", "newExhibitionTitle", "sheet", "stagedById", "target") SELECT "content", "createdAt", "fileName", "id", "newExhibitionTitle", "sheet", "stagedById", "target" FROM "StagedImport";
DROP TABLE "StagedImport";
ALTER TABLE "new_StagedImport" RENAME TO "StagedImport";
CREATE INDEX "StagedImport_createdAt_idx" ON "StagedImport"("createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

