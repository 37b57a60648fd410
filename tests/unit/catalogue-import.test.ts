import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { IMPORT_MAX_ROWS, readCatalogueCsv } from "@/lib/catalogue/import/read-rows";
import { commandLineImportActor, forgetStaleStagedImports, importCatalogue, STAGED_IMPORT_KEPT_HOURS } from "@/lib/data/catalogue-import";
import { db } from "@/lib/db";
import { seedCatalogue } from "@/prisma/seed";

const exportCsv = readFileSync("tests/fixtures/neasom-gallery-export.csv", "utf8");
const brokenCsv = readFileSync("tests/fixtures/neasom-export-with-broken-rows.csv", "utf8");
const cli = commandLineImportActor();

beforeAll(async () => {
  await seedCatalogue();
});

describe("reading a gallery's spreadsheet", () => {
  it("matches headers loosely and reports the columns it ignores", () => {
    const read = readCatalogueCsv(exportCsv);
    expect(read.fileError).toBeNull();
    expect(read.columns).toMatchObject({ catalogueNumber: "Cat No.", category: "Filed under", signature: "Signed", technique: "Medium" });
    expect(read.ignoredColumns).toEqual(["Web ID"]);
    expect(read.rows.every((row) => row.ok)).toBe(true);
  });

  it("reads sizes with framed lines, prices and statuses as galleries write them", () => {
    const read = readCatalogueCsv(
      [
        "CAT NO,Work Title,Series,Type,Media,Dimensions,Framed Size,Asking Price,Availability",
        '65c,Study,Characters,Drawings,Pencil,"Image Size: 420mm x 300mm - Framed: 710mm x 565mm",,£875.00,',
        '65c,Another Study,Characters,,Ink drawing,9.5 x 7ins,,"Suggested Offer: £3,750",SOLD',
        "12,Gone,Characters,Paintings,Oil,10 x 8 in,14 x 12 in,POA,This work is in a private collection",
      ].join("\n"),
    );
    const works = read.rows.map((row) => (row.ok ? row.work : null));
    expect(works[0]).toMatchObject({
      catalogueNumber: "65c",
      category: "drawing",
      price: { amountMinor: 87500, currency: "GBP" },
      availability: "available",
    });
    expect(works[0]?.dimensions.map((dimension) => dimension.kind)).toEqual(["image", "framed"]);
    expect(works[1]).toMatchObject({ category: "drawing", price: { amountMinor: 375000 }, availability: "sold" });
    expect(works[2]).toMatchObject({
      price: null,
      availability: "private_collection",
      dimensions: [
        { kind: "image", unit: "in" },
        { kind: "framed", height: 14, width: 12, unit: "in" },
      ],
    });
  });

  it("names each row it cannot read, with the reason", () => {
    const read = readCatalogueCsv(brokenCsv);
    const failures = read.rows.filter((row) => !row.ok).map((row) => (row.ok ? null : [row.line, row.reasons.join("; ")]));
    expect(failures).toEqual([
      [5, 'Cannot read the size "about A4": no measurement such as 15ins x 22ins was found'],
      [6, 'Cannot read the price "ask us": expected an amount such as £875.00'],
      [7, "no title"],
      [8, "the status “on loan to a museum?” is not one of available, reserved, sold or in a private collection"],
      [10, "the year “nineteen ninety-three” is not a four-digit year"],
    ]);
  });

  it("refuses a file without the columns it needs, saying which", () => {
    expect(readCatalogueCsv("Name,Colour\nA,red").fileError).toMatch(/no catalogue number .* size column/);
    expect(readCatalogueCsv("").fileError).toBe("The file is empty.");
  });
});

