-- One record per collector for staff: interest tags, notes, and merges of two records of one person.
CREATE TABLE "CollectorProfile" (
    "mailbox" TEXT NOT NULL PRIMARY KEY,
    "tags" TEXT NOT NULL DEFAULT '',
    "updatedAt" DATETIME NOT NULL
);

CREATE TABLE "CollectorNote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "mailbox" TEXT NOT NULL,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CollectorNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "CollectorNote_mailbox_createdAt_idx" ON "CollectorNote"("mailbox", "createdAt");

CREATE TABLE "CollectorMerge" (
    "mailbox" TEXT NOT NULL PRIMARY KEY,
    "intoMailbox" TEXT NOT NULL,
    "mergedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "CollectorMerge_intoMailbox_idx" ON "CollectorMerge"("intoMailbox");
