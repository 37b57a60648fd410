-- Collectors' emailed answers, read back from the gallery's mailbox (IMAP) or a mail provider's
-- inbound webhook into their enquiries; each stored once.
CREATE TABLE "InboundEmail" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "messageKey" TEXT NOT NULL,
    "mailboxPlace" TEXT,
    "source" TEXT NOT NULL,
    "enquiryId" INTEGER,
    "fromAddress" TEXT NOT NULL,
    "fromName" TEXT,
    "subject" TEXT NOT NULL,
    "sentAt" DATETIME,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "replyText" TEXT NOT NULL,
    "fullText" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "checkReason" TEXT,
    "leftOut" TEXT,
    "originalKey" TEXT,
    CONSTRAINT "InboundEmail_enquiryId_fkey" FOREIGN KEY ("enquiryId") REFERENCES "Enquiry" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "InboundEmailAttachment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "emailId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "storageKey" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    CONSTRAINT "InboundEmailAttachment_emailId_fkey" FOREIGN KEY ("emailId") REFERENCES "InboundEmail" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "MailboxCursor" (
    "folder" TEXT NOT NULL PRIMARY KEY,
    "uidValidity" TEXT NOT NULL,
    "lastUid" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL
);

CREATE UNIQUE INDEX "InboundEmail_messageKey_key" ON "InboundEmail"("messageKey");
CREATE UNIQUE INDEX "InboundEmail_mailboxPlace_key" ON "InboundEmail"("mailboxPlace");
CREATE INDEX "InboundEmail_status_receivedAt_idx" ON "InboundEmail"("status", "receivedAt");
CREATE INDEX "InboundEmail_enquiryId_receivedAt_idx" ON "InboundEmail"("enquiryId", "receivedAt");
CREATE INDEX "InboundEmail_fromAddress_idx" ON "InboundEmail"("fromAddress");
CREATE UNIQUE INDEX "InboundEmailAttachment_storageKey_key" ON "InboundEmailAttachment"("storageKey");
CREATE UNIQUE INDEX "InboundEmailAttachment_emailId_position_key" ON "InboundEmailAttachment"("emailId", "position");

CREATE TABLE "InboundWebhookToken" (
    "token" TEXT NOT NULL PRIMARY KEY,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "InboundWebhookToken_receivedAt_idx" ON "InboundWebhookToken"("receivedAt");
