import "server-only";
import { availabilityFrom, categoryFrom } from "@/lib/data/database-values";
import { requireRole, type StaffMember } from "@/lib/staff/roles";
import { activityEntry, recordActivity, type ActivityRecord } from "@/lib/data/activity";
import { queueAvailableAgainEmails } from "@/lib/data/availability-alerts";
import { endHoldInTransaction } from "@/lib/data/holds";
import { workLabel } from "@/lib/catalogue/describe";
import { formatPrice } from "@/lib/catalogue/prices";
import { AVAILABILITY_LABELS, type Availability, type Category } from "@/lib/catalogue/vocabulary";
import { toDimensionView, type DimensionView } from "@/lib/data/catalogue";
import type { CatalogueChange } from "@/lib/catalogue/catalogue-change";
import { changeAround, mergeChanges } from "@/lib/data/catalogue-changes";
import { db } from "@/lib/db/client";
import { dimensionsOf, type ArtworkEdit } from "@/lib/validations/artwork-edit";

export type StaffCatalogue = Array<{
  id: string;
  slug: string;
  title: string;
  summary: string;
  introduction: string;
  published: boolean;
  sections: Array<{
    id: string;
    slug: string;
    title: string;
    introduction: string;
    works: Array<{
      id: string;
      slug: string;
      catalogueNumber: string;
      title: string;
      availability: Availability;
      published: boolean;
      photographs: number;
      /** A size line or price words kept as written for staff to check. */
      needsChecking: boolean;
    }>;
  }>;
}>;

/** The exhibitions alone, in the order the catalogue page lists them: for choosing one (the import), without reading every work. */
export async function listExhibitionsForStaff(staff: StaffMember): Promise<Array<{ slug: string; title: string }>> {
  requireRole(staff);
  return db.exhibition.findMany({ orderBy: { createdAt: "asc" }, select: { slug: true, title: true } });
}

export async function listCatalogueForStaff(staff: StaffMember): Promise<StaffCatalogue> {
  requireRole(staff);
  const exhibitions = await db.exhibition.findMany({
    orderBy: { createdAt: "asc" },
    include: {
      sections: {
        orderBy: { position: "asc" },
        include: { artworks: { orderBy: { position: "asc" }, include: { _count: { select: { images: true, dimensions: true } } } } },
      },
    },
  });
  return exhibitions.map((exhibition) => ({
    id: exhibition.id,
    slug: exhibition.slug,
    title: exhibition.title,
    summary: exhibition.summary,
    introduction: exhibition.introduction,
    published: exhibition.published,
    sections: exhibition.sections.map((section) => ({
      id: section.id,
      slug: section.slug,
      title: section.title,
      introduction: section.introduction,
      works: section.artworks.map((work) => ({
        id: work.id,
        slug: work.slug,
        catalogueNumber: work.catalogueNumber,
        title: work.title,
        availability: availabilityFrom(work.availability),
        published: work.published,
        photographs: work._count.images,
        needsChecking: Boolean(work.priceAsWritten) || (Boolean(work.sizeAsWritten) && work._count.dimensions === 0),
      })),
    })),
  }));
}

export type ArtworkForEdit = {
  id: string;
  slug: string;
  catalogueNumber: string;
  title: string;
  sectionId: string;
  category: Category;
  technique: string | null;
  signature: string | null;
  year: number | null;
  description: string;
  curatorNote: string | null;
  availability: Availability;
  priceMinor: number | null;
  currency: string | null;
  priceAsWritten: string | null;
  published: boolean;
  featured: boolean;
  sizeAsWritten: string | null;
  dimensions: DimensionView[];
  images: Array<{ id: string; storageKey: string; originalName: string; width: number; height: number; altText: string }>;
  sections: Array<{ id: string; label: string }>;
};

export async function getArtworkForEdit(staff: StaffMember, id: string): Promise<ArtworkForEdit | null> {
  requireRole(staff);
  const work = await db.artwork.findUnique({
    where: { id },
    include: {
      dimensions: { orderBy: { position: "asc" } },
      images: { orderBy: [{ position: "asc" }, { createdAt: "asc" }] },
      section: true,
    },
  });
  if (!work) return null;
  const sections = await db.section.findMany({ where: { exhibitionId: work.section.exhibitionId }, orderBy: { position: "asc" } });
  return {
    id: work.id,
    slug: work.slug,
    catalogueNumber: work.catalogueNumber,
    title: work.title,
    sectionId: work.sectionId,
    category: categoryFrom(work.category),
    technique: work.technique,
    signature: work.signature,
    year: work.year,
    description: work.description,
    curatorNote: work.curatorNote,
    availability: availabilityFrom(work.availability),
    priceMinor: work.priceMinor,
    currency: work.currency,
    priceAsWritten: work.priceAsWritten,
    published: work.published,
    featured: work.featured,
    sizeAsWritten: work.sizeAsWritten,
    dimensions: work.dimensions.map(toDimensionView),
    images: work.images.map((image) => ({
      id: image.id,
      storageKey: image.storageKey,
      originalName: image.originalName,
      width: image.width,
      height: image.height,
      altText: image.altText,
    })),
    sections: sections.map((section) => ({ id: section.id, label: section.title })),
  };
}

