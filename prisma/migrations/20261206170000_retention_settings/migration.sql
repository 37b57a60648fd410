-- Spam was kept as long as any enquiry (two years) and digest emails for ever: an owner now says how
-- long each is kept, thirty days unless changed.
CREATE TABLE "RetentionSettings" (
    "id" INTEGER NOT NULL PRIMARY KEY DEFAULT 1,
    "spamKeptDays" INTEGER NOT NULL DEFAULT 30,
    "digestEmailsKeptDays" INTEGER NOT NULL DEFAULT 30,
    "updatedAt" DATETIME NOT NULL
);
