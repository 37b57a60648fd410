-- The sale, part 2 (issue 19): offers, invoices and credit notes with a gap-free sequence, payments.
ALTER TABLE "OutboxEmail" ADD COLUMN "attachmentKey" TEXT;
ALTER TABLE "OutboxEmail" ADD COLUMN "attachmentName" TEXT;
ALTER TABLE "SaleSettings" ADD COLUMN "offerFloorPercent" INTEGER NOT NULL DEFAULT 70;
ALTER TABLE "SaleSettings" ADD COLUMN "offerDays" INTEGER NOT NULL DEFAULT 3;
ALTER TABLE "SaleSettings" ADD COLUMN "paymentDays" INTEGER NOT NULL DEFAULT 7;
ALTER TABLE "SaleSettings" ADD COLUMN "invoicePrefix" TEXT NOT NULL DEFAULT 'BFA';
ALTER TABLE "SaleSettings" ADD COLUMN "taxMode" TEXT NOT NULL DEFAULT 'margin';
ALTER TABLE "SaleSettings" ADD COLUMN "vatRateBasisPoints" INTEGER NOT NULL DEFAULT 2000;
ALTER TABLE "SaleSettings" ADD COLUMN "bankDetails" TEXT NOT NULL DEFAULT '';
ALTER TABLE "SaleSettings" ADD COLUMN "invoiceTerms" TEXT NOT NULL DEFAULT 'Payment is due by the date above. The work remains the gallery''s property until it is paid for in full.';

CREATE TABLE "Offer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "enquiryId" INTEGER NOT NULL,
    "artworkId" TEXT NOT NULL,
    "amountMinor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "askingMinor" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "counterMinor" INTEGER,
    "expiresAt" DATETIME NOT NULL,
    "decidedAt" DATETIME,
    "decidedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Offer_enquiryId_fkey" FOREIGN KEY ("enquiryId") REFERENCES "Enquiry" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Offer_artworkId_fkey" FOREIGN KEY ("artworkId") REFERENCES "Artwork" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Offer_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "user" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "Offer_status_expiresAt_idx" ON "Offer"("status", "expiresAt");
CREATE INDEX "Offer_artworkId_idx" ON "Offer"("artworkId");
CREATE INDEX "Offer_enquiryId_idx" ON "Offer"("enquiryId");
-- At most one accepted offer per work, whoever accepts and wherever.
CREATE UNIQUE INDEX "Offer_one_accepted_per_artwork" ON "Offer"("artworkId") WHERE "status" = 'accepted';

CREATE TABLE "Invoice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'invoice',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "creditsInvoiceId" TEXT,
    "enquiryId" INTEGER,
    "offerId" TEXT,
    "buyerName" TEXT NOT NULL,
    "buyerEmail" TEXT NOT NULL,
    "buyerAddress" TEXT NOT NULL DEFAULT '',
    "currency" TEXT NOT NULL,
    "taxMode" TEXT NOT NULL,
    "vatRateBasisPoints" INTEGER NOT NULL DEFAULT 0,
    "subtotalMinor" INTEGER NOT NULL DEFAULT 0,
    "taxMinor" INTEGER NOT NULL DEFAULT 0,
    "totalMinor" INTEGER NOT NULL DEFAULT 0,
    "bankDetails" TEXT NOT NULL DEFAULT '',
    "terms" TEXT NOT NULL DEFAULT '',
    "issuedAt" DATETIME,
    "dueAt" DATETIME,
    "cancelledAt" DATETIME,
    "pdfStorageKey" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Invoice_creditsInvoiceId_fkey" FOREIGN KEY ("creditsInvoiceId") REFERENCES "Invoice" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Invoice_enquiryId_fkey" FOREIGN KEY ("enquiryId") REFERENCES "Enquiry" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Invoice_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Invoice_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "user" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "Invoice_number_key" ON "Invoice"("number");
