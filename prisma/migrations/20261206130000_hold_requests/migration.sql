-- The sale, part 3 (issue 19): a collector asks to reserve a work for the gallery's set time.
CREATE TABLE "HoldRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "artworkId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "mailbox" TEXT NOT NULL,
    "confirmTokenHash" TEXT NOT NULL,
    "confirmBy" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'unconfirmed',
    "holdId" TEXT,
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "HoldRequest_artworkId_fkey" FOREIGN KEY ("artworkId") REFERENCES "Artwork" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "HoldRequest_holdId_fkey" FOREIGN KEY ("holdId") REFERENCES "WorkHold" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "HoldRequest_confirmTokenHash_key" ON "HoldRequest"("confirmTokenHash");
CREATE UNIQUE INDEX "HoldRequest_holdId_key" ON "HoldRequest"("holdId");
CREATE INDEX "HoldRequest_status_createdAt_idx" ON "HoldRequest"("status", "createdAt");
CREATE INDEX "HoldRequest_artworkId_status_idx" ON "HoldRequest"("artworkId", "status");
CREATE INDEX "HoldRequest_email_idx" ON "HoldRequest"("email");
-- One open request per mailbox, whichever process takes it.
CREATE UNIQUE INDEX "HoldRequest_one_open_per_mailbox" ON "HoldRequest"("mailbox") WHERE "status" IN ('unconfirmed', 'waiting');
