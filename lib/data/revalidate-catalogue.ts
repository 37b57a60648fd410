import "server-only";
import { revalidateTag, updateTag } from "next/cache";
import { cacheTags } from "@/lib/data/cache-tags";
import { logger } from "@/lib/logger";

export type CatalogueChange = {
  artworks?: string[];
  sections?: Array<{ exhibitionSlug: string; sectionSlug: string }>;
  exhibitions?: string[];
  lists?: boolean;
  everything?: boolean;
};

export function tagsFor(change: CatalogueChange): string[] {
  const tags = new Set<string>();
  if (change.everything) tags.add(cacheTags.catalogue);
  for (const slug of change.artworks ?? []) tags.add(cacheTags.artwork(slug));
  for (const section of change.sections ?? []) tags.add(cacheTags.section(section.exhibitionSlug, section.sectionSlug));
  for (const slug of change.exhibitions ?? []) tags.add(cacheTags.exhibition(slug));
  if (change.lists) tags.add(cacheTags.artworkLists);
  return [...tags];
}

/**
 * Refreshes exactly the cached reads (and so the pre-rendered pages) a change touches.
 * In a server action the staff member sees their own change at once (updateTag); elsewhere
 * (a route handler called by the import command) the next visitor gets a fresh page.
 */
export function refreshCatalogue(change: CatalogueChange, context: "action" | "route"): string[] {
  const tags = tagsFor(change);
  for (const tag of tags) {
    if (context === "action") updateTag(tag);
    else revalidateTag(tag, { expire: 0 });
  }
  // After a refresh of everything the pages follow the database as it is, so a later start need not
  // refresh them all again. (Not after a partial one: it vouches only for the pages it touched.)
  if (change.everything) {
    import("./catalogue-stamp")
      .then(({ markCatalogueShown }) => markCatalogueShown())
      .catch((error: unknown) => logger.warn({ err: error }, "Could not record the catalogue version the pages show"));
  }
  return tags;
}
