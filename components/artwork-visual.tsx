import { ArtworkPlaceholder } from "@/components/artwork-placeholder";
import type { DimensionView } from "@/lib/data/catalogue";
import { photographSrcSet, photographUrl } from "@/lib/images/photograph-urls";

type Props = {
  photograph: { storageKey: string; width: number; height: number; hasAvif?: boolean } | null;
  dimensions: DimensionView[];
  /** What the picture shows, for people who cannot see it; null where it only repeats the text beside it (a card's title). */
  label: string | null;
  sizes: string;
  className?: string;
  priority?: boolean;
  commonScaleCm?: { width: number; height: number };
};

/** The box grids draw outlines in, so a sketch looks smaller than a large framed watercolour. */
export const GRID_SCALE_CM = { width: 80, height: 100 };

/** The work's photograph where staff have uploaded one; until then its outline at true proportions. */
export function ArtworkVisual({ photograph, dimensions, label, sizes, className, priority, commonScaleCm }: Props) {
  if (!photograph) return <ArtworkPlaceholder dimensions={dimensions} label={label} className={className} commonScaleCm={commonScaleCm} />;
  const image = (
    // eslint-disable-next-line @next/next/no-img-element -- resized WebP and AVIF copies are made at upload; next/image would resize them again
    <img
      src={photographUrl(photograph.storageKey, 960)}
      srcSet={photographSrcSet(photograph.storageKey, "webp")}
      sizes={sizes}
      width={photograph.width}
      height={photograph.height}
      alt={label ?? ""}
      loading={priority ? "eager" : "lazy"}
      fetchPriority={priority ? "high" : undefined}
      className={`${className ?? ""} object-contain`}
    />
  );
  if (!photograph.hasAvif) return image;
  // AVIF is about a third smaller than WebP at the same look; browsers without it take the WebP <img>.
  return (
    <picture className="contents">
      <source type="image/avif" srcSet={photographSrcSet(photograph.storageKey, "avif")} sizes={sizes} />
      {image}
    </picture>
  );
}
