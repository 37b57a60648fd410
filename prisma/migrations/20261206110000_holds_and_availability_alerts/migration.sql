-- The sale, part 1 (issue 19): holds with an expiry, "tell me if it becomes available", and the
-- gallery's sale settings.
ALTER TABLE "OutboxEmail" ADD COLUMN "headers" JSONB;

CREATE TABLE "WorkHold" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "artworkId" TEXT NOT NULL,
    "collectorName" TEXT NOT NULL,
    "collectorEmail" TEXT NOT NULL,
    "enquiryId" INTEGER,
    "heldUntil" DATETIME NOT NULL,
    "placedById" TEXT,
    "endedAt" DATETIME,
    "endReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "WorkHold_artworkId_fkey" FOREIGN KEY ("artworkId") REFERENCES "Artwork" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "WorkHold_enquiryId_fkey" FOREIGN KEY ("enquiryId") REFERENCES "Enquiry" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "WorkHold_placedById_fkey" FOREIGN KEY ("placedById") REFERENCES "user" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "WorkHold_endedAt_heldUntil_idx" ON "WorkHold"("endedAt", "heldUntil");
CREATE INDEX "WorkHold_artworkId_createdAt_idx" ON "WorkHold"("artworkId", "createdAt");
CREATE INDEX "WorkHold_collectorEmail_idx" ON "WorkHold"("collectorEmail");
-- At most one hold that has not ended per work, whichever process places it.
CREATE UNIQUE INDEX "WorkHold_one_open_per_artwork" ON "WorkHold"("artworkId") WHERE "endedAt" IS NULL;

CREATE TABLE "AvailabilityAlert" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "artworkId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "source" TEXT NOT NULL,
    "enquiryId" INTEGER,
    "confirmTokenHash" TEXT,
    "confirmBy" DATETIME,
    "confirmedAt" DATETIME,
    "unsubscribedAt" DATETIME,
    "notifiedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AvailabilityAlert_artworkId_fkey" FOREIGN KEY ("artworkId") REFERENCES "Artwork" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AvailabilityAlert_enquiryId_fkey" FOREIGN KEY ("enquiryId") REFERENCES "Enquiry" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "AvailabilityAlert_confirmTokenHash_key" ON "AvailabilityAlert"("confirmTokenHash");
CREATE UNIQUE INDEX "AvailabilityAlert_artworkId_email_key" ON "AvailabilityAlert"("artworkId", "email");
CREATE INDEX "AvailabilityAlert_email_idx" ON "AvailabilityAlert"("email");

CREATE TABLE "SaleSettings" (
    "id" INTEGER NOT NULL PRIMARY KEY DEFAULT 1,
    "collectorHoldHours" INTEGER NOT NULL DEFAULT 48,
    "autoGrantHoldsUpToMinor" INTEGER,
    "updatedAt" DATETIME NOT NULL
);
