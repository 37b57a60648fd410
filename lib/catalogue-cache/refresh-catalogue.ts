import "server-only";
import { revalidateTag, updateTag } from "next/cache";
import { cacheTags } from "@/lib/catalogue-cache/cache-tags";
import type { CatalogueChange } from "@/lib/catalogue/catalogue-change";
import { markCatalogueShown, readCatalogueStamp } from "@/lib/data/catalogue-stamp";
import { logger } from "@/lib/logger";

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
    markCatalogueShown().catch((error: unknown) => logger.warn({ err: error }, "Could not record the catalogue version the pages show"));
  }
  return tags;
}

/** Called as the site starts (scripts/build/warm-server.mjs): refreshes every catalogue page if the data moved while it was away. */
export async function refreshIfChangedWhileAway(): Promise<{ refreshed: boolean; version: number }> {
  const { version, shownVersion } = await readCatalogueStamp();
  if (version === shownVersion) return { refreshed: false, version };
  refreshCatalogue({ everything: true }, "route");
  await markCatalogueShown(version);
  logger.info({ version, shownVersion }, "The catalogue changed while the site was stopped: every catalogue page refreshed");
  return { refreshed: true, version };
}
