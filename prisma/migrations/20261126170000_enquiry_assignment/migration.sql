-- Assigning an enquiry to a member of staff (issue 12, part 3). Added in place: the Enquiry table
-- is never rebuilt. An account deleted later leaves its enquiries unassigned.
ALTER TABLE "Enquiry" ADD COLUMN "assignedToId" TEXT REFERENCES "user" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "Enquiry_assignedToId_status_idx" ON "Enquiry"("assignedToId", "status");
