/**
 * Which parts of the public catalogue a change touches: the data layer says so after each write, and
 * the glue (lib/catalogue-cache/refresh-catalogue.ts) turns it into the cached pages to refresh.
 */
export type CatalogueChange = {
  artworks?: string[];
  sections?: Array<{ exhibitionSlug: string; sectionSlug: string }>;
  exhibitions?: string[];
  lists?: boolean;
  everything?: boolean;
};
