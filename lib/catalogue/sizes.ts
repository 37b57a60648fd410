/**
 * Reads a gallery's own size lines ("Image area 15ins x 22ins",
 * "Image Size: 420mm x 300mm - Framed: 710mm x 565mm", "9.5 x 7ins") into dimension records,
 * and formats them in inches and centimetres. A line it cannot read is an error naming the
 * line: a wrong size on a work for sale is worse than none.
 */
import type { DimensionKind, Unit } from "./vocabulary";

export type ParsedDimension = {
  kind: DimensionKind;
  height: number;
  width: number;
  depth: number | null;
  unit: Unit;
};

export class SizeParseError extends Error {
  constructor(
    readonly line: string,
    readonly reason: string,
  ) {
    super(`Cannot read the size "${line}": ${reason}`);
    this.name = "SizeParseError";
  }
}

const KIND_WORDS: Array<[RegExp, DimensionKind]> = [
  [/^(framed|frame|framed size|frame size|overall|overall size|overall framed|in frame|framed dimensions)$/, "framed"],
  [/^(mount|mounted|mount size|mounted size)$/, "mount"],
  [/^(sheet|sheet size|paper|paper size)$/, "sheet"],
  [/^(sight|sight size|visible|visible area)$/, "sight"],
  [/^(image|image area|image size|size|canvas|board|panel|dimensions|unframed)$/, "image"],
];

