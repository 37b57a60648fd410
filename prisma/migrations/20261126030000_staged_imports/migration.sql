-- CreateTable
CREATE TABLE "StagedImport" (
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
    "photographs" BLOB,
    CONSTRAINT "StagedImport_stagedById_fkey" FOREIGN KEY ("stagedById") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "StagedImport_createdAt_idx" ON "StagedImport"("createdAt");

