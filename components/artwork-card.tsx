import { ArtworkVisual, GRID_SCALE_CM } from "@/components/artwork-visual";
import { EnquiryListButton } from "@/components/enquiry-list-button";
import { availabilityLabel, mediumLine, priceText, workLabel } from "@/lib/catalogue/describe";
import { formatBothUnits } from "@/lib/catalogue/sizes";
import type { ArtworkSummary } from "@/lib/data/catalogue";

type Props = { work: ArtworkSummary; headingLevel?: "h2" | "h3"; showSection?: boolean };

export function ArtworkCard({ work, headingLevel = "h3", showSection = false }: Props) {
  const Heading = headingLevel;
  const image = work.dimensions.find((dimension) => dimension.kind === "image") ?? work.dimensions[0];
  return (
    // One link per card, its hit area stretched over the whole card (.card-link in globals.css): a grid
    // of works is many cards, and every element is sent twice (HTML, and the page's data for the browser).
    <article className="card">
      <div className="card-figure">
        <ArtworkVisual
          photograph={work.photograph}
          dimensions={work.dimensions}
          label={null}
          sizes="(min-width: 1024px) 18rem, (min-width: 640px) 45vw, 90vw"
          className="h-full w-full"
          commonScaleCm={GRID_SCALE_CM}
        />
      </div>
      <Heading className="card-title">
        {/* A plain link: each next/link costs a client component to render, and the pages it leads to are pre-rendered. */}
        <a href={`/works/${work.slug}`} className="card-link">
          {work.catalogueNumber ? <span className="card-number">{work.catalogueNumber}</span> : null}
          {work.title}
        </a>
      </Heading>
      <p className="card-meta">
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
      <p className="card-status">
        <span className={work.availability === "available" ? "text-ok" : "text-ink-soft"}>{availabilityLabel(work.availability)}</span>
        {work.availability === "available" || work.availability === "reserved" ? (
          <span className="text-ink-soft"> · {priceText(work)}</span>
        ) : null}
      </p>
      <div className="mt-2">
        <EnquiryListButton workId={work.id} label={workLabel(work)} compact />
      </div>
    </article>
  );
}
