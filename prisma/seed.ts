/**
 * Loads the Norman Neasom exhibition. Idempotent and non-destructive: it creates what is
 * missing and never overwrites a record that exists, so staff edits survive every restart.
 */
import { db } from "@/lib/db/client";
import { parseSizeLines } from "@/lib/catalogue/sizes";
import { parsePrice } from "@/lib/catalogue/prices";
import { artworkSlugBase } from "@/lib/catalogue/slugs";
import { availabilityFromGalleryText, categoryFromGalleryWord } from "@/lib/catalogue/vocabulary";
import { artist, artworks, exhibition, sections } from "./seed/neasom-catalogue";

export async function seedCatalogue(): Promise<{ created: number }> {
  let created = 0;
  const savedArtist = await db.artist.upsert({
    where: { slug: artist.slug },
    update: {},
    create: { ...artist, birthDate: new Date(artist.birthDate), deathDate: new Date(artist.deathDate) },
  });
  const savedExhibition = await db.exhibition.upsert({
    where: { slug: exhibition.slug },
    update: {},
    create: { ...exhibition, artistId: savedArtist.id, isCurrent: true, published: true },
  });

  const sectionIds = new Map<string, string>();
  for (const [position, section] of sections.entries()) {
    const saved = await db.section.upsert({
      where: { exhibitionId_slug: { exhibitionId: savedExhibition.id, slug: section.slug } },
      update: {},
      create: { ...section, position, exhibitionId: savedExhibition.id },
    });
    sectionIds.set(section.title, saved.id);
  }

  const positionInSection = new Map<string, number>();
  const ordered = [...artworks].sort((a, b) => a.catalogueNumber.localeCompare(b.catalogueNumber, "en", { numeric: true }));
  for (const work of ordered) {
    const sectionId = sectionIds.get(work.section);
    if (!sectionId) throw new Error(`Seed work "${work.title}" names an unknown section "${work.section}"`);
    const position = positionInSection.get(sectionId) ?? 0;
    positionInSection.set(sectionId, position + 1);

    const slug = artworkSlugBase(work.catalogueNumber, work.title);
    if (await db.artwork.findUnique({ where: { slug }, select: { id: true } })) continue;

    const category = categoryFromGalleryWord(work.category);
    const availability = availabilityFromGalleryText(work.availability);
    if (!category || !availability) throw new Error(`Seed work "${work.title}" has an unknown category or status`);
    const price = parsePrice(work.price);
    const dimensions = parseSizeLines(work.sizeAsWritten, work.framedAsWritten);

    await db.artwork.create({
      data: {
        slug,
        catalogueNumber: work.catalogueNumber,
        title: work.title,
        sectionId,
        position,
        category,
        technique: work.technique,
        signature: work.signature,
        year: work.year,
        description: work.description,
        curatorNote: work.curatorNote,
        availability,
        priceMinor: price?.amountMinor ?? null,
        currency: price?.currency ?? null,
        featured: work.featured ?? false,
        published: true,
        sizeAsWritten: [work.sizeAsWritten, work.framedAsWritten].filter(Boolean).join(" - "),
        dimensions: { create: dimensions.map((dimension, index) => ({ ...dimension, position: index })) },
      },
    });
    created += 1;
  }
  return { created };
}
