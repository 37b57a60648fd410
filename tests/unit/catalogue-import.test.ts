import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { utils, write } from "@e965/xlsx";
import { IMPORT_MAX_ROWS, readCatalogueCsv } from "@/lib/catalogue/import/read-rows";
import { readCatalogueFile } from "@/lib/archives/read-catalogue-file";
import { commandLineImportActor, forgetStaleStagedImports, importCatalogue, STAGED_IMPORT_KEPT_HOURS } from "@/lib/data/catalogue-import";
import { db } from "@/lib/db/client";
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

  it("names each row it cannot read, with the reason; a size or price it cannot read is kept as written, never a reason to lose the row", () => {
    const read = readCatalogueCsv(brokenCsv);
    const failures = read.rows.filter((row) => !row.ok).map((row) => (row.ok ? null : [row.line, row.reasons.join("; ")]));
    expect(failures).toEqual([
      [7, "no title"],
      [8, "the status “on loan to a museum?” is not one of available, reserved, sold or in a private collection"],
      [10, "the year “nineteen ninety-three” is not a four-digit year"],
    ]);
    const kept = read.rows.filter((row) => row.ok && row.work.notes.length > 0).map((row) => (row.ok ? [row.line, row.work] : null));
    expect(kept).toMatchObject([
      [
        5,
        {
          sizeAsWritten: "about A4 - Framed: 505mm x 405mm",
          dimensions: [],
          notes: [expect.stringMatching(/^size kept as written, not read/)],
        },
      ],
      [6, { price: null, priceAsWritten: "ask us", notes: ["price kept as written beside what was read: “ask us”"] }],
    ]);
  });

  it("takes a status written in the price cell when the status cell is empty", () => {
    const read = readCatalogueCsv(["Title,Price,Status", "Gone Already,Sold,", "Still Here,£875,", "Said Twice,Sold,Reserved"].join("\n"));
    expect(read.rows.map((row) => (row.ok ? [row.work.availability, row.work.price?.amountMinor ?? null] : row.reasons))).toEqual([
      ["sold", null],
      ["available", 87500],
      ["reserved", null],
    ]);
  });

  it("refuses a file without a title column, saying what it found", () => {
    expect(readCatalogueCsv("Colour,Size\nred,10 x 12 in").fileError).toBe("The file has no title column. Found: Colour, Size.");
    expect(readCatalogueCsv("").fileError).toBe("The file is empty.");
  });

  it("reads a row with nothing but a title: no number, section, size or price is needed", () => {
    const read = readCatalogueCsv(["Title,Cat No,Section,Size", "Orchard Study,,,", "Mill at Evesham,12,,"].join("\n"));
    expect(read.fileError).toBeNull();
    const works = read.rows.map((row) => (row.ok ? row.work : row.reasons));
    expect(works[0]).toMatchObject({
      catalogueNumber: "",
      title: "Orchard Study",
      section: "Other works",
      dimensions: [],
      sizeAsWritten: null,
      price: null,
      year: null,
    });
    expect(works[1]).toMatchObject({ catalogueNumber: "12", title: "Mill at Evesham" });
    expect(readCatalogueCsv("Title\nJust a Title").rows[0]).toMatchObject({ ok: true, work: { title: "Just a Title" } });
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
    expect(report.counts).toEqual({ create: 5, update: 0, unchanged: 0, errors: 4 });
    expect(await db.artwork.count()).toBe(before + 5);
    const imported = await db.artwork.findMany({
      where: { section: { exhibition: { slug: "broken-rows" } } },
      select: { title: true, sizeAsWritten: true, priceAsWritten: true, priceMinor: true, dimensions: true },
      orderBy: { title: "asc" },
    });
    expect(imported.map((work) => work.title)).toEqual([
      "Comments on Life",
      "Second Retreat from Russia",
      "Skyscrapers",
      "The Taxman",
      "Undertones of War",
    ]);
    // Kept as written, not turned into a number: the size line shown as the gallery wrote it, the price words beside no price.
    expect(imported[3]).toMatchObject({ sizeAsWritten: "about A4 - Framed: 505mm x 405mm", dimensions: [] });
    expect(imported[0]).toMatchObject({ priceAsWritten: "ask us", priceMinor: null });
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

  it("imports works without numbers, slugs them from their titles, and matches them again by title and section", async () => {
    const csv = [
      "Title,Section,Medium,Size",
      "Orchard Study,Studies Without Numbers,Pencil,Image 8 3/4 x 11 in",
      "Orchard Study,Other Studies,Pencil,",
      "Orchard Study,Studies Without Numbers,Pencil,Image 8 3/4 x 11 in",
    ].join("\n");
    const first = await importCatalogue(csv, { newExhibitionTitle: "Unnumbered" }, { apply: true }, cli);
    expect(first.counts).toEqual({ create: 2, update: 0, unchanged: 0, errors: 1 });
    expect(first.errors).toEqual([{ line: 4, label: "Orchard Study", reasons: ["the same work is on line 2 already"] }]);
    expect(first.rows.map((row) => [row.label, row.slug])).toEqual([
      ["Orchard Study", "orchard-study"],
      ["Orchard Study", "orchard-study-2"],
    ]);
    const stored = await db.artwork.findMany({
      where: { section: { exhibition: { slug: "unnumbered" } } },
      select: { catalogueNumber: true, sizeAsWritten: true, section: { select: { title: true } } },
      orderBy: { slug: "asc" },
    });
    expect(stored).toEqual([
      { catalogueNumber: "", sizeAsWritten: "Image 8 3/4 x 11 in", section: { title: "Studies Without Numbers" } },
      { catalogueNumber: "", sizeAsWritten: null, section: { title: "Other Studies" } },
    ]);
    const again = await importCatalogue(csv, { exhibitionSlug: "unnumbered" }, { apply: false }, cli);
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 2, errors: 1 });
  });
});

