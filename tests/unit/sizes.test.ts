import { describe, expect, it } from "vitest";
import {
  areaInSquareCm,
  convert,
  formatBothUnits,
  formatIn,
  formatMeasure,
  parseSizeLine,
  parseSizeLines,
  SizeParseError,
} from "@/lib/catalogue/sizes";
import { artworks } from "@/prisma/seed/neasom-catalogue";

describe("parseSizeLine on the gallery's own size lines", () => {
  const cases: Array<[string, ReturnType<typeof parseSizeLine>]> = [
    ["Image area 15ins x 22ins", [{ kind: "image", height: 15, width: 22, depth: null, unit: "in" }]],
    ["Image Area 5ins x 7ins", [{ kind: "image", height: 5, width: 7, depth: null, unit: "in" }]],
    ["Image: 370mm x 545mm", [{ kind: "image", height: 370, width: 545, depth: null, unit: "mm" }]],
    ["Image: 225mm x 155mm", [{ kind: "image", height: 225, width: 155, depth: null, unit: "mm" }]],
    ["Image Area: 9ins x 11.5ins", [{ kind: "image", height: 9, width: 11.5, depth: null, unit: "in" }]],
    ["Image Area: 100mm x 165mm", [{ kind: "image", height: 100, width: 165, depth: null, unit: "mm" }]],
    ["Image Area: 16ins x 20ins", [{ kind: "image", height: 16, width: 20, depth: null, unit: "in" }]],
    ["Image Area: 250mm x 305mm", [{ kind: "image", height: 250, width: 305, depth: null, unit: "mm" }]],
    ["Image Area: 15ins x 19ins", [{ kind: "image", height: 15, width: 19, depth: null, unit: "in" }]],
    ["9.5 x 7ins", [{ kind: "image", height: 9.5, width: 7, depth: null, unit: "in" }]],
    [
      "Image Size: 420mm x 300mm - Framed: 710mm x 565mm",
      [
        { kind: "image", height: 420, width: 300, depth: null, unit: "mm" },
        { kind: "framed", height: 710, width: 565, depth: null, unit: "mm" },
      ],
    ],
    ["Sheet 30 x 40 x 2 cm", [{ kind: "sheet", height: 30, width: 40, depth: 2, unit: "cm" }]],
    ["12 × 9½ in", [{ kind: "image", height: 12, width: 9.5, depth: null, unit: "in" }]],
    ["12 1/4 x 9 in", [{ kind: "image", height: 12.25, width: 9, depth: null, unit: "in" }]],
    ['10" x 8"', [{ kind: "image", height: 10, width: 8, depth: null, unit: "in" }]],
  ];

  it.each(cases)("reads %j", (line, expected) => {
    expect(parseSizeLine(line)).toEqual(expected);
  });

  it("reads every size line of the seeded catalogue, with its separate framed line", () => {
    for (const work of artworks) {
      const dimensions = parseSizeLines(work.sizeAsWritten, work.framedAsWritten);
      expect(dimensions[0]?.kind).toBe("image");
      expect(dimensions.length).toBe(work.framedAsWritten ? 2 : 1);
    }
  });

  it("takes a framed line's missing unit from the image line beside it", () => {
    expect(parseSizeLines("Image: 370mm x 545mm", "Framed: 620 x 780")).toEqual([
      { kind: "image", height: 370, width: 545, depth: null, unit: "mm" },
      { kind: "framed", height: 620, width: 780, depth: null, unit: "mm" },
    ]);
  });

  it.each([
    ["", "empty"],
    ["banana", "no measurement"],
    ["Image area 15 x 22", "no unit"],
    ["Height 15in x 22in", '"Height"'],
    ["Image 15ins x 22mm", "mixes units"],
    ["Image 0in x 22in", "positive"],
    ["Image 15in x 22in approx", '"approx"'],
    ["Image 15in x 22in - 30in x 40in", "no label"],
  ])("refuses %j with a reason, naming the line", (line, reason) => {
    expect(() => parseSizeLine(line)).toThrow(SizeParseError);
    expect(() => parseSizeLine(line)).toThrow(reason);
    try {
      parseSizeLine(line);
    } catch (error) {
      expect((error as SizeParseError).line).toBe(line);
      expect((error as Error).message).toContain(`"${line}"`);
    }
  });

  it("refuses a size given twice", () => {
    expect(() => parseSizeLines("Framed: 20in x 30in", "Framed: 22in x 32in")).toThrow("given twice");
  });
});

