import { formatPrice } from "@/lib/catalogue/prices";

/**
 * "Tell me about new works like this": what an alert asks for, and which new works answer it. A
 * collector chooses, on a work's or a section's page, the artist, the section, or the medium (paintings
 * or drawings, by this artist), and may set a price they would go to; only works for sale count.
 */

export const ALERT_SCOPES = ["artist", "section", "medium"] as const;
export type AlertScope = (typeof ALERT_SCOPES)[number];

export type AlertCriteria = {
  scope: AlertScope;
  artistId: string;
  sectionId: string | null;
  category: string | null;
  maxPriceMinor: number | null;
  currency: string | null;
};

/** One alert per address for each of these: asking twice for the same keeps one. */
export function criteriaKeyOf(criteria: AlertCriteria): string {
  const what =
    criteria.scope === "section"
      ? criteria.sectionId
      : criteria.scope === "medium"
        ? `${criteria.artistId}:${criteria.category}`
        : criteria.artistId;
  const price = criteria.maxPriceMinor === null ? "any" : `${criteria.maxPriceMinor}${criteria.currency ?? ""}`;
  return `${criteria.scope}:${what}:${price}`;
}

export type NewWork = {
  artistId: string;
  sectionId: string;
  category: string;
  availability: string;
  priceMinor: number | null;
  currency: string | null;
};

/** Whether a newly published work is one the alert asked about. */
export function workAnswersAlert(work: NewWork, criteria: AlertCriteria): boolean {
  if (work.availability !== "available") return false;
  if (work.artistId !== criteria.artistId) return false;
  if (criteria.scope === "section" && work.sectionId !== criteria.sectionId) return false;
  if (criteria.scope === "medium" && work.category !== criteria.category) return false;
  if (criteria.maxPriceMinor !== null) {
    // A price limit is met only by a price shown in the same currency: "price on application" may be anything.
    if (work.priceMinor === null || work.currency !== criteria.currency || work.priceMinor > criteria.maxPriceMinor) return false;
  }
  return true;
}

const CATEGORY_PLURALS: Record<string, string> = {
  painting: "paintings",
  drawing: "drawings",
  print: "prints",
  sculpture: "sculptures",
  photograph: "photographs",
};

/** "New works by Norman Neasom up to £2,000", as the alert's emails and the staff list say it. */
export function criteriaLabel(criteria: AlertCriteria, names: { artist: string; section: string | null }): string {
  const what =
    criteria.scope === "section"
      ? `New works in “${names.section ?? "a section"}” by ${names.artist}`
      : criteria.scope === "medium"
        ? `New ${CATEGORY_PLURALS[criteria.category ?? ""] ?? `${criteria.category} works`} by ${names.artist}`
        : `New works by ${names.artist}`;
  return criteria.maxPriceMinor === null ? what : `${what}, up to ${formatPrice(criteria.maxPriceMinor, criteria.currency ?? "GBP")}`;
}
