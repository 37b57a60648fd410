import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import {
  chosenSection,
  findIndexedArtworks,
  indexArtworks,
  readArtwork,
  readCurrentExhibition,
  readExhibition,
  readFeaturedArtworks,
  readPublishedArtworks,
  readSection,
  SECTION_PAGE_WORKS,
  type ArtworkFilters,
  type ArtworkSummary,
} from "@/lib/data/catalogue";
import { parseArtworkFilters } from "@/lib/validations/artwork-filters";
import { seedCatalogue } from "@/prisma/seed";

beforeAll(async () => {
  await seedCatalogue();
});

describe("the seed", () => {
  it("loads the exhibition, its eight sections and nine works, once", async () => {
    expect(await db.section.count()).toBe(8);
    expect(await db.artwork.count()).toBe(9);
    expect(await seedCatalogue()).toEqual({ created: 0 });
    expect(await db.artwork.count()).toBe(9);
  });

  it("never overwrites a record staff have edited", async () => {
    await db.artwork.update({ where: { slug: "69-gossips" }, data: { title: "Gossips (retitled)" } });
    await seedCatalogue();
    expect((await db.artwork.findUniqueOrThrow({ where: { slug: "69-gossips" } })).title).toBe("Gossips (retitled)");
    await db.artwork.update({ where: { slug: "69-gossips" }, data: { title: "Gossips" } });
  });
});