describe("units", () => {
  it("converts between inches, centimetres and millimetres", () => {
    expect(convert(1, "in", "cm")).toBeCloseTo(2.54, 10);
    expect(convert(254, "mm", "in")).toBeCloseTo(10, 10);
    expect(convert(12.5, "cm", "mm")).toBeCloseTo(125, 10);
  });

  it("rounds to one decimal place and drops a trailing .0", () => {
    expect(formatMeasure(38.1)).toBe("38.1");
    expect(formatMeasure(55.88)).toBe("55.9");
    expect(formatMeasure(22.0)).toBe("22");
    expect(formatMeasure(14.96)).toBe("15");
    expect(formatMeasure(0.04)).toBe("0");
  });

  it("formats the original page's size as 15 × 22 in / 38.1 × 55.9 cm", () => {
    expect(formatBothUnits({ height: 15, width: 22, depth: null, unit: "in" })).toBe("15 × 22 in / 38.1 × 55.9 cm");
  });

  it("formats millimetre sizes in inches and centimetres, with depth", () => {
    expect(formatBothUnits({ height: 370, width: 545, depth: null, unit: "mm" })).toBe("14.6 × 21.5 in / 37 × 54.5 cm");
    expect(formatBothUnits({ height: 30, width: 40, depth: 2, unit: "cm" })).toBe("11.8 × 15.7 × 0.8 in / 30 × 40 × 2 cm");
  });

  it("reads every common way galleries write a size", () => {
    const written: Array<[string, Array<[string, number, number, number | null, string]>]> = [
      ["9.5 x 7ins", [["image", 9.5, 7, null, "in"]]],
      ["9.5ins x 7ins", [["image", 9.5, 7, null, "in"]]],
      ["9.5 x 7 inches", [["image", 9.5, 7, null, "in"]]],
      ['9.5" x 7"', [["image", 9.5, 7, null, "in"]]],
      ["9.5 X 7 in", [["image", 9.5, 7, null, "in"]]],
      ["9.5 by 7 in", [["image", 9.5, 7, null, "in"]]],
      ["9.5 × 7 in", [["image", 9.5, 7, null, "in"]]],
      ["24 x 30 cms", [["image", 24, 30, null, "cm"]]],
      ["240 x 300mm", [["image", 240, 300, null, "mm"]]],
      ["30cm x 40cm", [["image", 30, 40, null, "cm"]]],
      ["8 3/4 x 11 in", [["image", 8.75, 11, null, "in"]]],
      ["8¾ x 11¼ in", [["image", 8.75, 11.25, null, "in"]]],
      ["30 x 40 x 2 cm", [["image", 30, 40, 2, "cm"]]],
      ["Image: 9 x 7 in", [["image", 9, 7, null, "in"]]],
      ["Image size 9 x 7 in", [["image", 9, 7, null, "in"]]],
      ["Sight: 9 x 7 in", [["sight", 9, 7, null, "in"]]],
      ["Paper 10 x 8 in", [["sheet", 10, 8, null, "in"]]],
      ["Mount: 14 x 12 in", [["mount", 14, 12, null, "in"]]],
      ["Frame size 20 x 16 in", [["framed", 20, 16, null, "in"]]],
      ["Overall 20 x 16 in", [["framed", 20, 16, null, "in"]]],
      [
        "Image 9 x 7 in / Framed 20 x 16 in",
        [
          ["image", 9, 7, null, "in"],
          ["framed", 20, 16, null, "in"],
        ],
      ],
      [
        "Sight 9 x 7 in, mount 14 x 12 in; framed 20 x 16 in",
        [
          ["sight", 9, 7, null, "in"],
          ["mount", 14, 12, null, "in"],
          ["framed", 20, 16, null, "in"],
        ],
      ],
    ];
    for (const [line, expected] of written) {
      const read = parseSizeLine(line).map((dimension) => [
        dimension.kind,
        dimension.height,
        dimension.width,
        dimension.depth,
        dimension.unit,
      ]);
      expect(read, line).toEqual(expected);
    }
  });

  it("shows inches with the precision the gallery wrote (8.75 in, never 8.8), centimetres to a tenth, millimetres whole", () => {
    expect(formatBothUnits({ height: 8.75, width: 11.125, depth: null, unit: "in" })).toBe("8.75 × 11.125 in / 22.2 × 28.3 cm");
    expect(formatBothUnits({ height: 9.0625, width: 7.5, depth: null, unit: "in" })).toBe("9.0625 × 7.5 in / 23 × 19.1 cm");
    expect(formatIn({ height: 420, width: 297, depth: null, unit: "mm" }, "mm")).toBe("420 × 297 mm");
    expect(formatIn({ height: 42.55, width: 29.7, depth: null, unit: "cm" }, "cm")).toBe("42.6 × 29.7 cm");
  });

  it("gives back the numbers it shows: format then parse, in every unit", () => {
    const samples: Record<"in" | "cm" | "mm", number[]> = {
      in: [0.5, 1, 8.75, 8.125, 9.0625, 11.5, 15, 22, 36.25],
      cm: [0.5, 1, 12.5, 29.7, 38.1, 55.9, 100],
      mm: [5, 100, 297, 420, 1189],
    };
    for (const [unit, values] of Object.entries(samples) as Array<["in" | "cm" | "mm", number[]]>) {
      for (const height of values) {
        for (const width of values) {
          const dimension = { height, width, depth: null, unit };
          const [parsed] = parseSizeLine(`Image ${formatIn(dimension, unit)}`);
          expect(parsed, `${height} × ${width} ${unit}`).toEqual({ kind: "image", ...dimension });
        }
      }
    }
  });

  it("compares areas across units", () => {
    expect(areaInSquareCm({ height: 10, width: 10, depth: null, unit: "in" })).toBeCloseTo(645.16, 2);
    expect(areaInSquareCm({ height: 100, width: 100, depth: null, unit: "mm" })).toBeCloseTo(100, 6);
  });
});
