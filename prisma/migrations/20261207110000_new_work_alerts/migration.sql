-- "Tell me about new works like this", and when each work was first published (kept by triggers, so
-- an import, an edit in the staff area or a restored backup all count the same).
ALTER TABLE "Artwork" ADD COLUMN "firstPublishedAt" DATETIME;
UPDATE "Artwork" SET "firstPublishedAt" = "createdAt" WHERE "published" = 1;
CREATE INDEX "Artwork_firstPublishedAt_idx" ON "Artwork"("firstPublishedAt");

CREATE TRIGGER "Artwork_first_published_insert" AFTER INSERT ON "Artwork"
  WHEN NEW."published" = 1 AND NEW."firstPublishedAt" IS NULL
  BEGIN UPDATE "Artwork" SET "firstPublishedAt" = strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now') WHERE "id" = NEW."id"; END;
CREATE TRIGGER "Artwork_first_published_update" AFTER UPDATE OF "published" ON "Artwork"
  WHEN NEW."published" = 1 AND NEW."firstPublishedAt" IS NULL
  BEGIN UPDATE "Artwork" SET "firstPublishedAt" = strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now') WHERE "id" = NEW."id"; END;

CREATE TABLE "NewWorkAlert" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "scope" TEXT NOT NULL,
    "artistId" TEXT,
    "sectionId" TEXT,
    "category" TEXT,
    "maxPriceMinor" INTEGER,
    "currency" TEXT,
    "criteriaKey" TEXT NOT NULL,
    "confirmTokenHash" TEXT,
    "confirmBy" DATETIME,
    "confirmedAt" DATETIME,
    "unsubscribedAt" DATETIME,
    "lastSentAt" DATETIME,
    "coveredUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "NewWorkAlert_artistId_fkey" FOREIGN KEY ("artistId") REFERENCES "Artist" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "NewWorkAlert_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "NewWorkAlert_confirmTokenHash_key" ON "NewWorkAlert"("confirmTokenHash");
CREATE UNIQUE INDEX "NewWorkAlert_email_criteriaKey_key" ON "NewWorkAlert"("email", "criteriaKey");
CREATE INDEX "NewWorkAlert_confirmedAt_unsubscribedAt_lastSentAt_idx" ON "NewWorkAlert"("confirmedAt", "unsubscribedAt", "lastSentAt");
CREATE INDEX "NewWorkAlert_criteriaKey_idx" ON "NewWorkAlert"("criteriaKey");
