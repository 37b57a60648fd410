-- AlterTable
ALTER TABLE "StagedImport" ADD COLUMN "photographs" BLOB;