describe("reading the catalogue from SQLite", () => {
  it("reads work 42 with its section, artist dates and sizes as numbers", async () => {
    const work = await readArtwork("42-second-retreat-from-russia");
    expect(work).toMatchObject({
      catalogueNumber: "42",
      title: "Second Retreat from Russia",
      category: "drawing",
      signature: "Signed Dated and Inscribed",
      availability: "available",
      section: { title: "Wars and Conflicts" },
      exhibition: { title: "Norman Neasom Exhibition" },
      artist: { name: "Norman Neasom", birthYear: 1915, deathYear: 2010 },
      dimensions: [{ kind: "image", height: 15, width: 22, unit: "in", depth: null }],
    });
    expect(work?.previous?.catalogueNumber).toBe("36");
    expect(work?.next).toBeNull();
  });

  it("keeps a work's framed size beside its image size", async () => {
    const work = await readArtwork("58-skyscrapers");
    expect(work?.dimensions.map((dimension) => [dimension.kind, dimension.height, dimension.width, dimension.unit])).toEqual([
      ["image", 370, 545, "mm"],
      ["framed", 620, 780, "mm"],
    ]);
    expect(work?.availability).toBe("private_collection");
  });

  it("lists a section's works in catalogue order", async () => {
    const section = await readSection("norman-neasom-exhibition", "neasom-n-watercolours");
    expect(section?.artworks.map((work) => work.catalogueNumber)).toEqual(["37", "50", "58"]);
    expect(await readSection("norman-neasom-exhibition", "no-such-section")).toBeNull();
  });

  it("counts works per section on the exhibition", async () => {
    const exhibition = await readExhibition("norman-neasom-exhibition");
    expect(exhibition?.sections.map((section) => [section.title, section.workCount])).toEqual([
      ["Wars and Conflicts", 2],
      ["Romantic Encounters", 0],
      ["Neasom. N (Watercolours)", 3],
      ["Neasom. N (Drawings)", 1],
      ["Worcestershire and Warwickshire", 1],
      ["History and Events", 1],
      ["Characters", 1],
      ["Wales and the Borders", 0],
    ]);
    expect(exhibition?.sections[0]?.cover?.catalogueNumber).toBe("36");
    expect((await readCurrentExhibition())?.slug).toBe("norman-neasom-exhibition");
  });

  it("hides unpublished works everywhere", async () => {
    await db.artwork.update({ where: { slug: "63-the-auctioneer" }, data: { published: false } });
    try {
      expect(await readArtwork("63-the-auctioneer")).toBeNull();
      expect((await readPublishedArtworks()).some((work) => work.slug === "63-the-auctioneer")).toBe(false);
      const exhibition = await readExhibition("norman-neasom-exhibition");
      expect(exhibition?.sections.find((section) => section.slug === "characters")?.workCount).toBe(0);
    } finally {
      await db.artwork.update({ where: { slug: "63-the-auctioneer" }, data: { published: true } });
    }
  });

  it("accepts a catalogue number that repeats on another work", async () => {
    const section = await db.section.findFirstOrThrow({ where: { slug: "characters" } });
    await db.artwork.create({
      data: {
        slug: "42-a-second-forty-two",
        catalogueNumber: "42",
        title: "A Second Forty-Two",
        sectionId: section.id,
        position: 5,
        category: "drawing",
      },
    });
    const withNumber = (await readPublishedArtworks()).filter((work) => work.catalogueNumber === "42");
    expect(withNumber.map((work) => work.slug).sort()).toEqual(["42-a-second-forty-two", "42-second-retreat-from-russia"]);
    await db.artwork.delete({ where: { slug: "42-a-second-forty-two" } });
  });

  it("lists a section larger than a page by its first works in catalogue order, and counts them all", async () => {
    const exhibition = await db.exhibition.findFirstOrThrow({ where: { slug: "norman-neasom-exhibition" } });
    const stock = await db.section.create({
      data: { slug: "whole-stock", title: "Whole Stock", position: 20, exhibitionId: exhibition.id },
    });
    try {
      // One more than a page, listed in reverse of their positions; and one hidden, which is not counted.
      await db.artwork.createMany({
        data: Array.from({ length: SECTION_PAGE_WORKS + 2 }, (_, index) => ({
          slug: `stock-${index}`,
          catalogueNumber: `S${index}`,
          title: `Stock Work ${index}`,
          sectionId: stock.id,
          position: SECTION_PAGE_WORKS + 2 - index,
          category: "drawing",
          published: index !== 0,
        })),
      });
      const section = await readSection("norman-neasom-exhibition", "whole-stock");
      expect(section?.workCount).toBe(SECTION_PAGE_WORKS + 1);
      expect(section?.artworks).toHaveLength(SECTION_PAGE_WORKS);
      expect(section?.artworks[0]?.slug).toBe(`stock-${SECTION_PAGE_WORKS + 1}`);
      expect(section?.artworks.some((work) => work.slug === "stock-0")).toBe(false);
      const onExhibition = (await readExhibition("norman-neasom-exhibition"))?.sections.find((each) => each.slug === "whole-stock");
      expect(onExhibition?.workCount).toBe(SECTION_PAGE_WORKS + 1);
      expect(onExhibition?.cover?.slug).toBe(`stock-${SECTION_PAGE_WORKS + 1}`);
    } finally {
      await db.artwork.deleteMany({ where: { sectionId: stock.id } });
      await db.section.delete({ where: { id: stock.id } });
    }
  });

  it("walks a section by previous and next in the order its page lists, two works sharing a position and a hidden one included", async () => {
    const exhibition = await db.exhibition.findFirstOrThrow({ where: { slug: "norman-neasom-exhibition" } });
    const walk = await db.section.create({
      data: { slug: "walked-section", title: "Walked Section", position: 21, exhibitionId: exhibition.id },
    });
    try {
      // Created out of order; "b" and "c" share position 2 (an import's Order column can say so), "d" is hidden.
      const works = [
        { slug: "walk-c", position: 2 },
        { slug: "walk-e", position: 4 },
        { slug: "walk-a", position: 1 },
        { slug: "walk-d", position: 3, published: false },
        { slug: "walk-b", position: 2 },
      ];
      await db.artwork.createMany({
        data: works.map((work, index) => ({
          catalogueNumber: `W${index}`,
          title: `Walked ${work.slug}`,
          category: "drawing",
          sectionId: walk.id,
          ...work,
        })),
      });
      const listed = (await readSection("norman-neasom-exhibition", "walked-section"))?.artworks.map((work) => work.slug);
      expect(listed).toEqual(["walk-a", "walk-b", "walk-c", "walk-e"]);
      const forwards: string[] = [];
      for (let slug: string | undefined = "walk-a"; slug; slug = (await readArtwork(slug))?.next?.slug) forwards.push(slug);
      expect(forwards).toEqual(listed);
      const backwards: string[] = [];
      for (let slug: string | undefined = "walk-e"; slug; slug = (await readArtwork(slug))?.previous?.slug) backwards.push(slug);
      expect(backwards).toEqual([...listed!].reverse());
    } finally {
      await db.artwork.deleteMany({ where: { sectionId: walk.id } });
      await db.section.delete({ where: { id: walk.id } });
    }
  });

  it("reads the featured works for the home page", async () => {
    const featured = await readFeaturedArtworks(4);
    expect(featured).toHaveLength(4);
    expect(featured.map((work) => work.catalogueNumber)).toContain("42");
  });
});

