-- AlterTable
ALTER TABLE "Enquiry" ADD COLUMN "followExpiresAt" DATETIME;
ALTER TABLE "Enquiry" ADD COLUMN "followRevokedAt" DATETIME;
ALTER TABLE "Enquiry" ADD COLUMN "followTokenHash" TEXT;

-- CreateTable
CREATE TABLE "EnquiryFollowUp" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "enquiryId" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EnquiryFollowUp_enquiryId_fkey" FOREIGN KEY ("enquiryId") REFERENCES "Enquiry" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "EnquiryFollowUp_enquiryId_createdAt_idx" ON "EnquiryFollowUp"("enquiryId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Enquiry_followTokenHash_key" ON "Enquiry"("followTokenHash");

