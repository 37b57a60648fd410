import { ArtworkVisual, GRID_SCALE_CM } from "@/components/artwork-visual";
import { artworkAltText, availabilityLabel, mediumLine, priceText } from "@/lib/catalogue/describe";
import { formatBothUnits } from "@/lib/catalogue/sizes";
import type { ArtworkSummary } from "@/lib/data/catalogue";

type Props = { work: ArtworkSummary; headingLevel?: "h2" | "h3"; showSection?: boolean };

export function ArtworkCard({ work, headingLevel = "h3", showSection = false }: Props) {
  const Heading = headingLevel;
  const image = work.dimensions.find((dimension) => dimension.kind === "image") ?? work.dimensions[0];
  return (
    <article className="group flex flex-col">
      {/* Plain links: a grid of works is many of them, and each Link costs a client component to render; the pages they lead to are pre-rendered. */}
      <a href={`/works/${work.slug}`} className="block no-underline" tabIndex={-1} aria-hidden="true">
        <div className="flex aspect-[4/5] items-center justify-center bg-paper-deep p-6 transition-colors group-hover:bg-[#ebe5d9]">
          <ArtworkVisual
            photograph={work.photograph}
            dimensions={work.dimensions}
            label={artworkAltText(work)}
            sizes="(min-width: 1024px) 18rem, (min-width: 640px) 45vw, 90vw"
            className="h-full w-full"
            commonScaleCm={GRID_SCALE_CM}
          />
        </div>
      </a>
      <Heading className="mt-3 text-lg font-semibold">
        <a href={`/works/${work.slug}`} className="no-underline hover:underline">
          <span className="mr-2 font-sans text-sm font-normal text-ink-soft">{work.catalogueNumber}</span>
          {work.title}
        </a>
      </Heading>
      <p className="font-sans text-sm text-ink-soft">
        {mediumLine(work)}
        {work.year ? `, ${work.year}` : ""}
        {image ? (
          <>
            <br />
            {formatBothUnits(image)}
          </>
        ) : null}
        {showSection ? (
          <>
            <br />
            {work.section.title}
          </>
        ) : null}
      </p>
      <p className="mt-1 font-sans text-sm">
        <span className={work.availability === "available" ? "text-ok" : "text-ink-soft"}>{availabilityLabel(work.availability)}</span>
        {work.availability === "available" || work.availability === "reserved" ? (
          <span className="text-ink-soft"> · {priceText(work)}</span>
        ) : null}
      </p>
    </article>
  );
}
