/**
 * Reads a gallery's spreadsheet (CSV) as galleries keep them: header names matched loosely,
 * unknown columns ignored and reported, each row checked on its own. Pure: no database.
 */
import { parse } from "csv-parse/sync";
import { readGalleryPrice, type Price } from "@/lib/catalogue/prices";
import { parseSizeLine, parseSizeLines, SizeParseError, type ParsedDimension } from "@/lib/catalogue/sizes";
import { availabilityFromGalleryText, categoryFromGalleryWord, type Availability, type Category } from "@/lib/catalogue/vocabulary";

/** The largest spreadsheet read at once (staff upload and command line alike). */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
/** The most works one file may hold; a larger catalogue is imported in parts. */
export const IMPORT_MAX_ROWS = 20_000;

export const IMPORT_FIELDS = [
  "catalogueNumber",
  "title",
  "section",
  "category",
  "technique",
  "signature",
  "year",
  "size",
  "framed",
  "price",
  "status",
  "description",
  "curatorNote",
  "exhibition",
  "image",
  "order",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

const HEADER_ALIASES: Record<ImportField, string[]> = {
  catalogueNumber: [
    "catno",
    "catalogueno",
    "cataloguenumber",
    "catalognumber",
    "catnumber",
    "number",
    "no",
    "lot",
    "lotno",
    "ref",
    "reference",
  ],
  title: ["title", "titleofwork", "worktitle", "name"],
  section: ["section", "series", "group", "room", "gallerysection"],
  category: ["category", "type", "filedunder", "worktype"],
  technique: ["medium", "technique", "media", "materials"],
  signature: ["signed", "signature", "signedanddated", "inscription", "inscribed"],
  year: ["year", "date", "dated", "yearmade"],
  size: ["size", "sizes", "dimensions", "imagesize", "imagearea", "measurements"],
  framed: ["framed", "framedsize", "framesize", "framedsizes"],
  price: ["price", "pricegbp", "askingprice", "suggestedoffer", "value"],
  status: ["status", "availability", "available", "sold"],
  description: ["description", "text", "about", "notes", "longtext"],
  curatorNote: ["curatorsnote", "curatornote", "curatorcomment", "comment", "comments", "note"],
  exhibition: ["exhibition", "exhibitiontitle", "show", "onlineexhibition"],
  image: ["image", "images", "photo", "photos", "photograph", "photographs", "imagefile", "photofile", "picture"],
  order: ["order", "position", "sortorder", "sequence", "displayorder", "hangingorder"],
};

function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]/g, "");
}

/** Where a work goes when its row names no section. */
export const UNSECTIONED = "Other works";

export type ImportedWork = {
  /** As written; empty when the gallery gave none. */
  catalogueNumber: string;
  title: string;
  section: string;
  /** The exhibition the row names; null to go where the import was pointed. */
  exhibition: string | null;
  category: Category;
  technique: string | null;
  signature: string | null;
  year: number | null;
  sizeAsWritten: string | null;
  dimensions: ParsedDimension[];
  price: Price | null;
  /** The price cell as written, kept where its words say more than the price and status read from them. */
  priceAsWritten: string | null;
  /** As the status column (or a status written in the price column) says; null where the file says nothing. */
  availability: Availability | null;
  description: string;
  curatorNote: string | null;
  /** What was kept as written rather than read, for staff to check (the row is imported all the same). */
  notes: string[];
  /** Photograph files the row's Image/Photo column names. */
  images: string[];
  /** Its place in its section, where an Order column gives one (lower first). */
  order: number | null;
};

export type RowResult = { line: number; ok: true; work: ImportedWork } | { line: number; ok: false; label: string; reasons: string[] };

export type ReadResult = {
  columns: Partial<Record<ImportField, string>>;
  ignoredColumns: string[];
  rows: RowResult[];
  /** A problem with the whole file (no header, no title column): nothing can be imported. */
  fileError: string | null;
};

function categoryFromMedium(medium: string | null): Category | undefined {
  if (!medium) return undefined;
  const text = medium.toLowerCase();
  if (/drawing|ink|pencil|pen |charcoal|chalk/.test(text)) return "drawing";
  if (/watercolou?r|oil|acrylic|gouache|tempera|paint/.test(text)) return "painting";
  if (/etching|lithograph|print|engraving|woodcut/.test(text)) return "print";
  return undefined;
}

export function readCatalogueCsv(text: string, defaultSection?: string): ReadResult {
  let records: string[][];
  try {
    // One record past the cap is enough to know the file is too long: the rest is never parsed.
    records = parse(text.replace(/^\uFEFF/, ""), {
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
      to: IMPORT_MAX_ROWS + 2,
    });
  } catch (error) {
    return { columns: {}, ignoredColumns: [], rows: [], fileError: `The file is not readable as CSV: ${(error as Error).message}` };
  }
  return readCatalogueRecords(records, defaultSection);
}

/**
 * The rows of a spreadsheet, whatever file they came from (CSV, Excel, LibreOffice), as text cells:
 * the first row names the columns.
 */
