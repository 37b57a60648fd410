import "server-only";
import type { CatalogueChange } from "@/lib/catalogue/catalogue-change";
import { db } from "@/lib/db/client";

/** What a write to one work touches, for the glue to refresh (staff edits, holds, sales, the expiry sweep). */

async function placeOf(artworkId: string) {
  const work = await db.artwork.findUniqueOrThrow({ where: { id: artworkId }, include: { section: { include: { exhibition: true } } } });
  return {
    slug: work.slug,
    sectionId: work.sectionId,
    section: { exhibitionSlug: work.section.exhibition.slug, sectionSlug: work.section.slug },
    exhibitionSlug: work.section.exhibition.slug,
  };
}

/** Every page a work appears on: its own, its section's, its neighbours' (previous/next), the exhibition's and the lists. */
export async function changeAround(artworkId: string): Promise<CatalogueChange> {
  const place = await placeOf(artworkId);
  const neighbours = await db.artwork.findMany({ where: { sectionId: place.sectionId }, select: { slug: true } });
  return {
    artworks: neighbours.map((neighbour) => neighbour.slug),
    sections: [place.section],
    exhibitions: [place.exhibitionSlug],
    lists: true,
  };
}

export function mergeChanges(...changes: CatalogueChange[]): CatalogueChange {
  return {
    artworks: [...new Set(changes.flatMap((change) => change.artworks ?? []))],
    sections: changes.flatMap((change) => change.sections ?? []),
    exhibitions: [...new Set(changes.flatMap((change) => change.exhibitions ?? []))],
    lists: changes.some((change) => change.lists),
  };
}