describe("an Order column", () => {
  it("places works in their section as the gallery orders them, numbered or not, and a changed order is an update", async () => {
    const csv = (first: number, second: number) =>
      ["Cat No,Title,Section,Order", `5,Numbered Later,Ordered Section,${first}`, `,Unnumbered First,Ordered Section,${second}`].join("\n");
    await importCatalogue(csv(2, 1), { newExhibitionTitle: "Ordered" }, { apply: true }, cli);
    const order = async () =>
      (
        await db.artwork.findMany({
          where: { section: { exhibition: { slug: "ordered" } } },
          orderBy: { position: "asc" },
          select: { title: true },
        })
      ).map((work) => work.title);
    expect(await order()).toEqual(["Unnumbered First", "Numbered Later"]);
    const changed = await importCatalogue(csv(1, 2), { exhibitionSlug: "ordered" }, { apply: true }, cli);
    expect(changed.rows.map((row) => [row.label, row.action, row.changes])).toEqual([
      ["5 Numbered Later", "update", ["order"]],
      ["Unnumbered First", "update", ["order"]],
    ]);
    expect(await order()).toEqual(["Numbered Later", "Unnumbered First"]);
    expect(readCatalogueCsv("Title,Order\nA,first").rows[0]).toMatchObject({
      ok: false,
      reasons: ["the order “first” is not a whole number"],
    });
  });
});

describe("where an import goes", () => {
  it("says so when the exhibition it is pointed at does not exist, and imports nothing", async () => {
    const report = await importCatalogue("Title\nA Study", { exhibitionSlug: "no-such-exhibition" }, { apply: true }, cli);
    expect(report.fileError).toBe("There is no exhibition at /exhibitions/no-such-exhibition: check its address, or name a new one.");
    expect(await db.artwork.count({ where: { title: "A Study" } })).toBe(0);
  });
});

