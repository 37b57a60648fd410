-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN "calendar" TEXT;

-- CreateTable
CREATE TABLE "ViewingSlot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "capacity" INTEGER NOT NULL,
    "booked" INTEGER NOT NULL DEFAULT 0,
    "closedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    -- Written by hand (Prisma's schema cannot say it): a slot never holds more bookings than places.
    CONSTRAINT "ViewingSlot_within_capacity" CHECK ("booked" >= 0 AND "booked" <= "capacity"),
    CONSTRAINT "ViewingSlot_takes_someone" CHECK ("capacity" >= 1 AND "endsAt" > "startsAt")
);

-- CreateTable
CREATE TABLE "ViewingBooking" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slotId" TEXT NOT NULL,
    "enquiryId" INTEGER NOT NULL,
    "cancelTokenHash" TEXT NOT NULL,
    "cancelledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ViewingBooking_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "ViewingSlot" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ViewingBooking_enquiryId_fkey" FOREIGN KEY ("enquiryId") REFERENCES "Enquiry" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ViewingSlot_startsAt_key" ON "ViewingSlot"("startsAt");

-- CreateIndex
CREATE INDEX "ViewingSlot_startsAt_closedAt_idx" ON "ViewingSlot"("startsAt", "closedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ViewingBooking_enquiryId_key" ON "ViewingBooking"("enquiryId");

-- CreateIndex
CREATE UNIQUE INDEX "ViewingBooking_cancelTokenHash_key" ON "ViewingBooking"("cancelTokenHash");

-- CreateIndex
CREATE INDEX "ViewingBooking_slotId_idx" ON "ViewingBooking"("slotId");


-- The count of a slot's bookings follows the bookings themselves, inside the same statement: a booking
-- that would take a slot past its capacity fails the CHECK above, and is not written.
CREATE TRIGGER "ViewingBooking_takes_a_place" AFTER INSERT ON "ViewingBooking" WHEN NEW."cancelledAt" IS NULL
BEGIN
  UPDATE "ViewingSlot" SET "booked" = "booked" + 1 WHERE "id" = NEW."slotId";
END;

CREATE TRIGGER "ViewingBooking_cancelled_frees_its_place" AFTER UPDATE OF "cancelledAt" ON "ViewingBooking"
WHEN OLD."cancelledAt" IS NULL AND NEW."cancelledAt" IS NOT NULL
BEGIN
  UPDATE "ViewingSlot" SET "booked" = "booked" - 1 WHERE "id" = NEW."slotId";
END;

-- An erased enquiry takes its booking with it (ON DELETE CASCADE): its place is freed too.
CREATE TRIGGER "ViewingBooking_deleted_frees_its_place" AFTER DELETE ON "ViewingBooking" WHEN OLD."cancelledAt" IS NULL
BEGIN
  UPDATE "ViewingSlot" SET "booked" = "booked" - 1 WHERE "id" = OLD."slotId";
END;
