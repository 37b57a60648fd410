import { convert, formatBothUnits, formatMeasure } from "@/lib/catalogue/sizes";
import { DIMENSION_KIND_LABELS } from "@/lib/catalogue/vocabulary";
import type { DimensionView } from "@/lib/data/catalogue";

/** A sheet of A4 paper, which every collector has held: 21 × 29.7 cm. */
const A4_CM = { width: 21, height: 29.7 };

/** The size a collector would hang: framed where the gallery gave it, else the first size written. */
function sizeToCompare(dimensions: DimensionView[]): DimensionView | undefined {
  return dimensions.find((dimension) => dimension.kind === "framed") ?? dimensions[0];
}

/**
 * "View at actual size": the work drawn beside an A4 sheet at the same scale, so a screen of any size
 * still shows how large it is in a room. Plain markup (a details element): no script.
 */
export function SizeComparison({ dimensions, title }: { dimensions: DimensionView[]; title: string }) {
  const size = sizeToCompare(dimensions);
  if (!size) return null;
  const work = { width: convert(size.width, size.unit, "cm"), height: convert(size.height, size.unit, "cm") };
  const gap = 6;
  const margin = 2;
  const viewWidth = margin * 2 + work.width + gap + A4_CM.width;
  const tallest = Math.max(work.height, A4_CM.height);
  const viewHeight = margin * 2 + tallest + 8;
  const baseline = margin + tallest;
  const ratio = (work.width * work.height) / (A4_CM.width * A4_CM.height);
  const comparison =
    ratio >= 1.15
      ? `about ${formatMeasure(ratio)} times the area of an A4 sheet`
      : ratio <= 0.87
        ? `about ${formatMeasure(1 / ratio)} times smaller than an A4 sheet`
        : "about the size of an A4 sheet";
  const description = `${title}, ${DIMENSION_KIND_LABELS[size.kind].toLowerCase()} ${formatBothUnits(size)}, drawn beside an A4 sheet (21 × 29.7 cm) at the same scale: ${comparison}.`;
  const label = (text: string, x: number) => (
    <text x={x} y={baseline + 5} fontSize={Math.max(2.2, viewWidth / 40)} textAnchor="middle" className="fill-ink-soft font-sans">
      {text}
    </text>
  );
  return (
    <details className="mt-4 font-sans text-sm" data-testid="size-comparison">
      <summary className="cursor-pointer text-accent underline">Compare its size with an A4 sheet</summary>
      {/* Not a <figure>: the work's own figure is its photograph or outline. */}
      <div className="mt-3">
        <svg viewBox={`0 0 ${viewWidth} ${viewHeight}`} role="img" aria-label={description} className="h-auto max-h-80 w-full">
          <rect
            x={margin}
            y={baseline - work.height}
            width={work.width}
            height={work.height}
            className="fill-paper-deep stroke-ink"
            strokeWidth={0.3}
          />
          <rect
            x={margin + work.width + gap}
            y={baseline - A4_CM.height}
            width={A4_CM.width}
            height={A4_CM.height}
            fill="#fff"
            className="stroke-ink-soft"
            strokeWidth={0.3}
            strokeDasharray="1 0.6"
          />
          {label("The work", margin + work.width / 2)}
          {label("A4 sheet", margin + work.width + gap + A4_CM.width / 2)}
        </svg>
        {/* The sizes themselves are in the list beside the photograph (and in the drawing's description): not repeated here. */}
        <p className="mt-2 text-ink-soft">The work beside an A4 sheet (21 × 29.7 cm), drawn to the same scale: {comparison}.</p>
      </div>
    </details>
  );
}
