import "server-only";
import { requireRole, type StaffMember } from "@/lib/staff/roles";
import { attachPhotograph, changeFor } from "@/lib/data/photograph-records";
import type { CatalogueChange } from "@/lib/catalogue/catalogue-change";
import { activityEntry } from "@/lib/data/activity";
import { workLabel } from "@/lib/catalogue/describe";
import { db } from "@/lib/db/client";
import { deletePhotographFiles } from "@/lib/images/photograph-files";

/** A member of staff adds a photograph to a work (the upload on the work's page). */
async function labelOf(artworkId: string): Promise<string> {
  const work = await db.artwork.findUnique({ where: { id: artworkId }, select: { catalogueNumber: true, title: true } });
  return work ? workLabel(work) : artworkId;
}

export async function addPhotograph(
  staff: StaffMember,
  artworkId: string,
  originalName: string,
  bytes: Buffer,
): Promise<CatalogueChange | null> {
  requireRole(staff, "staff");
  const change = await attachPhotograph(artworkId, originalName, bytes);
  if (change)
    await activityEntry({
      actor: staff,
      action: "added a photograph",
      subjectType: "artwork",
      subjectId: artworkId,
      subjectLabel: await labelOf(artworkId),
      detail: originalName.slice(0, 200),
    });
  return change;
}

export async function removePhotograph(
  staff: StaffMember,
  imageId: string,
): Promise<{ artworkId: string; change: CatalogueChange } | null> {
  requireRole(staff, "staff");
  const image = await db.artworkImage.findUnique({ where: { id: imageId } });
  if (!image) return null;
  await db.$transaction([
    db.artworkImage.delete({ where: { id: imageId } }),
    activityEntry({
      actor: staff,
      action: "removed a photograph",
      subjectType: "artwork",
      subjectId: image.artworkId,
      subjectLabel: await labelOf(image.artworkId),
      detail: image.originalName,
    }),
  ]);
  await deletePhotographFiles(image.storageKey);
  return { artworkId: image.artworkId, change: await changeFor(image.artworkId) };
}

/** Staff's description of what a photograph shows, for people who cannot see it (empty: the work's own words are used). */
export async function setPhotographAlt(
  staff: StaffMember,
  imageId: string,
  altText: string,
): Promise<{ artworkId: string; change: CatalogueChange } | null> {
  requireRole(staff, "staff");
  const image = await db.artworkImage.findUnique({ where: { id: imageId }, select: { artworkId: true } });
  if (!image) return null;
  await db.$transaction([
    db.artworkImage.update({ where: { id: imageId }, data: { altText } }),
    activityEntry({
      actor: staff,
      action: "described a photograph",
      subjectType: "artwork",
      subjectId: image.artworkId,
      subjectLabel: await labelOf(image.artworkId),
      newValue: altText,
    }),
  ]);
  return { artworkId: image.artworkId, change: await changeFor(image.artworkId) };
}

/** Moves a photograph one place earlier or later among its work's photographs (the first is the main one). */
export async function movePhotograph(
  staff: StaffMember,
  imageId: string,
  direction: "up" | "down",
): Promise<{ artworkId: string; change: CatalogueChange } | null> {
  requireRole(staff, "staff");
  const image = await db.artworkImage.findUnique({ where: { id: imageId }, select: { artworkId: true } });
  if (!image) return null;
  await db.$transaction(async (tx) => {
    const siblings = await tx.artworkImage.findMany({
      where: { artworkId: image.artworkId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true },
    });
    const from = siblings.findIndex((sibling) => sibling.id === imageId);
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= siblings.length) return;
    const order = siblings.map((sibling) => sibling.id);
    [order[from], order[to]] = [order[to]!, order[from]!];
    // Positions written afresh 0…n-1: older rows may share a position.
    for (const [position, id] of order.entries()) await tx.artworkImage.update({ where: { id }, data: { position } });
  });
  return { artworkId: image.artworkId, change: await changeFor(image.artworkId) };
}
