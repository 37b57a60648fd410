/** schema.org VisualArtwork for an artwork page. */
import { CATEGORY_LABELS, type Category, type DimensionKind, type Unit } from "./vocabulary";

const UNIT_CODES: Record<Unit, string> = { in: "INH", cm: "CMT", mm: "MMT" };

type Work = {
  title: string;
  catalogueNumber: string;
  category: Category;
  technique: string | null;
  year: number | null;
  description: string;
  availability: string;
  priceMinor: number | null;
  currency: string | null;
  dimensions: Array<{ kind: DimensionKind; height: number; width: number; depth: number | null; unit: Unit }>;
  artist: { name: string; birthYear: number | null; deathYear: number | null };
};

export function visualArtworkJsonLd(work: Work, url: string): Record<string, unknown> {
  const image = work.dimensions.find((dimension) => dimension.kind === "image") ?? work.dimensions[0];
  const quantity = (value: number, unit: Unit) => ({ "@type": "QuantitativeValue", value, unitCode: UNIT_CODES[unit], unitText: unit });
  const data: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "VisualArtwork",
    name: work.title,
    url,
    ...(work.catalogueNumber ? { identifier: work.catalogueNumber } : {}),
    artform: CATEGORY_LABELS[work.category],
    creator: {
      "@type": "Person",
      name: work.artist.name,
      ...(work.artist.birthYear ? { birthDate: String(work.artist.birthYear) } : {}),
      ...(work.artist.deathYear ? { deathDate: String(work.artist.deathYear) } : {}),
    },
    description: work.description.split(/\n\s*\n/)[0],
  };
  if (work.technique) data.artMedium = work.technique;
  if (work.year) data.dateCreated = String(work.year);
  if (image) {
    data.height = quantity(image.height, image.unit);
    data.width = quantity(image.width, image.unit);
    if (image.depth !== null) data.depth = quantity(image.depth, image.unit);
  }
  if (work.priceMinor !== null && work.currency && work.availability === "available") {
    data.offers = {
      "@type": "Offer",
      price: (work.priceMinor / 100).toFixed(2),
      priceCurrency: work.currency,
      availability: "https://schema.org/InStock",
    };
  }
  return data;
}
