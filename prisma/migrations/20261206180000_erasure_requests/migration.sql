-- Erasing from the follow page was immediate and could not be undone: it is now carried out a day
-- after it is asked for, and can be withdrawn from the same link until then.
CREATE TABLE "ErasureRequest" (
    "email" TEXT NOT NULL PRIMARY KEY,
    "requestedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "eraseAt" DATETIME NOT NULL
);

CREATE INDEX "ErasureRequest_eraseAt_idx" ON "ErasureRequest"("eraseAt");
