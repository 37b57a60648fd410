import { convert } from "@/lib/catalogue/sizes";
import type { DimensionView } from "@/lib/data/catalogue";

type Props = {
  dimensions: DimensionView[];
  /** null: decorative, hidden from assistive technology (the text beside it names the work). */
  label: string | null;
  className?: string;
  /**
   * In a grid, every outline is drawn inside the same box (in cm) so works keep their sizes
   * relative to each other; a work larger than the box enlarges it. Without one, the work fills the space.
   */
  commonScaleCm?: { width: number; height: number };
};

/**
 * Until staff upload a photograph, the work is drawn as a sheet at its true proportions (and
 * inside its frame where the frame is known), so a collector can judge its shape and scale —
 * never a stock picture.
 */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export function ArtworkPlaceholder({ dimensions, label, className, commonScaleCm }: Props) {
  const image = dimensions.find((dimension) => dimension.kind === "image") ?? dimensions.find((dimension) => dimension.kind === "sheet");
  const framed = dimensions.find((dimension) => dimension.kind === "framed");
  const inCm = (dimension: DimensionView) => ({
    width: convert(dimension.width, dimension.unit, "cm"),
    height: convert(dimension.height, dimension.unit, "cm"),
  });
  const sheet = image ? inCm(image) : { width: 4, height: 3 };
  const outer = framed ? inCm(framed) : { width: sheet.width * 1.12, height: sheet.height * 1.12 };
  // A frame recorded smaller than its image is a data error; draw the image alone rather than nonsense.
  const frameFits = outer.width >= sheet.width && outer.height >= sheet.height;
  const drawn = frameFits ? outer : { width: sheet.width * 1.12, height: sheet.height * 1.12 };
  const box = commonScaleCm
    ? { width: Math.max(commonScaleCm.width, drawn.width), height: Math.max(commonScaleCm.height, drawn.height) }
    : drawn;
  const offsetX = (box.width - drawn.width) / 2;
  const offsetY = (box.height - drawn.height) / 2;
  const x = offsetX + (drawn.width - sheet.width) / 2;
  const y = offsetY + (drawn.height - sheet.height) / 2;
  const stroke = round(Math.max(drawn.width, drawn.height) / 300);

  // Hundredths of a centimetre are far below a pixel; longer numbers only weigh down a grid of many works.
  const [x1, y1, x2, y2] = [x, y, x + sheet.width, y + sheet.height].map(round) as [number, number, number, number];
  return (
    <svg
      viewBox={`0 0 ${round(box.width)} ${round(box.height)}`}
      {...(label === null
        ? { "aria-hidden": true }
        : { role: "img", "aria-label": `${label}. No photograph yet: shown as an outline at its true proportions.` })}
      className={`outline-drawing ${className ?? ""}`}
      strokeWidth={stroke}
    >
      {framed && frameFits ? (
        <rect x={round(offsetX)} y={round(offsetY)} width={round(drawn.width)} height={round(drawn.height)} className="outline-frame" />
      ) : null}
      <rect x={x1} y={y1} width={round(x2 - x1)} height={round(y2 - y1)} className="outline-sheet" />
      <path d={`M${x1} ${y1}L${x2} ${y2}M${x2} ${y1}L${x1} ${y2}`} className="outline-cross" />
    </svg>
  );
}
