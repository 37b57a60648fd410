import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { MATCH_END, MATCH_START, searchArtworks, searchQueryFor } from "@/lib/data/search";
import { seedCatalogue } from "@/prisma/seed";

beforeAll(async () => {
  await seedCatalogue();
});

const titles = async (text: string) =>
  (await searchArtworks(text)).map((result) => result.title.replaceAll(MATCH_START, "").replaceAll(MATCH_END, ""));

describe("searching the catalogue", () => {
  it("finds works by title, artist, medium, section, number and year, whatever the case, accents or word endings", async () => {
    expect(await titles("RETREAT")).toContain("Second Retreat from Russia");
    expect(await titles("drawings")).toContain("Second Retreat from Russia");
    expect((await titles("neasom")).length).toBeGreaterThan(5);
    expect(await titles("watercolour")).toContain("Skyscrapers");
    expect(await titles("wars conflicts")).toContain("Second Retreat from Russia");
    expect(await titles("93x")).toEqual(["Harvest Supper"]);
    expect(await titles("1958")).toContain("Skyscrapers");
    expect(await titles("Russiä")).toContain("Second Retreat from Russia");
  });

  it("ranks a match in the title above one in the description, and marks the matched words", async () => {
    const [first] = await searchArtworks("retreat");
    expect(first?.title).toBe(`Second ${MATCH_START}Retreat${MATCH_END} from Russia`);
  });

  it("reads nothing a visitor types as query syntax, and finds nothing in nothing", async () => {
    expect(searchQueryFor('retreat" OR title:*')).toBe('"retreat"* "or"* "title"*');
    expect(await searchArtworks('" ) ( * : ^')).toEqual([]);
    // Syntax words are searched as words, never run: no error, whatever is typed.
    await expect(searchArtworks('NEAR( "retreat AND')).resolves.toBeInstanceOf(Array);
    expect(await searchArtworks("   ")).toEqual([]);
    expect(await searchArtworks("zeppelinxyz")).toEqual([]);
  });

  it("keeps in step with the catalogue: a renamed work, a renamed section, a hidden or deleted work", async () => {
    const work = await db.artwork.findFirstOrThrow({ where: { slug: "69-gossips" } });
    await db.artwork.update({ where: { id: work.id }, data: { title: "Gossips at the Pump" } });
    expect(await titles("pump")).toEqual(["Gossips at the Pump"]);
    await db.section.update({ where: { id: work.sectionId }, data: { title: "Village Characters" } });
    expect(await titles("village")).toContain("Gossips at the Pump");
    await db.artwork.update({ where: { id: work.id }, data: { published: false } });
    expect(await titles("pump")).toEqual([]);
    await db.artwork.update({ where: { id: work.id }, data: { published: true, title: "Gossips" } });
    expect(await titles("pump")).toEqual([]);
    expect(await titles("gossips")).toContain("Gossips");
  });
});