export function readCatalogueRecords(records: string[][], defaultSection?: string): ReadResult {
  const [header, ...body] = records;
  if (!header || header.length === 0) return { columns: {}, ignoredColumns: [], rows: [], fileError: "The file is empty." };
  if (body.length > IMPORT_MAX_ROWS) {
    return {
      columns: {},
      ignoredColumns: [],
      rows: [],
      fileError: `The file has more than ${IMPORT_MAX_ROWS.toLocaleString("en-GB")} rows; import it in parts of at most that many.`,
    };
  }

  const columnIndex: Partial<Record<ImportField, number>> = {};
  const columns: Partial<Record<ImportField, string>> = {};
  const ignoredColumns: string[] = [];
  header.forEach((name, index) => {
    const key = normaliseHeader(name);
    const field = IMPORT_FIELDS.find((candidate) => HEADER_ALIASES[candidate].includes(key));
    if (field && columnIndex[field] === undefined) {
      columnIndex[field] = index;
      columns[field] = name;
    } else if (name.trim() !== "") {
      ignoredColumns.push(name);
    }
  });
  // A title is all a work needs: every other column is optional, per file and per row.
  if (columnIndex.title === undefined) {
    return { columns, ignoredColumns, rows: [], fileError: `The file has no title column. Found: ${header.join(", ")}.` };
  }

  const rows = body.map((record, index): RowResult => {
    const line = index + 2;
    const cell = (field: ImportField) => {
      const position = columnIndex[field];
      const value = position === undefined ? "" : (record[position] ?? "").trim();
      return value;
    };
    const optional = (field: ImportField) => cell(field) || null;
    const reasons: string[] = [];
    const catalogueNumber = cell("catalogueNumber");
    const title = cell("title");
    const label = [catalogueNumber, title].filter(Boolean).join(" ") || `row ${line}`;
    if (catalogueNumber.length > 20) reasons.push("the catalogue number is longer than 20 characters");
    if (!title) reasons.push("no title");
    if (title.length > 200) reasons.push("the title is longer than 200 characters");
    const section = cell("section") || defaultSection || UNSECTIONED;

    const notes: string[] = [];
    let dimensions: ParsedDimension[] = [];
    const size = cell("size");
    const framed = cell("framed");
    if (size || framed) {
      try {
        dimensions = size ? parseSizeLines(size, framed) : parseSizeLine(framed, { defaultKind: "framed" });
      } catch (error) {
        if (!(error instanceof SizeParseError)) throw error;
        // Never a wrong number: the line is kept and shown as written, and staff are told.
        notes.push(`size kept as written, not read (${error.reason})`);
      }
    }
    const priceText = cell("price");
    const priceReading = readGalleryPrice(priceText);
    if (priceReading.worthChecking) notes.push(`price kept as written beside what was read: “${priceText}”`);
    const statusText = optional("status");
    // The status cell says; else a status the price cell states ("Sold"); else, where the file has a
    // status column, its empty cell means available; without one, nothing is said.
    const availability = statusText
      ? availabilityFromGalleryText(statusText)
      : (priceReading.availability ?? (columnIndex.status !== undefined ? "available" : null));
    if (availability === undefined) {
      reasons.push(`the status “${cell("status")}” is not one of available, reserved, sold or in a private collection`);
    }
    const technique = optional("technique");
    const categoryText = cell("category");
    const category =
      (categoryText ? categoryFromGalleryWord(categoryText) : undefined) ??
      categoryFromMedium(technique) ??
      (categoryText ? undefined : "other");
    if (!category) reasons.push(`the category “${categoryText}” is not one this catalogue knows (drawings, paintings, prints…)`);
    const orderText = cell("order");
    const order = orderText === "" ? null : /^\d{1,6}$/.test(orderText) ? Number(orderText) : undefined;
    if (order === undefined) reasons.push(`the order “${orderText}” is not a whole number`);
    let year: number | null = null;
    const yearText = cell("year");
    if (yearText) {
      const match = /^(?:c\.?\s*)?(\d{4})$/.exec(yearText);
      if (match) year = Number(match[1]);
      else reasons.push(`the year “${yearText}” is not a four-digit year`);
    }
    if (reasons.length > 0 || availability === undefined || !category) return { line, ok: false, label, reasons };
    return {
      line,
      ok: true,
      work: {
        catalogueNumber,
        title,
        section,
        exhibition: optional("exhibition"),
        category,
        technique,
        signature: optional("signature"),
        year,
        sizeAsWritten: [size, framed].filter(Boolean).join(" - ") || null,
        dimensions,
        price: priceReading.price,
        priceAsWritten: priceReading.worthChecking ? priceText : null,
        availability,
        description: cell("description"),
        curatorNote: optional("curatorNote"),
        notes,
        images: cell("image")
          .split(/[;,\n]/)
          .map((name) => name.trim())
          .filter(Boolean),
        order: order ?? null,
      },
    };
  });
  return { columns, ignoredColumns, rows, fileError: null };
}
