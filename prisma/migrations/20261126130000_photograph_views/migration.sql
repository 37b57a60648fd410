-- Written as ALTER TABLE, not the table rebuild Prisma proposes: a rebuild would drop the catalogue
-- stamp's triggers on "ArtworkImage" (20261126040000_catalogue_stamp).
ALTER TABLE "ArtworkImage" ADD COLUMN "altText" TEXT NOT NULL DEFAULT '';
ALTER TABLE "ArtworkImage" ADD COLUMN "hasAvif" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "ArtworkImage" ADD COLUMN "zoomWidth" INTEGER NOT NULL DEFAULT 1600;
