/** Allowed values of the catalogue's text "enums" (SQLite has none), with their public labels. */

export const AVAILABILITIES = ["available", "reserved", "sold", "private_collection"] as const;
export type Availability = (typeof AVAILABILITIES)[number];

export const AVAILABILITY_LABELS: Record<Availability, string> = {
  available: "Available",
  reserved: "Reserved",
  sold: "Sold",
  private_collection: "In a private collection",
};

export const CATEGORIES = ["drawing", "painting", "print", "sculpture", "photograph", "other"] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  drawing: "Drawing",
  painting: "Painting",
  print: "Print",
  sculpture: "Sculpture",
  photograph: "Photograph",
  other: "Other",
};

export const CATEGORY_PLURALS: Record<Category, string> = {
  drawing: "Drawings",
  painting: "Paintings",
  print: "Prints",
  sculpture: "Sculpture",
  photograph: "Photographs",
  other: "Other works",
};

/** From the work outwards: the image, what shows through the mount (sight), the paper, the mount, the frame. */
export const DIMENSION_KINDS = ["image", "sight", "sheet", "mount", "framed"] as const;
export type DimensionKind = (typeof DIMENSION_KINDS)[number];

export const DIMENSION_KIND_LABELS: Record<DimensionKind, string> = {
  image: "Image area",
  sight: "Sight",
  sheet: "Sheet",
  mount: "Mount",
  framed: "Framed",
};

export const UNITS = ["in", "mm", "cm"] as const;
export type Unit = (typeof UNITS)[number];

export function isAvailability(value: string): value is Availability {
  return (AVAILABILITIES as readonly string[]).includes(value);
}

export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

export function isDimensionKind(value: string): value is DimensionKind {
  return (DIMENSION_KINDS as readonly string[]).includes(value);
}

export function isUnit(value: string): value is Unit {
  return (UNITS as readonly string[]).includes(value);
}

/** Galleries file works as "Drawings", "Paintings", "Watercolour"…: map their word to ours. */
export function categoryFromGalleryWord(word: string): Category | undefined {
  const normalised = word.trim().toLowerCase();
  if (/^drawings?$/.test(normalised)) return "drawing";
  if (/^(paintings?|watercolou?rs?|oils?)$/.test(normalised)) return "painting";
  if (/^(prints?|etchings?|lithographs?|engravings?)$/.test(normalised)) return "print";
  if (/^sculptures?$/.test(normalised)) return "sculpture";
  if (/^photo(graph)?s?$/.test(normalised)) return "photograph";
  if (isCategory(normalised)) return normalised;
  return undefined;
}

/** Statuses as galleries write them ("This work is in a private collection", "SOLD", "On reserve"). */
export function availabilityFromGalleryText(text: string | null | undefined): Availability | undefined {
  if (text == null || text.trim() === "") return "available";
  const normalised = text.trim().toLowerCase();
  if (normalised.includes("private collection")) return "private_collection";
  if (/\bsold\b/.test(normalised)) return "sold";
  if (/\breserved?\b|\bon reserve\b|\bon hold\b/.test(normalised)) return "reserved";
  if (/\bavailable\b|\bfor sale\b/.test(normalised)) return "available";
  const asWord = normalised.replace(/\s+/g, "_");
  if (isAvailability(asWord)) return asWord;
  return undefined;
}
