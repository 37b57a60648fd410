-- CreateTable
CREATE TABLE "EnquiryWork" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "enquiryId" INTEGER NOT NULL,
    "artworkId" TEXT,
    "position" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    CONSTRAINT "EnquiryWork_enquiryId_fkey" FOREIGN KEY ("enquiryId") REFERENCES "Enquiry" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EnquiryWork_artworkId_fkey" FOREIGN KEY ("artworkId") REFERENCES "Artwork" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "EnquiryWork_artworkId_idx" ON "EnquiryWork"("artworkId");

-- CreateIndex
CREATE UNIQUE INDEX "EnquiryWork_enquiryId_position_key" ON "EnquiryWork"("enquiryId", "position");


-- Enquiries stored before an enquiry could name several works: their one work becomes the first row.
INSERT INTO "EnquiryWork" ("id", "enquiryId", "artworkId", "position", "snapshot")
SELECT 'ew' || lower(hex(randomblob(12))), "id", "artworkId", 0, "artworkSnapshot"
FROM "Enquiry" WHERE "artworkSnapshot" IS NOT NULL;
