import { convert } from "@/lib/catalogue/sizes";
import type { DimensionView } from "@/lib/data/catalogue";

type Props = {
  dimensions: DimensionView[];
  label: string;
  className?: string;
};

/**
 * Until staff upload a photograph, the work is drawn as a sheet at its true proportions (and
 * inside its frame where the frame is known), so a collector can judge its shape and scale —
 * never a stock picture.
 */
export function ArtworkPlaceholder({ dimensions, label, className }: Props) {
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
  const box = frameFits ? outer : { width: sheet.width * 1.12, height: sheet.height * 1.12 };
  const x = (box.width - sheet.width) / 2;
  const y = (box.height - sheet.height) / 2;
  const stroke = Math.max(box.width, box.height) / 300;

  return (
    <svg
      viewBox={`0 0 ${box.width} ${box.height}`}
      role="img"
      aria-label={`${label}. No photograph yet: shown as an outline at its true proportions.`}
      className={className}
      preserveAspectRatio="xMidYMid meet"
    >
      {framed && frameFits ? (
        <rect x={0} y={0} width={box.width} height={box.height} fill="#e7e1d5" stroke="#8a847a" strokeWidth={stroke} />
      ) : null}
      <rect x={x} y={y} width={sheet.width} height={sheet.height} fill="#fffdf8" stroke="#8a847a" strokeWidth={stroke} />
      <line x1={x} y1={y} x2={x + sheet.width} y2={y + sheet.height} stroke="#d9d3c7" strokeWidth={stroke} />
      <line x1={x + sheet.width} y1={y} x2={x} y2={y + sheet.height} stroke="#d9d3c7" strokeWidth={stroke} />
    </svg>
  );
}
