-- Staff roles. Written as ALTER TABLE rather than the table rebuild Prisma proposes, which would
-- copy every account for one new column.
ALTER TABLE "user" ADD COLUMN "role" TEXT NOT NULL DEFAULT 'staff';

-- The gallery's existing accounts were made by whoever runs the server, with `npm run staff:create`:
-- the first becomes the owner, so someone can manage the others from the staff area.
UPDATE "user" SET "role" = 'owner' WHERE "id" = (SELECT "id" FROM "user" ORDER BY "createdAt" ASC LIMIT 1);

-- CreateTable
CREATE TABLE "StaffInvitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "invitedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StaffInvitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "user" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "StaffInvitation_tokenHash_key" ON "StaffInvitation"("tokenHash");

-- CreateIndex
CREATE INDEX "StaffInvitation_email_idx" ON "StaffInvitation"("email");