describe("filtering and sorting All works", () => {
  const filterAndSortArtworks = (all: ArtworkSummary[], filters: ArtworkFilters) => findIndexedArtworks(indexArtworks(all), filters);

  it("filters by section, category and availability", async () => {
    const all = await readPublishedArtworks();
    expect(filterAndSortArtworks(all, { sort: "number", section: "wars-and-conflicts" }).map((work) => work.catalogueNumber)).toEqual([
      "36",
      "42",
    ]);
    expect(filterAndSortArtworks(all, { sort: "number", category: "drawing" }).map((work) => work.catalogueNumber)).toEqual([
      "38",
      "42",
      "63",
      "69",
    ]);
    expect(filterAndSortArtworks(all, { sort: "number", availability: "private_collection" }).map((work) => work.catalogueNumber)).toEqual([
      "58",
      "93x",
    ]);
    expect(filterAndSortArtworks(all, { sort: "number", category: "drawing", availability: "private_collection" })).toEqual([]);
  });

  it("sorts by catalogue number as a gallery reads it, by title and by size", async () => {
    const all = await readPublishedArtworks();
    expect(filterAndSortArtworks(all, { sort: "number" }).map((work) => work.catalogueNumber)).toEqual([
      "36",
      "37",
      "38",
      "42",
      "50",
      "58",
      "63",
      "69",
      "93x",
    ]);
    expect(filterAndSortArtworks(all, { sort: "title" })[0]?.title).toBe("Comments on Life");
    // 15 × 22 in is 2,129 cm², 16 × 20 in 2,064 cm²; the smallest is 100 × 165 mm (165 cm²), below 5 × 7 in (226 cm²).
    expect(
      filterAndSortArtworks(all, { sort: "size" })
        .slice(0, 2)
        .map((work) => work.catalogueNumber),
    ).toEqual(["42", "69"]);
    expect(filterAndSortArtworks(all, { sort: "size" }).at(-1)?.catalogueNumber).toBe("63");
  });

  it("tells apart two exhibitions' sections of the same slug and title, and still honours a bare slug from an older address", async () => {
    const neasom = await db.exhibition.findFirstOrThrow({ where: { slug: "norman-neasom-exhibition" } });
    const summer = await db.exhibition.create({
      data: { slug: "summer-show", title: "Summer Show", artistId: neasom.artistId },
    });
    try {
      const own = await db.section.create({ data: { slug: "landscapes", title: "Landscapes", position: 30, exhibitionId: neasom.id } });
      const other = await db.section.create({ data: { slug: "landscapes", title: "Landscapes", position: 1, exhibitionId: summer.id } });
      await db.artwork.createMany({
        data: [
          { slug: "land-1", catalogueNumber: "L1", title: "Neasom Landscape", sectionId: own.id, position: 1, category: "painting" },
          { slug: "land-2", catalogueNumber: "L2", title: "Summer Landscape", sectionId: other.id, position: 1, category: "painting" },
        ],
      });
      const index = indexArtworks(await readPublishedArtworks());
      const landscapes = index.sections.filter((section) => section.slug === "landscapes");
      // Each exhibition's sections together, the current one's first, though the Summer Show's section comes first by position.
      expect(landscapes).toEqual([
        { key: "norman-neasom-exhibition/landscapes", slug: "landscapes", title: "Landscapes (Norman Neasom Exhibition)" },
        { key: "summer-show/landscapes", slug: "landscapes", title: "Landscapes (Summer Show)" },
      ]);
      expect(index.sections.at(-1)?.key).toBe("summer-show/landscapes");
      expect(index.sections.findIndex((section) => section.key === "norman-neasom-exhibition/landscapes")).toBe(index.sections.length - 2);
      // A title no other section shares is shown alone.
      expect(index.sections.find((section) => section.slug === "wars-and-conflicts")?.title).toBe("Wars and Conflicts");
      const slugsOf = (section: string) => findIndexedArtworks(index, { sort: "number", section }).map((work) => work.slug);
      expect(slugsOf("summer-show/landscapes")).toEqual(["land-2"]);
      expect(slugsOf("norman-neasom-exhibition/landscapes")).toEqual(["land-1"]);
      expect(slugsOf("landscapes")).toEqual(["land-1", "land-2"]);
      expect(slugsOf("no-such-show/landscapes")).toEqual([]);
      // The form shows the section an address names: a bare slug picks it only when one section has that slug.
      expect(chosenSection(index.sections, "wars-and-conflicts")).toBe("norman-neasom-exhibition/wars-and-conflicts");
      expect(chosenSection(index.sections, "summer-show/landscapes")).toBe("summer-show/landscapes");
      expect(chosenSection(index.sections, "landscapes")).toBeUndefined();
    } finally {
      await db.artwork.deleteMany({ where: { slug: { in: ["land-1", "land-2"] } } });
      await db.section.deleteMany({ where: { slug: "landscapes" } });
      await db.exhibition.delete({ where: { id: summer.id } });
    }
  });
});

describe("All works' address", () => {
  it("takes a section as exhibition and section slug, or a bare slug, and drops anything else", () => {
    const sectionOf = (section: string | string[]) => parseArtworkFilters({ section }).section;
    expect(sectionOf("summer-show/landscapes")).toBe("summer-show/landscapes");
    expect(sectionOf("wars-and-conflicts")).toBe("wars-and-conflicts");
    expect(sectionOf(["summer-show/landscapes", "other"])).toBe("summer-show/landscapes");
    for (const nonsense of ["a/b/c", "../etc", "/landscapes", "summer-show/", "Summer Show", "<script>"])
      expect(sectionOf(nonsense)).toBeUndefined();
  });
});

describe("public addresses", () => {
  it("list every published work and only the sections that have one", async () => {
    const { listPublicAddresses } = await import("@/lib/data/catalogue");
    const addresses = await listPublicAddresses();
    expect(addresses.sections.map((section) => section.sectionSlug)).not.toContain("romantic-encounters");
    expect(addresses.sections).toHaveLength(6);
    expect(addresses.artworks.map((work) => work.slug)).toContain("93x-harvest-supper");
  });
});
