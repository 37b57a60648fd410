-- Reply-by times and the daily digest (issue 12, part 1).

-- Columns added in place: the Enquiry table is never rebuilt.
ALTER TABLE "Enquiry" ADD COLUMN "replyBy" DATETIME;
ALTER TABLE "Enquiry" ADD COLUMN "firstRepliedAt" DATETIME;
CREATE INDEX "Enquiry_status_replyBy_idx" ON "Enquiry"("status", "replyBy");

-- Enquiries from before the setting existed: a day after they arrived (the default setting's
-- calendar equivalent), so one still waiting counts as late rather than never.
UPDATE "Enquiry" SET "replyBy" = strftime('%Y-%m-%dT%H:%M:%f+00:00', "createdAt", '+1 day');
UPDATE "Enquiry" SET "firstRepliedAt" = (
  SELECT MIN(o."createdAt") FROM "OutboxEmail" o WHERE o."enquiryId" = "Enquiry"."id" AND o."kind" = 'staff_reply'
);

-- One row only: the CHECK keeps it so whatever writes it.
CREATE TABLE "GallerySettings" (
    "id" INTEGER NOT NULL PRIMARY KEY DEFAULT 1 CHECK ("id" = 1),
    "replyWithin" INTEGER NOT NULL DEFAULT 1,
    "replyWithinUnit" TEXT NOT NULL DEFAULT 'working_days',
    "openingHours" JSONB NOT NULL,
    "holidays" JSONB NOT NULL,
    "digestEnabled" BOOLEAN NOT NULL DEFAULT true,
    "digestTime" TEXT NOT NULL DEFAULT '08:30',
    "digestOnClosedDays" BOOLEAN NOT NULL DEFAULT false,
    "digestTo" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- Open Monday to Saturday, 10:00 to 17:30: owners change it in the staff area (Settings).
INSERT INTO "GallerySettings" ("id", "openingHours", "holidays", "updatedAt") VALUES (
  1,
  '[null,{"opens":"10:00","closes":"17:30"},{"opens":"10:00","closes":"17:30"},{"opens":"10:00","closes":"17:30"},{"opens":"10:00","closes":"17:30"},{"opens":"10:00","closes":"17:30"},{"opens":"10:00","closes":"17:30"}]',
  '[]',
  strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')
);

CREATE TABLE "DigestRun" (
    "day" TEXT NOT NULL PRIMARY KEY,
    "waiting" INTEGER NOT NULL,
    "overdue" INTEGER NOT NULL,
    "emailId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