describe("importing into the database", () => {
  it("finds the gallery's own export unchanged against the seeded catalogue", async () => {
    const report = await importCatalogue(exportCsv, {}, { apply: false }, cli);
    expect(report.counts).toEqual({ create: 0, update: 0, unchanged: 9, errors: 0 });
  });

  it("dry run writes nothing; apply creates a new exhibition's works; a second import changes nothing", async () => {
    const before = await db.artwork.count();
    const dryRun = await importCatalogue(exportCsv, { newExhibitionTitle: "Works on Paper" }, { apply: false }, cli);
    expect(dryRun.counts).toEqual({ create: 9, update: 0, unchanged: 0, errors: 0 });
    expect(dryRun.exhibition).toMatchObject({ slug: "works-on-paper", isNew: true });
    expect(await db.artwork.count()).toBe(before);
    expect(await db.exhibition.count({ where: { slug: "works-on-paper" } })).toBe(0);

    const applied = await importCatalogue(exportCsv, { newExhibitionTitle: "Works on Paper" }, { apply: true }, cli);
    expect(applied.applied).toBe(true);
    expect(await db.artwork.count()).toBe(before + 9);
    expect(applied.rows.find((row) => row.label === "42 Second Retreat from Russia")?.slug).toBe("42-second-retreat-from-russia-2");
    const skyscrapers = await db.artwork.findFirstOrThrow({
      where: { slug: "58-skyscrapers-2" },
      include: { dimensions: true, section: true },
    });
    expect(skyscrapers).toMatchObject({
      availability: "private_collection",
      category: "painting",
      year: 1958,
      section: { title: "Neasom. N (Watercolours)" },
    });
    expect(skyscrapers.dimensions.map(({ kind, height, width, unit }) => [kind, height, width, unit])).toEqual([
      ["image", 370, 545, "mm"],
      ["framed", 620, 780, "mm"],
    ]);

    const again = await importCatalogue(exportCsv, { newExhibitionTitle: "Works on Paper" }, { apply: true }, cli);
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 9, errors: 0 });
    expect(await db.artwork.count()).toBe(before + 9);
  });

  it("updates only what changed, and leaves fields the file doesn't carry alone", async () => {
    const work = await db.artwork.findUniqueOrThrow({ where: { slug: "69-gossips-2" } });
    await db.artwork.update({ where: { id: work.id }, data: { description: "Written by staff after the import." } });
    const changed = exportCsv.replace("Image Area: 16ins x 20ins,,POA,,BFA-1006", "Image Area: 16ins x 20ins,,£1200,Sold,BFA-1006");
    const report = await importCatalogue(changed, { exhibitionSlug: "works-on-paper" }, { apply: true }, cli);
    expect(report.counts).toMatchObject({ update: 1, unchanged: 8 });
    expect(report.rows.find((row) => row.action === "update")).toMatchObject({ label: "69 Gossips", changes: ["price", "status"] });
    expect(await db.artwork.findUniqueOrThrow({ where: { id: work.id } })).toMatchObject({
      availability: "sold",
      priceMinor: 120000,
      description: "Written by staff after the import.",
    });
  });

  it("imports the readable rows of a broken file and nothing of the others", async () => {
    const before = await db.artwork.count();
    const report = await importCatalogue(brokenCsv, { newExhibitionTitle: "Broken Rows" }, { apply: true }, cli);
    expect(report.counts).toEqual({ create: 3, update: 0, unchanged: 0, errors: 6 });
    expect(await db.artwork.count()).toBe(before + 3);
    const imported = await db.artwork.findMany({ where: { section: { exhibition: { slug: "broken-rows" } } }, select: { title: true } });
    expect(imported.map((work) => work.title).sort()).toEqual(["Second Retreat from Russia", "Skyscrapers", "Undertones of War"]);
  });

  it("reads a file of 20,000 rows, matching each to the catalogue by number and title, and refuses one row more", async () => {
    const header = "Cat No,Title,Section,Medium,Size";
    const rows = Array.from({ length: IMPORT_MAX_ROWS }, (_, index) => `${index + 1}a,Study ${index + 1},Studies,Pencil,Image 10 x 12 in`);
    // The seeded work 42 is among them, as is a row repeating an earlier one (found by key, not by scanning).
    rows[IMPORT_MAX_ROWS - 2] = '42,Second Retreat from Russia,Wars and Conflicts,Drawing,"Image Area: 15ins x 22ins"';
    rows[IMPORT_MAX_ROWS - 1] = "7A,study 7,Studies,Pencil,Image 10 x 12 in";
    const report = await importCatalogue(
      [header, ...rows].join("\n"),
      { exhibitionSlug: "norman-neasom-exhibition" },
      { apply: false },
      cli,
    );
    expect(report.fileError).toBeNull();
    expect(report.counts.create).toBe(IMPORT_MAX_ROWS - 2);
    expect(report.counts.create + report.counts.update + report.counts.unchanged).toBe(IMPORT_MAX_ROWS - 1);
    expect(report.rows.find((row) => row.label === "42 Second Retreat from Russia")?.action).not.toBe("create");
    expect(report.errors).toEqual([{ line: IMPORT_MAX_ROWS + 1, label: "7A study 7", reasons: ["the same work is on line 8 already"] }]);

    const tooLong = await importCatalogue(
      [header, ...rows, "20001b,One too many,Studies,Pencil,Image 10 x 12 in"].join("\n"),
      { exhibitionSlug: "norman-neasom-exhibition" },
      { apply: false },
      cli,
    );
    expect(tooLong.fileError).toBe("The file has more than 20,000 rows; import it in parts of at most that many.");
    expect(tooLong.rows).toEqual([]);
  });

  it("forgets a spreadsheet read for a dry run once it has been kept a day, and keeps a younger one", async () => {
    const staff = await db.user.create({ data: { id: "staged-import-staff", name: "Importer", email: "importer@gallery.test" } });
    const now = new Date();
    const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
    await db.stagedImport.createMany({
      data: [
        { id: "old-staged-file", createdAt: hoursAgo(STAGED_IMPORT_KEPT_HOURS + 1) },
        { id: "young-staged-file", createdAt: hoursAgo(STAGED_IMPORT_KEPT_HOURS - 1) },
      ].map((row) => ({
        ...row,
        fileName: "catalogue.csv",
        content: new Uint8Array([65]),
        target: "",
        newExhibitionTitle: "",
        stagedById: staff.id,
      })),
    });
    expect(await forgetStaleStagedImports(now)).toBe(1);
    expect((await db.stagedImport.findMany({ select: { id: true } })).map((row) => row.id)).toEqual(["young-staged-file"]);
  });
});