/** A price as the history writes it. */
function priceWords(priceMinor: number | null, currency: string | null): string {
  return priceMinor !== null && currency ? formatPrice(priceMinor, currency) : "no price";
}

export async function updateArtwork(staff: StaffMember, edit: ArtworkEdit): Promise<CatalogueChange | null> {
  requireRole(staff, "staff");
  const existing = await db.artwork.findUnique({
    where: { id: edit.id },
    include: { section: { select: { exhibitionId: true } } },
  });
  if (!existing) return null;
  const target = await db.section.findFirst({ where: { id: edit.sectionId, exhibitionId: existing.section.exhibitionId } });
  if (!target) return null;
  const before = await changeAround(edit.id);
  const movesSection = target.id !== existing.sectionId;
  const lastInTarget = movesSection ? await db.artwork.aggregate({ where: { sectionId: target.id }, _max: { position: true } }) : null;
  const dimensions = dimensionsOf(edit);

  // The history keeps old and new values of price, availability and publication; other fields are named only.
  const label = workLabel({ catalogueNumber: edit.catalogueNumber, title: edit.title });
  const history: ActivityRecord[] = [];
  const logged = (field: string, oldValue: string, newValue: string) => {
    if (oldValue !== newValue)
      history.push({
        actor: staff,
        action: "edited",
        subjectType: "artwork",
        subjectId: edit.id,
        subjectLabel: label,
        field,
        oldValue,
        newValue,
      });
  };
  logged(
    "price",
    priceWords(existing.priceMinor, existing.currency),
    priceWords(edit.price?.amountMinor ?? null, edit.price?.currency ?? null),
  );
  logged(
    "availability",
    AVAILABILITY_LABELS[availabilityFrom(existing.availability)],
    AVAILABILITY_LABELS[edit.availability],
  );
  logged("publication", existing.published ? "published" : "hidden", edit.published ? "published" : "hidden");
  const otherFields = (
    [
      ["catalogue number", existing.catalogueNumber, edit.catalogueNumber],
      ["title", existing.title, edit.title],
      ["section", existing.sectionId, target.id],
      ["category", existing.category, edit.category],
      ["medium", existing.technique ?? "", edit.technique ?? ""],
      ["signature", existing.signature ?? "", edit.signature ?? ""],
      ["year", String(existing.year ?? ""), String(edit.year ?? "")],
      ["description", existing.description, edit.description],
      ["curator's note", existing.curatorNote ?? "", edit.curatorNote ?? ""],
      ["featured", String(existing.featured), String(edit.featured)],
    ] as const
  ).filter(([, oldValue, newValue]) => oldValue !== newValue);
  if (otherFields.length > 0) {
    history.push({
      actor: staff,
      action: "edited",
      subjectType: "artwork",
      subjectId: edit.id,
      subjectLabel: label,
      detail: `Changed: ${otherFields.map(([name]) => name).join(", ")}`,
    });
  }

  const now = new Date();
  const becameAvailable = edit.availability === "available" && existing.availability !== "available";
  await db.$transaction(async (tx) => {
    await tx.artwork.update({
      where: { id: edit.id },
      data: {
        catalogueNumber: edit.catalogueNumber,
        title: edit.title,
        sectionId: target.id,
        ...(movesSection ? { position: (lastInTarget?._max.position ?? -1) + 1 } : {}),
        category: edit.category,
        technique: edit.technique,
        signature: edit.signature,
        year: edit.year,
        description: edit.description,
        curatorNote: edit.curatorNote,
        availability: edit.availability,
        priceMinor: edit.price?.amountMinor ?? null,
        currency: edit.price?.currency ?? null,
        published: edit.published,
        featured: edit.featured,
      },
    });
    await tx.dimension.deleteMany({ where: { artworkId: edit.id } });
    await tx.dimension.createMany({ data: dimensions.map((dimension, position) => ({ ...dimension, artworkId: edit.id, position })) });
    for (const entry of history) await recordActivity(tx, entry);
    // Marked anything but Reserved, the work's hold ends with it (as sold, or released); marked
    // Available again, everyone waiting to hear is told.
    const open = await tx.workHold.findFirst({ where: { artworkId: edit.id, endedAt: null } });
    if (open && edit.availability !== "reserved") await endHoldInTransaction(tx, open, edit.availability === "sold" ? "sold" : "released", staff, now);
    if (becameAvailable) await queueAvailableAgainEmails(tx, edit.id, now);
  });
  return mergeChanges(before, await changeAround(edit.id));
}

export async function setArtworkPublished(staff: StaffMember, id: string, published: boolean): Promise<CatalogueChange | null> {
  requireRole(staff, "staff");
  const work = await db.artwork.findUnique({ where: { id }, select: { published: true, catalogueNumber: true, title: true } });
  if (!work) return null;
  await db.$transaction([
    db.artwork.update({ where: { id }, data: { published } }),
    activityEntry({
      actor: staff,
      action: published ? "published" : "unpublished",
      subjectType: "artwork",
      subjectId: id,
      subjectLabel: workLabel(work),
      field: "publication",
      oldValue: work.published ? "published" : "hidden",
      newValue: published ? "published" : "hidden",
    }),
  ]);
  return changeAround(id);
}

