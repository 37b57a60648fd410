import "server-only";
import { requireStaff } from "@/lib/auth/staff-session";
import type { CatalogueChange } from "@/lib/data/revalidate-catalogue";
import { db } from "@/lib/db";
import { deletePhotographFiles, storePhotograph } from "@/lib/images/photographs";

async function changeFor(artworkId: string): Promise<CatalogueChange> {
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

/** Stores the files first, then the record; a failed record removes the files again. */
export async function addPhotograph(artworkId: string, originalName: string, bytes: Buffer): Promise<CatalogueChange | null> {
  await requireStaff();
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
        position: (last._max.position ?? -1) + 1,
      },
    });
  } catch (error) {
    await deletePhotographFiles(stored.storageKey);
    throw error;
  }
  return changeFor(artworkId);
}

export async function removePhotograph(imageId: string): Promise<{ artworkId: string; change: CatalogueChange } | null> {
  await requireStaff();
  const image = await db.artworkImage.findUnique({ where: { id: imageId } });
  if (!image) return null;
  await db.artworkImage.delete({ where: { id: imageId } });
  await deletePhotographFiles(image.storageKey);
  return { artworkId: image.artworkId, change: await changeFor(image.artworkId) };
}
