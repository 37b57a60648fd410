/**
 * Saved replies: a subject and a text with placeholders ({collector_name}…) that are filled in for
 * the enquiry being answered, then edited by staff before sending. Pure, shared by the saved replies
 * page (which checks the placeholders) and the reply form (which fills them).
 */

export const PLACEHOLDERS = {
  collector_name: "the collector's name",
  work_title: "the work's number and title (all of them, for an enquiry about several)",
  work_price: "the work's price as the catalogue gives it now",
  work_link: "the work's page on the site",
  gallery_name: "the gallery's name",
  reference: "the enquiry's reference",
} as const;
export type Placeholder = keyof typeof PLACEHOLDERS;

const PLACEHOLDER_PATTERN = /\{([a-z_]+)\}/g;

/** Placeholders in a text that the gallery does not know ("{colector_name}"): named back to staff. */
export function unknownPlaceholders(text: string): string[] {
  const unknown = new Set<string>();
  for (const [, name] of text.matchAll(PLACEHOLDER_PATTERN)) if (!(name! in PLACEHOLDERS)) unknown.add(`{${name}}`);
  return [...unknown];
}

export type TemplateWork = { label: string; price: string; url: string };

/** "A", "A and B", "A, B and C". */
function inWords(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** What each placeholder becomes for one enquiry. */
export function placeholderValues(input: {
  collectorName: string;
  works: TemplateWork[];
  galleryName: string;
  reference: string;
  siteUrl: string;
}): Record<Placeholder, string> {
  const { works } = input;
  return {
    collector_name: input.collectorName,
    work_title: works.length > 0 ? inWords(works.map((work) => work.label)) : "your question",
    work_price:
      works.length === 0 ? "" : works.length === 1 ? works[0]!.price : works.map((work) => `${work.label}: ${work.price}`).join("; "),
    work_link: works.length === 0 ? input.siteUrl : works.map((work) => work.url).join("\n"),
    gallery_name: input.galleryName,
    reference: input.reference,
  };
}

/** The text with every known placeholder filled in; an unknown one is left as written, to be seen. */
export function fillTemplate(text: string, values: Record<Placeholder, string>): string {
  return text.replace(PLACEHOLDER_PATTERN, (whole, name: string) => (name in values ? values[name as Placeholder] : whole));
}
