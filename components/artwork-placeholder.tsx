import { convert } from "@/lib/catalogue/sizes";
import type { DimensionView } from "@/lib/data/catalogue";

type Props = {
  dimensions: DimensionView[];
  label: string;
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
  const stroke = Math.max(drawn.width, drawn.height) / 300;

  return (
    <svg
      viewBox={`0 0 ${box.width} ${box.height}`}
      role="img"
      aria-label={`${label}. No photograph yet: shown as an outline at its true proportions.`}
      className={className}
      preserveAspectRatio="xMidYMid meet"
    >
      {framed && frameFits ? (
        <rect x={offsetX} y={offsetY} width={drawn.width} height={drawn.height} fill="#e7e1d5" stroke="#8a847a" strokeWidth={stroke} />
      ) : null}
      <rect x={x} y={y} width={sheet.width} height={sheet.height} fill="#fffdf8" stroke="#8a847a" strokeWidth={stroke} />
      <line x1={x} y1={y} x2={x + sheet.width} y2={y + sheet.height} stroke="#d9d3c7" strokeWidth={stroke} />
      <line x1={x + sheet.width} y1={y} x2={x} y2={y + sheet.height} stroke="#d9d3c7" strokeWidth={stroke} />
    </svg>
  );
}
