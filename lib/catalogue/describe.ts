/** Words the public pages use for a work: life dates, medium lines, alt text, price text. */
import { formatPrice } from "./prices";
import { AVAILABILITY_LABELS, CATEGORY_LABELS, type Availability, type Category } from "./vocabulary";

export function lifeDates(artist: { birthYear: number | null; deathYear: number | null }): string {
  if (artist.birthYear && artist.deathYear) return `${artist.birthYear}–${artist.deathYear}`;
  if (artist.birthYear) return `born ${artist.birthYear}`;
  return "";
}

/** "Born 1915, Birchensale Farm; died 2010", leaving out whatever isn't known. */
export function lifeFacts(artist: { birthYear: number | null; deathYear: number | null; birthplace: string | null }): string {
  const { birthYear: year, birthplace: place } = artist;
  const born = year && place ? `Born ${year}, ${place}` : year ? `Born ${year}` : place ? `Born in ${place}` : null;
  return [born, artist.deathYear ? `died ${artist.deathYear}` : null].filter(Boolean).join("; ");
}

export function artistWithDates(artist: { name: string; birthYear: number | null; deathYear: number | null }): string {
  const dates = lifeDates(artist);
  return dates ? `${artist.name} (${dates})` : artist.name;
}

/** "Ink drawing" where the gallery gave a technique, else the category: "Drawing". */
export function mediumLine(work: { category: Category; technique: string | null }): string {
  return work.technique?.trim() || CATEGORY_LABELS[work.category];
}

/**
 * "42 Second Retreat from Russia"; a work the gallery never numbered is its title alone. (Works
 * without a number keep an empty catalogue number: never "No. null".)
 */
export function workLabel(work: { catalogueNumber: string; title: string }): string {
  const number = work.catalogueNumber.trim();
  return number ? `${number} ${work.title}` : work.title;
}

/** An enquiry's works in brief: "42 Second Retreat from Russia", or "… and 2 other works" after the first of `count`. */
export function worksInBrief(first: { catalogueNumber: string; title: string }, count: number): string {
  const others = count - 1;
  return others > 0 ? `${workLabel(first)} and ${others} other work${others === 1 ? "" : "s"}` : workLabel(first);
}

/** Alt text names title, medium and year, so a screen-reader user meets the work as others do. */
export function artworkAltText(work: {
  title: string;
  category: Category;
  technique: string | null;
  year: number | null;
  artistName: string;
}): string {
  const year = work.year ? `, ${work.year}` : "";
  return `${work.title} by ${work.artistName}: ${mediumLine(work).toLowerCase()}${year}`;
}

export function availabilityLabel(availability: Availability): string {
  return AVAILABILITY_LABELS[availability];
}

/** What a collector reads where a price would stand. */
export function priceText(work: { availability: Availability; priceMinor: number | null; currency: string | null }): string {
  if (work.availability === "private_collection") return "Not for sale";
  if (work.availability === "sold") return "Sold";
  if (work.priceMinor !== null && work.currency) return formatPrice(work.priceMinor, work.currency);
  return "Price on application";
}
