import { describe, expect, it } from "vitest";
import { planImport, type CatalogueAsFound, type ExistingWork, type FoundExhibition } from "@/lib/catalogue/import/plan-import";
import { readCatalogueCsv } from "@/lib/catalogue/import/read-rows";

// The import's plan needs no database: the catalogue as found is plain values here.
function work(overrides: Partial<ExistingWork> & Pick<ExistingWork, "catalogueNumber" | "title">): ExistingWork {
  return {
    id: `id-${overrides.catalogueNumber}-${overrides.title}`,
    slug: `${overrides.catalogueNumber}-${overrides.title}`.toLowerCase().replace(/\W+/g, "-"),
    sectionId: "section-wars",
    position: 0,
    category: "drawing",
    technique: null,
    signature: null,
    year: null,
    description: "",
    curatorNote: null,
    availability: "available",
    priceMinor: null,
    currency: null,
    priceAsWritten: null,
    sizeAsWritten: null,
    dimensions: [],
    section: { title: "Wars and Conflicts" },
    ...overrides,
  };
}

const neasom: FoundExhibition = {
  id: "exhibition-neasom",
  title: "Norman Neasom Exhibition",
  slug: "norman-neasom",
  sectionTitles: ["Wars and Conflicts"],
  works: [
    work({ catalogueNumber: "42", title: "Second Retreat from Russia", category: "drawing" }),
    work({ catalogueNumber: "93x", title: "The Pheasant Shoot", category: "painting", year: 1961 }),
  ],
};
const pointedAtNeasom: CatalogueAsFound = {
  target: { slug: neasom.slug, title: neasom.title, isNew: false, found: neasom },
  named: new Map(),
};

describe("an import's plan, made without the database", () => {
  it("matches works by catalogue number and title, says what would change, and which sections are new", () => {
    const read = readCatalogueCsv(
      [
        "Cat No.,Title,Section,Filed under,Year",
        "42,Second Retreat from Russia,Wars and Conflicts,Drawings,",
        "93x,The Pheasant Shoot,Wars and Conflicts,Paintings,1962",
        "93x,A Different Work,Country Life,Drawings,1950",
      ].join("\n"),
    );
    const { report, rows } = planImport(read, pointedAtNeasom);
    expect(report.fileError).toBeNull();
    expect(rows.map((row) => [row.line, row.action, row.changes])).toEqual([
      [2, "unchanged", []],
      [3, "update", ["year"]],
      [4, "create", []],
    ]);
    expect(report.counts).toEqual({ create: 1, update: 1, unchanged: 1, errors: 0 });
    expect(report.newSections).toEqual(["Country Life"]);
    expect(report.exhibition).toEqual({ title: "Norman Neasom Exhibition", slug: "norman-neasom", isNew: false });
  });

  it("sends rows with an Exhibition cell to that exhibition, new or found, and reports twice-listed works", () => {
    const read = readCatalogueCsv(
      [
        "Cat No.,Title,Section,Exhibition",
        "1,Harvest,Country Life,Summer Show 2027",
        "1,Harvest,Country Life,Summer Show 2027",
        "42,Second Retreat from Russia,Wars and Conflicts,Norman Neasom",
      ].join("\n"),
    );
    const catalogue: CatalogueAsFound = {
      target: null,
      named: new Map([
        ["summer-show-2027", null],
        ["norman-neasom", neasom],
      ]),
    };
    const { report, rows } = planImport(read, catalogue);
    expect(report.exhibitions).toEqual([
      { title: "Summer Show 2027", slug: "summer-show-2027", isNew: true },
      { title: "Norman Neasom Exhibition", slug: "norman-neasom", isNew: false },
    ]);
    expect(rows.map((row) => [row.line, row.action, row.plan.slug])).toEqual([
      [2, "create", "summer-show-2027"],
      [4, "unchanged", "norman-neasom"],
    ]);
    expect(report.errors).toEqual([{ line: 3, label: "1 Harvest", reasons: ["the same work is on line 2 already"] }]);
  });

  it("with nowhere to go, says so instead of planning", () => {
    const read = readCatalogueCsv("Title\nHarvest");
    const { report } = planImport(read, { target: null, named: new Map() });
    expect(report.errors).toEqual([
      { line: 2, label: "Harvest", reasons: ["no exhibition to import into: give the row an Exhibition, or name one for the import"] },
    ]);
  });

  it("matches photographs offered with the file to the rows by their names", () => {
    const read = readCatalogueCsv("Cat No.,Title,Section\n42,Second Retreat from Russia,Wars and Conflicts");
    const { report } = planImport(read, pointedAtNeasom, ["42.jpg", "42-2.jpg", "holiday.jpg"]);
    expect(report.photographs?.matched).toEqual([{ line: 2, label: "42 Second Retreat from Russia", files: ["42.jpg", "42-2.jpg"] }]);
    expect(report.photographs?.unmatched.map((entry) => entry.file)).toEqual(["holiday.jpg"]);
  });
});
