-- Full-text search over the catalogue (lib/data/search.ts): one row per work, kept in step with the
-- catalogue by the triggers below. Porter stemming ("drawings" finds "drawing"), case and accents
-- folded. Not in schema.prisma: Prisma does not model virtual tables.
CREATE VIRTUAL TABLE "ArtworkSearch" USING fts5(
    "artworkId" UNINDEXED,
    "title",
    "artist",
    "medium",
    "section",
    "description",
    "number",
    "year",
    tokenize = 'porter unicode61 remove_diacritics 2'
);

INSERT INTO "ArtworkSearch" ("artworkId", "title", "artist", "medium", "section", "description", "number", "year")
SELECT a."id", a."title", ar."name", trim(coalesce(a."technique", '') || ' ' || a."category"), s."title", a."description", a."catalogueNumber", coalesce(a."year", '')
FROM "Artwork" a JOIN "Section" s ON s."id" = a."sectionId" JOIN "Exhibition" e ON e."id" = s."exhibitionId" JOIN "Artist" ar ON ar."id" = e."artistId";

CREATE TRIGGER "ArtworkSearch_artwork_insert" AFTER INSERT ON "Artwork" BEGIN
  INSERT INTO "ArtworkSearch" ("artworkId", "title", "artist", "medium", "section", "description", "number", "year")
  SELECT NEW."id", NEW."title", ar."name", trim(coalesce(NEW."technique", '') || ' ' || NEW."category"), s."title", NEW."description", NEW."catalogueNumber", coalesce(NEW."year", '')
  FROM "Section" s JOIN "Exhibition" e ON e."id" = s."exhibitionId" JOIN "Artist" ar ON ar."id" = e."artistId" WHERE s."id" = NEW."sectionId";
END;

CREATE TRIGGER "ArtworkSearch_artwork_update" AFTER UPDATE ON "Artwork" BEGIN
  DELETE FROM "ArtworkSearch" WHERE "artworkId" = OLD."id";
  INSERT INTO "ArtworkSearch" ("artworkId", "title", "artist", "medium", "section", "description", "number", "year")
  SELECT NEW."id", NEW."title", ar."name", trim(coalesce(NEW."technique", '') || ' ' || NEW."category"), s."title", NEW."description", NEW."catalogueNumber", coalesce(NEW."year", '')
  FROM "Section" s JOIN "Exhibition" e ON e."id" = s."exhibitionId" JOIN "Artist" ar ON ar."id" = e."artistId" WHERE s."id" = NEW."sectionId";
END;

CREATE TRIGGER "ArtworkSearch_artwork_delete" AFTER DELETE ON "Artwork" BEGIN
  DELETE FROM "ArtworkSearch" WHERE "artworkId" = OLD."id";
END;

-- A section renamed, or an artist renamed: their works' rows follow.
CREATE TRIGGER "ArtworkSearch_section_update" AFTER UPDATE OF "title" ON "Section" BEGIN
  UPDATE "ArtworkSearch" SET "section" = NEW."title" WHERE "artworkId" IN (SELECT "id" FROM "Artwork" WHERE "sectionId" = NEW."id");
END;

CREATE TRIGGER "ArtworkSearch_artist_update" AFTER UPDATE OF "name" ON "Artist" BEGIN
  UPDATE "ArtworkSearch" SET "artist" = NEW."name" WHERE "artworkId" IN (
    SELECT a."id" FROM "Artwork" a JOIN "Section" s ON s."id" = a."sectionId" JOIN "Exhibition" e ON e."id" = s."exhibitionId" WHERE e."artistId" = NEW."id"
  );
END;