describe("sections from the file", () => {
  it("finds an unnumbered work by its title alone when the file has no Section column, and leaves it in its section", async () => {
    await importCatalogue("Title,Section\nLone Study,Quiet Room", { newExhibitionTitle: "No Section Column" }, { apply: true }, cli);
    const update = await importCatalogue("Title,Year\nLone Study,1950", { exhibitionSlug: "no-section-column" }, { apply: true }, cli);
    expect(update.rows.map((row) => [row.label, row.action, row.changes])).toEqual([["Lone Study", "update", ["year"]]]);
    const sections = await db.section.findMany({ where: { exhibition: { slug: "no-section-column" } }, select: { title: true } });
    expect(sections.map((section) => section.title)).toEqual(["Quiet Room"]);
    const work = await db.artwork.findFirstOrThrow({ where: { title: "Lone Study" }, include: { section: true } });
    expect([work.year, work.section.title]).toEqual([1950, "Quiet Room"]);
  });

  it("are made in the order the file names them, whatever order their works are written in", async () => {
    const csv = ["Cat No,Title,Section", ",An Unnumbered Opening,First Section", "9,A Numbered Close,Second Section"].join("\n");
    await importCatalogue(csv, { newExhibitionTitle: "Sections in File Order" }, { apply: true }, cli);
    const sections = await db.section.findMany({
      where: { exhibition: { slug: "sections-in-file-order" } },
      orderBy: { position: "asc" },
      select: { title: true },
    });
    expect(sections.map((section) => section.title)).toEqual(["First Section", "Second Section"]);
  });
});

describe("a file that names its exhibitions", () => {
  it("imports into several exhibitions at once, making the ones that do not exist, and rows without one go where the import was pointed", async () => {
    const csv = [
      "Exhibition,Cat No,Title,Section,Size",
      "Norman Neasom Exhibition,42,Second Retreat from Russia,Wars and Conflicts,Image area 15ins x 22ins",
      "Summer Drawings,1,Harvest Evening,Fields,Image 9 x 12 in",
      "Summer Drawings,2,Haymaking,Fields,Image 9 x 12 in",
      ",3,A Pointed Study,Odds,Image 5 x 7 in",
    ].join("\n");
    const dryRun = await importCatalogue(csv, { newExhibitionTitle: "Pointed Here" }, { apply: false }, cli);
    expect(dryRun.exhibitions).toEqual([
      { title: "Norman Neasom Exhibition", slug: "norman-neasom-exhibition", isNew: false },
      { title: "Summer Drawings", slug: "summer-drawings", isNew: true },
      { title: "Pointed Here", slug: "pointed-here", isNew: true },
    ]);
    expect(dryRun.counts).toEqual({ create: 3, update: 0, unchanged: 1, errors: 0 });
    expect(dryRun.newSections).toEqual(["Fields (Summer Drawings)", "Odds (Pointed Here)"]);

    const applied = await importCatalogue(csv, { newExhibitionTitle: "Pointed Here" }, { apply: true }, cli);
    expect(applied.fileError).toBeNull();
    const placed = await db.artwork.findMany({
      where: { title: { in: ["Harvest Evening", "Haymaking", "A Pointed Study"] } },
      select: { title: true, section: { select: { title: true, exhibition: { select: { slug: true } } } } },
      orderBy: { title: "asc" },
    });
    expect(placed.map((work) => [work.title, work.section.exhibition.slug, work.section.title])).toEqual([
      ["A Pointed Study", "pointed-here", "Odds"],
      ["Harvest Evening", "summer-drawings", "Fields"],
      ["Haymaking", "summer-drawings", "Fields"],
    ]);
    expect((await importCatalogue(csv, { newExhibitionTitle: "Pointed Here" }, { apply: false }, cli)).counts).toMatchObject({
      create: 0,
      unchanged: 4,
    });
  });
});

