/**
 * A large generated catalogue for the scale benchmark (`npm run bench -- --works 5000`): one more
 * exhibition with `sections` sections and `works` works, written straight into a migrated database
 * beside the seeded one. Titles, media, sizes (inches and centimetres), years, prices and
 * availability vary the way a real catalogue's do; numbers repeat across sections with letter
 * suffixes now and then.
 */
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

const SUBJECTS = [
  "Harvest",
  "Retreat",
  "Orchard",
  "Market Day",
  "Canal",
  "Chapel",
  "Quarry",
  "Ploughman",
  "Fair",
  "Ferry",
  "Mill",
  "Choir",
  "Auction",
  "Storm",
  "Bridge",
];
const PLACES = [
  "Bordesley",
  "Redditch",
  "Evesham",
  "Tardebigge",
  "Feckenham",
  "Inkberrow",
  "Alcester",
  "Bromsgrove",
  "Worcester",
  "Malvern",
];
const MEDIA = [
  ["drawing", "Pen and ink"],
  ["drawing", "Pencil"],
  ["painting", "Oil on board"],
  ["painting", "Tempera on panel"],
  ["painting", "Watercolour"],
  ["print", "Linocut"],
] as const;
const AVAILABILITY = ["available", "available", "available", "sold", "reserved", "private_collection"] as const;

export function generateCatalogue(databasePath: string, works: number, sections: number): void {
  const database = new Database(databasePath);
  const now = new Date().toISOString().replace("Z", "+00:00");
  const artistId = (database.prepare(`SELECT "id" FROM "Artist" LIMIT 1`).get() as { id: string }).id;
  const exhibitionId = randomUUID();
  const insertExhibition = database.prepare(
    `INSERT INTO "Exhibition" ("id", "slug", "title", "summary", "introduction", "artistId", "isCurrent", "published", "createdAt", "updatedAt")
     VALUES (?, 'generated-collection', 'The Generated Collection', 'A large catalogue for measuring the site at scale.', '', ?, 0, 1, ?, ?)`,
  );
  const insertSection = database.prepare(
    `INSERT INTO "Section" ("id", "slug", "title", "introduction", "position", "exhibitionId", "createdAt", "updatedAt") VALUES (?, ?, ?, '', ?, ?, ?, ?)`,
  );
  const insertWork = database.prepare(
    `INSERT INTO "Artwork" ("id", "slug", "catalogueNumber", "title", "sectionId", "position", "category", "technique", "signature", "year",
       "description", "availability", "priceMinor", "currency", "published", "featured", "createdAt", "updatedAt")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'Signed', ?, ?, ?, ?, 'GBP', 1, 0, ?, ?)`,
  );
  const insertDimension = database.prepare(
    `INSERT INTO "Dimension" ("id", "artworkId", "kind", "height", "width", "depth", "unit", "position") VALUES (?, ?, ?, ?, ?, NULL, ?, ?)`,
  );
  database.transaction(() => {
    insertExhibition.run(exhibitionId, artistId, now, now);
    const sectionIds = Array.from({ length: sections }, (_, index) => {
      const id = randomUUID();
      insertSection.run(
        id,
        `generated-section-${index + 1}`,
        `${SUBJECTS[index % SUBJECTS.length]} Studies ${index + 1}`,
        index,
        exhibitionId,
        now,
        now,
      );
      return id;
    });
    for (let index = 0; index < works; index += 1) {
      const section = index % sections;
      const positionInSection = Math.floor(index / sections);
      const [category, medium] = MEDIA[index % MEDIA.length]!;
      const subject = SUBJECTS[(index * 7) % SUBJECTS.length]!;
      const place = PLACES[(index * 3) % PLACES.length]!;
      const number = `${positionInSection + 1}${index % 17 === 0 ? "a" : ""}`;
      const id = randomUUID();
      const availability = AVAILABILITY[index % AVAILABILITY.length]!;
      insertWork.run(
        id,
        `generated-${index + 1}-${subject.toLowerCase().replace(/\s+/g, "-")}-at-${place.toLowerCase()}`,
        number,
        `${subject} at ${place} ${index + 1}`,
        sectionIds[section],
        positionInSection,
        category,
        medium,
        1935 + (index % 70),
        `A ${medium.toLowerCase()} of ${subject.toLowerCase()} near ${place}, number ${index + 1} of the generated collection.`,
        availability,
        availability === "available" ? 25_000 + (index % 40) * 2_500 : null,
        now,
        now,
      );
      const inches = index % 2 === 0;
      const height = inches ? 8 + (index % 17) + 0.25 * (index % 4) : 20 + (index % 60) + 0.5 * (index % 2);
      const width = inches ? 10 + (index % 13) + 0.125 * (index % 8) : 25 + (index % 70);
      insertDimension.run(randomUUID(), id, "image", height, width, inches ? "in" : "cm", 0);
      if (index % 3 === 0)
        insertDimension.run(randomUUID(), id, "framed", height + (inches ? 6 : 15), width + (inches ? 6 : 15), inches ? "in" : "cm", 1);
    }
  })();
  database.close();
}

/**
 * A fresh, migrated and seeded database in tmp/<name>/ with `works` generated works beside the
 * seeded ones, named in DATABASE_URL for this process (so import lib/db only after calling this).
 */
export function freshBenchDatabase(name: string, works: number): string {
  const folder = path.resolve("tmp", name);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const databasePath = path.join(folder, "gallery.db");
  process.env.DATABASE_URL = `file:${databasePath}`;
  execFileSync("npm", ["run", "--silent", "db:setup"], { env: process.env, stdio: "pipe" });
  generateCatalogue(databasePath, works, 40);
  return databasePath;
}