/** Swaps a work with its neighbour in the section's order. */
export async function moveArtwork(staff: StaffMember, id: string, direction: "up" | "down"): Promise<CatalogueChange | null> {
  requireRole(staff, "staff");
  const work = await db.artwork.findUnique({ where: { id } });
  if (!work) return null;
  const siblings = await db.artwork.findMany({
    where: { sectionId: work.sectionId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true },
  });
  const index = siblings.findIndex((sibling) => sibling.id === id);
  const swapWith = siblings[direction === "up" ? index - 1 : index + 1];
  if (!swapWith) return changeAround(id);
  const order = siblings.map((sibling) => sibling.id);
  order[index] = swapWith.id;
  order[direction === "up" ? index - 1 : index + 1] = id;
  // Positions are rewritten 0..n so earlier gaps or ties can't make a move a no-op.
  await db.$transaction([
    ...order.map((artworkId, position) => db.artwork.update({ where: { id: artworkId }, data: { position } })),
    activityEntry({
      actor: staff,
      action: `moved ${direction === "up" ? "earlier" : "later"} in its section`,
      subjectType: "artwork",
      subjectId: id,
      subjectLabel: workLabel(work),
    }),
  ]);
  return changeAround(id);
}

async function sectionChange(sectionId: string): Promise<CatalogueChange> {
  const section = await db.section.findUniqueOrThrow({
    where: { id: sectionId },
    include: { exhibition: true, artworks: { select: { slug: true } } },
  });
  return {
    sections: [{ exhibitionSlug: section.exhibition.slug, sectionSlug: section.slug }],
    exhibitions: [section.exhibition.slug],
    artworks: section.artworks.map((work) => work.slug),
    lists: true,
  };
}

export async function updateSection(
  staff: StaffMember,
  input: { id: string; title: string; introduction: string },
): Promise<CatalogueChange | null> {
  requireRole(staff, "staff");
  const section = await db.section.findUnique({ where: { id: input.id }, select: { title: true, introduction: true } });
  if (!section) return null;
  await db.$transaction([
    db.section.update({ where: { id: input.id }, data: { title: input.title, introduction: input.introduction } }),
    activityEntry({
      actor: staff,
      action: "edited",
      subjectType: "section",
      subjectId: input.id,
      subjectLabel: input.title,
      field: section.title !== input.title ? "title" : null,
      oldValue: section.title !== input.title ? section.title : null,
      newValue: section.title !== input.title ? input.title : null,
      detail: section.introduction !== input.introduction ? "Changed: introduction" : null,
    }),
  ]);
  return sectionChange(input.id);
}

export async function moveSection(staff: StaffMember, id: string, direction: "up" | "down"): Promise<CatalogueChange | null> {
  requireRole(staff, "staff");
  const section = await db.section.findUnique({ where: { id } });
  if (!section) return null;
  const siblings = await db.section.findMany({
    where: { exhibitionId: section.exhibitionId },
    orderBy: { position: "asc" },
    select: { id: true },
  });
  const index = siblings.findIndex((sibling) => sibling.id === id);
  const target = direction === "up" ? index - 1 : index + 1;
  if (target < 0 || target >= siblings.length) return sectionChange(id);
  const order = siblings.map((sibling) => sibling.id);
  [order[index], order[target]] = [order[target]!, order[index]!];
  await db.$transaction([
    ...order.map((sectionId, position) => db.section.update({ where: { id: sectionId }, data: { position } })),
    activityEntry({
      actor: staff,
      action: `moved ${direction === "up" ? "earlier" : "later"}`,
      subjectType: "section",
      subjectId: id,
      subjectLabel: section.title,
    }),
  ]);
  return sectionChange(id);
}

export async function updateExhibition(
  staff: StaffMember,
  input: {
    id: string;
    title: string;
    summary: string;
    introduction: string;
    published: boolean;
  },
): Promise<CatalogueChange | null> {
  requireRole(staff, "staff");
  const exhibition = await db.exhibition.findUnique({ where: { id: input.id }, select: { published: true } });
  if (!exhibition) return null;
  await db.$transaction([
    db.exhibition.update({
      where: { id: input.id },
      data: { title: input.title, summary: input.summary, introduction: input.introduction, published: input.published },
    }),
    activityEntry({
      actor: staff,
      action: "edited",
      subjectType: "exhibition",
      subjectId: input.id,
      subjectLabel: input.title,
      field: exhibition.published !== input.published ? "publication" : null,
      oldValue: exhibition.published !== input.published ? (exhibition.published ? "published" : "hidden") : null,
      newValue: exhibition.published !== input.published ? (input.published ? "published" : "hidden") : null,
    }),
  ]);
  // The exhibition's title is in every breadcrumb below it.
  return { everything: true };
}