describe("Excel and LibreOffice files", () => {
  /** A workbook as a gallery keeps one: prices typed as numbers with a currency format, a date typed as a date, a second sheet. */
  function workbook(bookType: "xlsx" | "ods"): Uint8Array {
    const catalogue = utils.aoa_to_sheet([
      ["Cat No", "Title", "Section", "Medium", "Size", "Price", "Acquired"],
      [
        71,
        "Plough Team at Inkberrow",
        "Worcestershire and Warwickshire",
        "Pencil",
        "Image 8 3/4 x 11 in",
        875,
        new Date(Date.UTC(1952, 2, 12)),
      ],
      ["71a", "Plough Team, a Study", "Worcestershire and Warwickshire", "Pencil", "Sight: 6.25 x 8 in", "POA", ""],
    ]);
    catalogue["F2"]!.z = '"£"#,##0';
    catalogue["G2"]!.z = "dd/mm/yyyy";
    const book = utils.book_new();
    utils.book_append_sheet(book, catalogue, "Catalogue");
    utils.book_append_sheet(
      book,
      utils.aoa_to_sheet([
        ["Title", "Section"],
        ["Only on the second sheet", "Elsewhere"],
      ]),
      "Archive",
    );
    return new Uint8Array(write(book, { type: "array", bookType, cellDates: true }) as ArrayBuffer);
  }

  it.each(["xlsx", "ods"] as const)("reads a .%s file as it reads a CSV: first sheet, cells as the gallery sees them", async (bookType) => {
    const read = await readCatalogueFile({ fileName: `catalogue.${bookType}`, bytes: workbook(bookType) });
    expect(read.fileError).toBeNull();
    expect(read.ignoredColumns).toEqual(["Acquired"]);
    const works = read.rows.map((row) => (row.ok ? row.work : row.reasons));
    expect(works[0]).toMatchObject({
      catalogueNumber: "71",
      title: "Plough Team at Inkberrow",
      price: { amountMinor: 87500, currency: "GBP" },
      dimensions: [{ kind: "image", height: 8.75, width: 11, unit: "in" }],
    });
    expect(works[1]).toMatchObject({ catalogueNumber: "71a", price: null, dimensions: [{ kind: "sight", height: 6.25, width: 8 }] });
    expect(read.rows).toHaveLength(2);

    const archive = await readCatalogueFile({ fileName: `catalogue.${bookType}`, bytes: workbook(bookType), sheet: "Archive" });
    expect(archive.rows.map((row) => (row.ok ? row.work.title : null))).toEqual(["Only on the second sheet"]);
    expect((await readCatalogueFile({ fileName: `catalogue.${bookType}`, bytes: workbook(bookType), sheet: "Nope" })).fileError).toBe(
      "The spreadsheet has no sheet named “Nope”. Its sheets: Catalogue, Archive.",
    );
  });

  it("reads a CSV saved by Excel on Windows (Windows-1252, where £ is one byte) as well as UTF-8", async () => {
    const windows = new Uint8Array([...new TextEncoder().encode("Title,Price\nA Study,"), 0xa3, ...new TextEncoder().encode("875\n")]);
    const read = await readCatalogueFile({ fileName: "catalogue.csv", bytes: windows });
    expect(read.rows[0]).toMatchObject({ ok: true, work: { price: { amountMinor: 87500, currency: "GBP" }, priceAsWritten: null } });
    const utf8 = await readCatalogueFile({ fileName: "catalogue.csv", bytes: new TextEncoder().encode("Title,Price\nZoë’s Study,£875\n") });
    expect(utf8.rows[0]).toMatchObject({ ok: true, work: { title: "Zoë’s Study", price: { amountMinor: 87500 } } });
  });

  it("shows a date typed into Excel as Excel shows it, not as a serial number", async () => {
    const sheet = utils.aoa_to_sheet(
      [
        ["Title", "Description"],
        ["Dated Study", new Date(Date.UTC(1952, 2, 12))],
      ],
      { cellDates: true },
    );
    sheet["B2"]!.z = "dd/mm/yyyy";
    const book = utils.book_new();
    utils.book_append_sheet(book, sheet, "Sheet1");
    const bytes = new Uint8Array(write(book, { type: "array", bookType: "xlsx", cellDates: true }) as ArrayBuffer);
    const read = await readCatalogueFile({ fileName: "dated.xlsx", bytes });
    expect(read.rows[0]).toMatchObject({ ok: true, work: { description: "12/03/1952" } });
  });

  it("says so when a file is neither a readable spreadsheet nor text", async () => {
    const broken = await readCatalogueFile({ fileName: "catalogue.xlsx", bytes: new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0]) });
    expect(broken.fileError).toMatch(/^The file is not readable as a spreadsheet/);
  });
});