const UNIT_WORDS: Array<[RegExp, Unit]> = [
  [/^(in|ins|inch|inches|"|″|'')$/, "in"],
  [/^(mm|mms|millimetres?|millimeters?)$/, "mm"],
  [/^(cm|cms|centimetres?|centimeters?)$/, "cm"],
];

const FRACTIONS: Record<string, number> = {
  "½": 0.5,
  "¼": 0.25,
  "¾": 0.75,
  "⅛": 0.125,
  "⅜": 0.375,
  "⅝": 0.625,
  "⅞": 0.875,
  "⅓": 1 / 3,
  "⅔": 2 / 3,
};

const NUMBER = String.raw`(\d+(?:\.\d+)?(?:\s*[½¼¾⅛⅜⅝⅞⅓⅔]|\s+\d+\/\d+)?|[½¼¾⅛⅜⅝⅞⅓⅔])`;
// Longest first: "inches" must not be read as "in" followed by "ches".
const UNIT = String.raw`(inch(?:es)?|ins?|millimet(?:re|er)s?|mms?|centimet(?:re|er)s?|cms?|"|″|'')?`;
const BY = String.raw`\s*(?:x|×|by|\*)\s*`;
const MEASUREMENT = new RegExp(String.raw`${NUMBER}\s*${UNIT}${BY}${NUMBER}\s*${UNIT}(?:${BY}${NUMBER}\s*${UNIT})?`, "giu");

function readNumber(text: string, line: string): number {
  const trimmed = text.trim();
  const mixed = /^(\d+)\s+(\d+)\/(\d+)$/.exec(trimmed);
  if (mixed) {
    const denominator = Number(mixed[3]);
    if (denominator === 0) throw new SizeParseError(line, `"${trimmed}" divides by zero`);
    return Number(mixed[1]) + Number(mixed[2]) / denominator;
  }
  const withGlyph = /^(\d+(?:\.\d+)?)?\s*([½¼¾⅛⅜⅝⅞⅓⅔])$/u.exec(trimmed);
  if (withGlyph) return Number(withGlyph[1] ?? 0) + (FRACTIONS[withGlyph[2] ?? ""] ?? 0);
  return Number(trimmed);
}

function readUnit(text: string | undefined): Unit | undefined {
  if (!text) return undefined;
  const normalised = text.trim().toLowerCase();
  return UNIT_WORDS.find(([pattern]) => pattern.test(normalised))?.[1];
}

function readKind(label: string, line: string): DimensionKind | undefined {
  const normalised = label
    .toLowerCase()
    .replace(/[:\-–—,;/()]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (normalised === "") return undefined;
  const found = KIND_WORDS.find(([pattern]) => pattern.test(normalised));
  if (!found)
    throw new SizeParseError(
      line,
      `"${label.trim()}" is not a kind of size this catalogue knows (image area, sight, sheet, mount, framed)`,
    );
  return found[1];
}

type Options = {
  /** The unit to assume when the line gives none (a framed line written beside a mm image line). */
  defaultUnit?: Unit;
  /** The kind for a measurement without a label. */
  defaultKind?: DimensionKind;
};

export function parseSizeLine(line: string, options: Options = {}): ParsedDimension[] {
  const text = line.replace(/\s+/g, " ").trim();
  if (text === "") throw new SizeParseError(line, "the line is empty");

  type Raw = { label: string; numbers: number[]; units: Array<Unit | undefined> };
  const raws: Raw[] = [];
  let cursor = 0;
  for (const match of text.matchAll(MEASUREMENT)) {
    const label = text.slice(cursor, match.index);
    const numbers: number[] = [];
    const units: Array<Unit | undefined> = [];
    for (let group = 1; group <= 5; group += 2) {
      const numberText = match[group];
      if (numberText === undefined) continue;
      numbers.push(readNumber(numberText, line));
      units.push(readUnit(match[group + 1]));
    }
    raws.push({ label, numbers, units });
    cursor = (match.index ?? 0) + match[0].length;
  }
  if (raws.length === 0) throw new SizeParseError(line, "no measurement such as 15ins x 22ins was found");
  const trailing = text.slice(cursor).replace(/[\s.;,/\-–—]/g, "");
  if (trailing !== "") throw new SizeParseError(line, `"${text.slice(cursor).trim()}" after the last measurement is not understood`);

  const unitsInLine = raws.flatMap((raw) => raw.units).filter((unit): unit is Unit => unit !== undefined);
  const distinctUnits = new Set(unitsInLine);

  return raws.map((raw, index) => {
    const ownUnits = new Set(raw.units.filter((unit): unit is Unit => unit !== undefined));
    if (ownUnits.size > 1) throw new SizeParseError(line, "one measurement mixes units");
    const unit = [...ownUnits][0] ?? (distinctUnits.size === 1 ? [...distinctUnits][0] : undefined) ?? options.defaultUnit;
    if (!unit) throw new SizeParseError(line, "no unit is given (inches, mm or cm)");
    const kind = readKind(raw.label, line) ?? (index === 0 ? (options.defaultKind ?? "image") : undefined);
    if (!kind) throw new SizeParseError(line, "a second measurement has no label saying what it measures");
    const [height, width, depth] = raw.numbers;
    if (height === undefined || width === undefined) throw new SizeParseError(line, "a measurement needs a height and a width");
    for (const value of raw.numbers) {
      if (!Number.isFinite(value) || value <= 0) throw new SizeParseError(line, "every measurement must be a positive number");
    }
    return { kind, height, width, depth: depth ?? null, unit };
  });
}

/** A size line and, where the gallery wrote it separately, a framed line (whose unit may be implied). */
export function parseSizeLines(sizeLine: string, framedLine?: string | null): ParsedDimension[] {
  const dimensions = parseSizeLine(sizeLine);
  if (framedLine && framedLine.trim() !== "") {
    const framed = parseSizeLine(framedLine, { defaultUnit: dimensions[0]?.unit, defaultKind: "framed" });
    dimensions.push(...framed);
  }
  const kinds = dimensions.map((dimension) => dimension.kind);
  const repeated = kinds.find((kind, index) => kinds.indexOf(kind) !== index);
  if (repeated) throw new SizeParseError([sizeLine, framedLine].filter(Boolean).join(" / "), `the ${repeated} size is given twice`);
  return dimensions;
}

const CM_PER_UNIT: Record<Unit, number> = { in: 2.54, mm: 0.1, cm: 1 };

export function convert(value: number, from: Unit, to: Unit): number {
  return (value * CM_PER_UNIT[from]) / CM_PER_UNIT[to];
}

/** To `decimals` places (one unless said), without trailing zeros: 38.1, 55.9, 22, 8.75. */
export function formatMeasure(value: number, decimals = 1): string {
  const factor = 10 ** decimals;
  return String(Math.round(value * factor) / factor);
}

/**
 * Places shown for a measure in the unit the gallery wrote it in: inches exactly as written (to a
 * sixteenth: 8.75, never 8.8), centimetres to one decimal, millimetres whole. A converted measure
 * claims no more than a tenth.
 */
const PLACES_AS_WRITTEN: Record<Unit, number> = { in: 4, cm: 1, mm: 0 };
const PLACES_CONVERTED: Record<Unit, number> = { in: 1, cm: 1, mm: 0 };

type Measured = { height: number; width: number; depth: number | null; unit: Unit };

export function formatIn(dimension: Measured, unit: Unit): string {
  const places = unit === dimension.unit ? PLACES_AS_WRITTEN[unit] : PLACES_CONVERTED[unit];
  const values = [dimension.height, dimension.width, dimension.depth]
    .filter((value): value is number => value !== null)
    .map((value) => formatMeasure(convert(value, dimension.unit, unit), places));
  return `${values.join(" × ")} ${unit}`;
}

/** "15 × 22 in / 38.1 × 55.9 cm": inches first, as British and American collectors read them. */
export function formatBothUnits(dimension: Measured): string {
  return `${formatIn(dimension, "in")} / ${formatIn(dimension, "cm")}`;
}

/** Area in cm², for sorting works by size whatever unit the gallery used. */
export function areaInSquareCm(dimension: Measured): number {
  return convert(dimension.height, dimension.unit, "cm") * convert(dimension.width, dimension.unit, "cm");
}
