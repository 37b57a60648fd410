-- Private viewing rooms: chosen works for chosen collectors, each with a private link of their own.
CREATE TABLE "ViewingRoom" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "introduction" TEXT NOT NULL DEFAULT '',
    "showPrices" BOOLEAN NOT NULL DEFAULT true,
    "expiresAt" DATETIME NOT NULL,
    "closedAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

CREATE TABLE "ViewingRoomWork" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roomId" TEXT NOT NULL,
    "artworkId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "opens" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "ViewingRoomWork_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "ViewingRoom" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ViewingRoomWork_artworkId_fkey" FOREIGN KEY ("artworkId") REFERENCES "Artwork" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "ViewingRoomWork_roomId_artworkId_key" ON "ViewingRoomWork"("roomId", "artworkId");
CREATE INDEX "ViewingRoomWork_roomId_position_idx" ON "ViewingRoomWork"("roomId", "position");

CREATE TABLE "ViewingRoomGuest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roomId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "opens" INTEGER NOT NULL DEFAULT 0,
    "firstOpenedAt" DATETIME,
    "lastOpenedAt" DATETIME,
    "revokedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ViewingRoomGuest_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "ViewingRoom" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "ViewingRoomGuest_tokenHash_key" ON "ViewingRoomGuest"("tokenHash");
CREATE INDEX "ViewingRoomGuest_roomId_idx" ON "ViewingRoomGuest"("roomId");
CREATE INDEX "ViewingRoomGuest_email_idx" ON "ViewingRoomGuest"("email");
