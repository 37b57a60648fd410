-- CreateTable
CREATE TABLE "CatalogueStamp" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "shownVersion" INTEGER NOT NULL DEFAULT 0
);


-- The one row, and the triggers that move its version with every write to the catalogue's tables.
INSERT INTO "CatalogueStamp" ("id", "version", "shownVersion") VALUES (1, 1, 0);
CREATE TRIGGER "CatalogueStamp_Artist_insert" AFTER INSERT ON "Artist" BEGIN UPDATE "CatalogueStamp" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "CatalogueStamp_Artist_update" AFTER UPDATE ON "Artist" BEGIN UPDATE "CatalogueStamp" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "CatalogueStamp_Artist_delete" AFTER DELETE ON "Artist" BEGIN UPDATE "CatalogueStamp" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "CatalogueStamp_Exhibition_insert" AFTER INSERT ON "Exhibition" BEGIN UPDATE "CatalogueStamp" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "CatalogueStamp_Exhibition_update" AFTER UPDATE ON "Exhibition" BEGIN UPDATE "CatalogueStamp" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "CatalogueStamp_Exhibition_delete" AFTER DELETE ON "Exhibition" BEGIN UPDATE "CatalogueStamp" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "CatalogueStamp_Section_insert" AFTER INSERT ON "Section" BEGIN UPDATE "CatalogueStamp" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "CatalogueStamp_Section_update" AFTER UPDATE ON "Section" BEGIN UPDATE "CatalogueStamp" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "CatalogueStamp_Section_delete" AFTER DELETE ON "Section" BEGIN UPDATE "CatalogueStamp" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "CatalogueStamp_Artwork_insert" AFTER INSERT ON "Artwork" BEGIN UPDATE "CatalogueStamp" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "CatalogueStamp_Artwork_update" AFTER UPDATE ON "Artwork" BEGIN UPDATE "CatalogueStamp" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "CatalogueStamp_Artwork_delete" AFTER DELETE ON "Artwork" BEGIN UPDATE "CatalogueStamp" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "CatalogueStamp_Dimension_insert" AFTER INSERT ON "Dimension" BEGIN UPDATE "CatalogueStamp" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "CatalogueStamp_Dimension_update" AFTER UPDATE ON "Dimension" BEGIN UPDATE "CatalogueStamp" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "CatalogueStamp_Dimension_delete" AFTER DELETE ON "Dimension" BEGIN UPDATE "CatalogueStamp" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "CatalogueStamp_ArtworkImage_insert" AFTER INSERT ON "ArtworkImage" BEGIN UPDATE "CatalogueStamp" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "CatalogueStamp_ArtworkImage_update" AFTER UPDATE ON "ArtworkImage" BEGIN UPDATE "CatalogueStamp" SET "version" = "version" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "CatalogueStamp_ArtworkImage_delete" AFTER DELETE ON "ArtworkImage" BEGIN UPDATE "CatalogueStamp" SET "version" = "version" + 1 WHERE "id" = 1; END;
