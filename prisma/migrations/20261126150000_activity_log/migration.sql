-- CreateTable
CREATE TABLE "ActivityEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT,
    "subjectLabel" TEXT NOT NULL,
    "field" TEXT,
    "oldValue" TEXT,
    "newValue" TEXT,
    "detail" TEXT
);

-- CreateIndex
CREATE INDEX "ActivityEntry_at_idx" ON "ActivityEntry"("at");

-- CreateIndex
CREATE INDEX "ActivityEntry_subjectType_subjectId_at_idx" ON "ActivityEntry"("subjectType", "subjectId", "at");

-- CreateIndex
CREATE INDEX "ActivityEntry_actorId_at_idx" ON "ActivityEntry"("actorId", "at");


-- Append-only: whatever the application (or anyone with the file) tries, a history row is never
-- changed or removed.
CREATE TRIGGER "ActivityEntry_never_changed" BEFORE UPDATE ON "ActivityEntry"
BEGIN
  SELECT RAISE(ABORT, 'the activity log is append-only');
END;

CREATE TRIGGER "ActivityEntry_never_deleted" BEFORE DELETE ON "ActivityEntry"
BEGIN
  SELECT RAISE(ABORT, 'the activity log is append-only');
END;
