import "server-only";
import type { CatalogueChange } from "@/lib/catalogue/catalogue-change";
import { db } from "@/lib/db/client";
import { deletePhotographFiles, storePhotograph } from "@/lib/images/photograph-files";

/*
 * A work's photographs as records, without asking who is asking: the callers have (a staff session
 * in lib/data/staff/work-photographs.ts, the import's actor in lib/data/catalogue-import.ts). No session
 * code here, so the import command, which runs outside Next.js, can use it.
 */

/** The pages a change to a work's photographs touches. */
export async function changeFor(artworkId: string): Promise<CatalogueChange> {
  const work = await db.artwork.findUniqueOrThrow({
    where: { id: artworkId },
    include: { section: { include: { exhibition: true, artworks: { select: { slug: true } } } } },
  });
  return {
    artworks: [work.slug],
    sections: [{ exhibitionSlug: work.section.exhibition.slug, sectionSlug: work.section.slug }],
    exhibitions: [work.section.exhibition.slug],
    lists: true,
  };
}

/**
 * Stores the files first, then the record; a failed record removes the files again. For callers
 * that have checked who is asking: addPhotograph (a staff session) and the import (lib/data/catalogue-import.ts).
 */
export async function attachPhotograph(artworkId: string, originalName: string, bytes: Buffer): Promise<CatalogueChange | null> {
  if (!(await db.artwork.findUnique({ where: { id: artworkId }, select: { id: true } }))) return null;
  const stored = await storePhotograph(bytes);
  try {
    const last = await db.artworkImage.aggregate({ where: { artworkId }, _max: { position: true } });
    await db.artworkImage.create({
      data: {
        artworkId,
        storageKey: stored.storageKey,
        originalName: originalName.slice(0, 200),
        mimeType: stored.mimeType,
        width: stored.width,
        height: stored.height,
        hasAvif: stored.hasAvif,
        zoomWidth: stored.zoomWidth,
        position: (last._max.position ?? -1) + 1,
      },
    });
  } catch (error) {
    await deletePhotographFiles(stored.storageKey);
    throw error;
  }
  return changeFor(artworkId);
}
