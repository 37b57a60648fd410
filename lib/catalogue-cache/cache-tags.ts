/**
 * Cache tags for catalogue reads. A change revalidates only the tags it touches, so staff edits
 * and imports refresh the affected pre-rendered pages without a rebuild. Tags are by slug
 * because pages are addressed by slug.
 */
export const cacheTags = {
  /** Anything in the catalogue: for bulk imports. */
  catalogue: "catalogue",
  /** The All works listing, the featured works on the home page and the current exhibition. */
  artworkLists: "artwork-lists",
  exhibition: (exhibitionSlug: string) => `exhibition:${exhibitionSlug}`,
  section: (exhibitionSlug: string, sectionSlug: string) => `section:${exhibitionSlug}/${sectionSlug}`,
  artwork: (artworkSlug: string) => `artwork:${artworkSlug}`,
} as const;
