import { ArtworkVisual } from "@/components/artwork-visual";
import { PhotographZoom } from "@/components/photograph-zoom";
import type { DimensionView, PhotographView } from "@/lib/data/catalogue";
import { photographUrl, PHOTOGRAPH_ZOOM_WIDTH } from "@/lib/images/photograph-urls";

type Props = { photographs: PhotographView[]; dimensions: DimensionView[]; fallbackAlt: string };

/** The size of a photograph's largest copy (never enlarged past the original). */
function zoomSize(photograph: PhotographView) {
  const scale = Math.min(1, photograph.zoomWidth / photograph.width);
  return { width: Math.round(photograph.width * scale), height: Math.round(photograph.height * scale) };
}

/**
 * A work's photographs in the order staff set, each with its own description; the first large, the
 * others beneath. Each opens full size (components/photograph-zoom.tsx). Where there is no
 * photograph, the work's outline at its true proportions stands in.
 */
export function ArtworkPhotographs({ photographs, dimensions, fallbackAlt }: Props) {
  const [first, ...others] = photographs;
  if (!first) {
    return (
      <figure className="flex min-h-72 items-center justify-center bg-paper-deep p-8 sm:p-12 lg:min-h-[32rem]">
        <ArtworkVisual
          photograph={null}
          dimensions={dimensions}
          label={fallbackAlt}
          sizes="(min-width: 1024px) 40rem, 90vw"
          className="max-h-[28rem] w-full"
          priority
        />
      </figure>
    );
  }
  const count = photographs.length;
  const altOf = (photograph: PhotographView, index: number) =>
    photograph.altText || (count > 1 ? `${fallbackAlt} (photograph ${index + 1} of ${count})` : fallbackAlt);
  const zoomLink = (photograph: PhotographView, index: number) => {
    const size = zoomSize(photograph);
    return {
      href: photographUrl(photograph.storageKey, photograph.zoomWidth === PHOTOGRAPH_ZOOM_WIDTH ? PHOTOGRAPH_ZOOM_WIDTH : 1600),
      "data-zoom": "",
      "data-width": size.width,
      "data-height": size.height,
      title: `View photograph ${index + 1}${count > 1 ? ` of ${count}` : ""} full size`,
    };
  };
  return (
    <div id="artwork-photographs" data-testid="artwork-photographs">
      <figure className="flex min-h-72 items-center justify-center bg-paper-deep p-4 sm:p-8 lg:min-h-[32rem]">
        <a {...zoomLink(first, 0)} className="block w-full cursor-zoom-in">
          <ArtworkVisual
            photograph={first}
            dimensions={dimensions}
            label={altOf(first, 0)}
            sizes="(min-width: 1024px) 40rem, 90vw"
            className="max-h-[28rem] w-full"
            priority
          />
        </a>
      </figure>
      {others.length > 0 && (
        <ul className="mt-3 grid grid-cols-4 gap-3" aria-label="More photographs of the work">
          {others.map((photograph, index) => (
            <li key={photograph.storageKey} className="bg-paper-deep p-2">
              <a {...zoomLink(photograph, index + 1)} className="block cursor-zoom-in">
                <ArtworkVisual
                  photograph={photograph}
                  dimensions={dimensions}
                  label={altOf(photograph, index + 1)}
                  sizes="10rem"
                  className="aspect-square w-full"
                />
              </a>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-2 font-sans text-sm text-ink-soft">
        Select a photograph to see it full size; zoom with the wheel, by pinching, or with the Z key; Escape closes it.
      </p>
      <PhotographZoom galleryId="artwork-photographs" />
    </div>
  );
}
