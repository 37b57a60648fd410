import "server-only";
import { requireStaff } from "@/lib/auth/staff-session";
import { attachPhotograph, changeFor } from "@/lib/data/photograph-records";
import type { CatalogueChange } from "@/lib/data/revalidate-catalogue";
import { db } from "@/lib/db";
import { deletePhotographFiles } from "@/lib/images/photographs";

/** A member of staff adds a photograph to a work (the upload on the work's page). */
export async function addPhotograph(artworkId: string, originalName: string, bytes: Buffer): Promise<CatalogueChange | null> {
  await requireStaff();
  return attachPhotograph(artworkId, originalName, bytes);
}

export async function removePhotograph(imageId: string): Promise<{ artworkId: string; change: CatalogueChange } | null> {
  await requireStaff();
  const image = await db.artworkImage.findUnique({ where: { id: imageId } });
  if (!image) return null;
  await db.artworkImage.delete({ where: { id: imageId } });
  await deletePhotographFiles(image.storageKey);
  return { artworkId: image.artworkId, change: await changeFor(image.artworkId) };
}