CREATE UNIQUE INDEX "Invoice_creditsInvoiceId_key" ON "Invoice"("creditsInvoiceId");
CREATE UNIQUE INDEX "Invoice_offerId_key" ON "Invoice"("offerId");
CREATE INDEX "Invoice_status_issuedAt_idx" ON "Invoice"("status", "issuedAt");
-- An issued invoice never changes: only its status (issued → cancelled, with its credit note), its PDF's
-- key (written once, after the numbered row) and updatedAt may move; a number is never taken back.
CREATE TRIGGER "Invoice_issued_is_final" BEFORE UPDATE ON "Invoice"
WHEN OLD."status" <> 'draft' AND (
  NEW."number" IS NOT OLD."number" OR NEW."kind" IS NOT OLD."kind" OR NEW."buyerName" IS NOT OLD."buyerName"
  OR NEW."buyerEmail" IS NOT OLD."buyerEmail" OR NEW."buyerAddress" IS NOT OLD."buyerAddress" OR NEW."currency" IS NOT OLD."currency"
  OR NEW."taxMode" IS NOT OLD."taxMode" OR NEW."vatRateBasisPoints" IS NOT OLD."vatRateBasisPoints"
  OR NEW."subtotalMinor" IS NOT OLD."subtotalMinor" OR NEW."taxMinor" IS NOT OLD."taxMinor" OR NEW."totalMinor" IS NOT OLD."totalMinor"
  OR NEW."bankDetails" IS NOT OLD."bankDetails" OR NEW."terms" IS NOT OLD."terms" OR NEW."issuedAt" IS NOT OLD."issuedAt"
  OR NEW."dueAt" IS NOT OLD."dueAt" OR NEW."status" = 'draft'
  OR (OLD."pdfStorageKey" IS NOT NULL AND NEW."pdfStorageKey" IS NOT OLD."pdfStorageKey")
)
BEGIN
  SELECT RAISE(ABORT, 'An issued invoice cannot be changed: cancel it with a credit note and issue a new one');
END;
CREATE TRIGGER "Invoice_issued_is_kept" BEFORE DELETE ON "Invoice" WHEN OLD."status" <> 'draft'
BEGIN
  SELECT RAISE(ABORT, 'An issued invoice cannot be deleted: cancel it with a credit note');
END;

CREATE TABLE "InvoiceLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "invoiceId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "artworkId" TEXT,
    "description" TEXT NOT NULL,
    "amountMinor" INTEGER NOT NULL,
    "liveArtworkId" TEXT,
    CONSTRAINT "InvoiceLine_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "InvoiceLine_artworkId_fkey" FOREIGN KEY ("artworkId") REFERENCES "Artwork" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "InvoiceLine_invoiceId_position_key" ON "InvoiceLine"("invoiceId", "position");
-- Each work on one live invoice (draft or issued) at a time.
CREATE UNIQUE INDEX "InvoiceLine_one_live_invoice_per_artwork" ON "InvoiceLine"("liveArtworkId") WHERE "liveArtworkId" IS NOT NULL;

CREATE TABLE "InvoiceCounter" (
    "series" TEXT NOT NULL PRIMARY KEY,
    "last" INTEGER NOT NULL
);

CREATE TABLE "Payment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "invoiceId" TEXT NOT NULL,
    "receivedOn" DATETIME NOT NULL,
    "amountMinor" INTEGER NOT NULL,
    "method" TEXT NOT NULL,
    "reference" TEXT NOT NULL DEFAULT '',
    "provider" TEXT NOT NULL DEFAULT 'manual',
    "externalId" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "recordedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Payment_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Payment_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "user" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "Payment_idempotencyKey_key" ON "Payment"("idempotencyKey");
CREATE UNIQUE INDEX "Payment_provider_externalId_key" ON "Payment"("provider", "externalId");
CREATE INDEX "Payment_invoiceId_idx" ON "Payment"("invoiceId");
