import "server-only";
import { requireStaff } from "@/lib/auth/staff-session";
import type { Availability, Category } from "@/lib/catalogue/vocabulary";
import { toDimensionView, type DimensionView } from "@/lib/data/catalogue";
import type { CatalogueChange } from "@/lib/data/revalidate-catalogue";
import { db } from "@/lib/db";
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

export async function listCatalogueForStaff(): Promise<StaffCatalogue> {
  await requireStaff();
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
        availability: work.availability as Availability,
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

export async function getArtworkForEdit(id: string): Promise<ArtworkForEdit | null> {
  await requireStaff();
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
    category: work.category as Category,
    technique: work.technique,
    signature: work.signature,
    year: work.year,
    description: work.description,
    curatorNote: work.curatorNote,
    availability: work.availability as Availability,
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
async function changeAround(artworkId: string): Promise<CatalogueChange> {
  const place = await placeOf(artworkId);
  const neighbours = await db.artwork.findMany({ where: { sectionId: place.sectionId }, select: { slug: true } });
  return {
    artworks: neighbours.map((neighbour) => neighbour.slug),
    sections: [place.section],
    exhibitions: [place.exhibitionSlug],
    lists: true,
  };
}

function merge(...changes: CatalogueChange[]): CatalogueChange {
  return {
    artworks: [...new Set(changes.flatMap((change) => change.artworks ?? []))],
    sections: changes.flatMap((change) => change.sections ?? []),
    exhibitions: [...new Set(changes.flatMap((change) => change.exhibitions ?? []))],
    lists: changes.some((change) => change.lists),
  };
}

export async function updateArtwork(edit: ArtworkEdit): Promise<CatalogueChange | null> {
  await requireStaff("staff");
  const existing = await db.artwork.findUnique({
    where: { id: edit.id },
    select: { sectionId: true, section: { select: { exhibitionId: true } } },
  });
  if (!existing) return null;
  const target = await db.section.findFirst({ where: { id: edit.sectionId, exhibitionId: existing.section.exhibitionId } });
  if (!target) return null;
  const before = await changeAround(edit.id);
  const movesSection = target.id !== existing.sectionId;
  const lastInTarget = movesSection ? await db.artwork.aggregate({ where: { sectionId: target.id }, _max: { position: true } }) : null;
  const dimensions = dimensionsOf(edit);

  await db.$transaction([
    db.artwork.update({
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
    }),
    db.dimension.deleteMany({ where: { artworkId: edit.id } }),
    db.dimension.createMany({ data: dimensions.map((dimension, position) => ({ ...dimension, artworkId: edit.id, position })) }),
  ]);
  return merge(before, await changeAround(edit.id));
}

export async function setArtworkPublished(id: string, published: boolean): Promise<CatalogueChange | null> {
  await requireStaff("staff");
  const { count } = await db.artwork.updateMany({ where: { id }, data: { published } });
  return count === 1 ? changeAround(id) : null;
}

/** Swaps a work with its neighbour in the section's order. */
export async function moveArtwork(id: string, direction: "up" | "down"): Promise<CatalogueChange | null> {
  await requireStaff("staff");
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
  await db.$transaction(order.map((artworkId, position) => db.artwork.update({ where: { id: artworkId }, data: { position } })));
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

export async function updateSection(input: { id: string; title: string; introduction: string }): Promise<CatalogueChange | null> {
  await requireStaff("staff");
  const { count } = await db.section.updateMany({
    where: { id: input.id },
    data: { title: input.title, introduction: input.introduction },
  });
  return count === 1 ? sectionChange(input.id) : null;
}

export async function moveSection(id: string, direction: "up" | "down"): Promise<CatalogueChange | null> {
  await requireStaff("staff");
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
  await db.$transaction(order.map((sectionId, position) => db.section.update({ where: { id: sectionId }, data: { position } })));
  return sectionChange(id);
}

export async function updateExhibition(input: {
  id: string;
  title: string;
  summary: string;
  introduction: string;
  published: boolean;
}): Promise<CatalogueChange | null> {
  await requireStaff("staff");
  const { count } = await db.exhibition.updateMany({
    where: { id: input.id },
    data: { title: input.title, summary: input.summary, introduction: input.introduction, published: input.published },
  });
  if (count !== 1) return null;
  // The exhibition's title is in every breadcrumb below it.
  return { everything: true };
}
