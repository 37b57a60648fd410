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

-- A work's search entry is made again only when what the search reads changes: a hold, a sale or a
-- publication changes none of it, and the entry's DELETE scans the whole index (its work id is not
-- indexed), which made every such write cost as much as the catalogue is large.
DROP TRIGGER "ArtworkSearch_artwork_update";
CREATE TRIGGER "ArtworkSearch_artwork_update" AFTER UPDATE OF "title", "technique", "category", "sectionId", "description", "catalogueNumber", "year" ON "Artwork" BEGIN
  DELETE FROM "ArtworkSearch" WHERE "artworkId" = OLD."id";
  INSERT INTO "ArtworkSearch" ("artworkId", "title", "artist", "medium", "section", "description", "number", "year")
  SELECT NEW."id", NEW."title", ar."name", trim(coalesce(NEW."technique", '') || ' ' || NEW."category"), s."title", NEW."description", NEW."catalogueNumber", coalesce(NEW."year", '')
  FROM "Section" s JOIN "Exhibition" e ON e."id" = s."exhibitionId" JOIN "Artist" ar ON ar."id" = e."artistId" WHERE s."id" = NEW."sectionId";
END;
