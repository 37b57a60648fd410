-- AlterTable
ALTER TABLE "user" ADD COLUMN "disabledAt" DATETIME;
