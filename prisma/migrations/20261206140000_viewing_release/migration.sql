-- A booking made with an enquiry held back (flagged as spam, or a second booking confirmation to one
-- mailbox in a day) waits for staff: it takes no place, and no confirmation goes out, until released.
ALTER TABLE "ViewingBooking" ADD COLUMN "awaitingReleaseSince" DATETIME;
-- Who cancelled, when staff did (null: the collector, with their link).
ALTER TABLE "ViewingBooking" ADD COLUMN "cancelledByStaff" TEXT;

-- A waiting booking is not counted; it is counted when released, where the CHECK on the slot refuses a
-- release beyond its places; a cancelled or deleted one frees a place only if it had one.
DROP TRIGGER "ViewingBooking_takes_a_place";
CREATE TRIGGER "ViewingBooking_takes_a_place" AFTER INSERT ON "ViewingBooking"
WHEN NEW."cancelledAt" IS NULL AND NEW."awaitingReleaseSince" IS NULL
BEGIN
  UPDATE "ViewingSlot" SET "booked" = "booked" + 1 WHERE "id" = NEW."slotId";
END;

CREATE TRIGGER "ViewingBooking_released_takes_a_place" AFTER UPDATE OF "awaitingReleaseSince" ON "ViewingBooking"
WHEN OLD."awaitingReleaseSince" IS NOT NULL AND NEW."awaitingReleaseSince" IS NULL AND NEW."cancelledAt" IS NULL
BEGIN
  UPDATE "ViewingSlot" SET "booked" = "booked" + 1 WHERE "id" = NEW."slotId";
END;

DROP TRIGGER "ViewingBooking_cancelled_frees_its_place";
CREATE TRIGGER "ViewingBooking_cancelled_frees_its_place" AFTER UPDATE OF "cancelledAt" ON "ViewingBooking"
WHEN OLD."cancelledAt" IS NULL AND NEW."cancelledAt" IS NOT NULL AND OLD."awaitingReleaseSince" IS NULL
BEGIN
  UPDATE "ViewingSlot" SET "booked" = "booked" - 1 WHERE "id" = NEW."slotId";
END;

DROP TRIGGER "ViewingBooking_deleted_frees_its_place";
CREATE TRIGGER "ViewingBooking_deleted_frees_its_place" AFTER DELETE ON "ViewingBooking"
WHEN OLD."cancelledAt" IS NULL AND OLD."awaitingReleaseSince" IS NULL
BEGIN
  UPDATE "ViewingSlot" SET "booked" = "booked" - 1 WHERE "id" = OLD."slotId";
END;
