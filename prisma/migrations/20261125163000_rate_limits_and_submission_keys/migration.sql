-- AlterTable
ALTER TABLE "Enquiry" ADD COLUMN "submissionKey" TEXT;

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN "dedupeKey" TEXT;

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "RateLimitBucket";
PRAGMA foreign_keys=on;

-- CreateTable
CREATE TABLE "RateLimiterFlexible" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "points" INTEGER NOT NULL,
    "expire" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "Enquiry_submissionKey_key" ON "Enquiry"("submissionKey");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEmail_dedupeKey_key" ON "OutboxEmail"("dedupeKey");

