-- AlterTable
ALTER TABLE "Artwork" ADD COLUMN "priceAsWritten" TEXT;

