import "server-only";
import { unstable_cache } from "next/cache";
import { CATEGORIES, type Category } from "@/lib/catalogue/vocabulary";
import { cacheTags } from "@/lib/catalogue-cache/cache-tags";
import {
  COMPARATORS,
  filterArtworks,
  readArtwork,
  readCurrentExhibition,
  readExhibition,
  readFeaturedArtworks,
  readPublishedArtworks,
  readSection,
  type ArtworkDetail,
  type ArtworkFilters,
  type ArtworkSummary,
  type ExhibitionView,
  type SectionView,
} from "@/lib/data/catalogue";

/**
 * The catalogue's public reads, cached (unstable_cache) under the tags lib/catalogue-cache/refresh-catalogue.ts
 * refreshes: pages read the catalogue through these, so a page is made from the database once per change.
 * The reads themselves are plain Node (lib/data/catalogue.ts), for the worker, the scripts and the tests.
 */

export const getCurrentExhibition = unstable_cache(readCurrentExhibition, ["current-exhibition"], {
  tags: [cacheTags.catalogue, cacheTags.artworkLists],
});

export const getFeaturedArtworks = unstable_cache(readFeaturedArtworks, ["featured-artworks"], {
  tags: [cacheTags.catalogue, cacheTags.artworkLists],
});

export async function getExhibition(slug: string): Promise<ExhibitionView | null> {
  return unstable_cache(() => readExhibition(slug), ["exhibition", slug], {
    tags: [cacheTags.catalogue, cacheTags.exhibition(slug)],
  })();
}

export async function getSection(exhibitionSlug: string, sectionSlug: string): Promise<SectionView | null> {
  return unstable_cache(() => readSection(exhibitionSlug, sectionSlug), ["section", exhibitionSlug, sectionSlug], {
    tags: [cacheTags.catalogue, cacheTags.section(exhibitionSlug, sectionSlug)],
  })();
}

export async function getArtwork(slug: string): Promise<ArtworkDetail | null> {
  return unstable_cache(() => readArtwork(slug), ["artwork", slug], {
    tags: [cacheTags.catalogue, cacheTags.artwork(slug)],
  })();
}

const getPublishedArtworks = unstable_cache(readPublishedArtworks, ["published-artworks"], {
  tags: [cacheTags.catalogue, cacheTags.artworkLists],
});

/**
 * A token that changes whenever the cached list is revalidated: a tiny cache entry under the same
 * tags, made afresh after every change (in every process, through the shared cache).
 */
const getPublishedArtworksVersion = unstable_cache(async () => `${Date.now()}-${Math.random()}`, ["published-artworks-version"], {
  tags: [cacheTags.catalogue, cacheTags.artworkLists],
});

/** The published works in each order All works offers, whole and by section, computed once per catalogue change, not per visit. */
type ArtworkIndex = {
  sorted: Record<ArtworkFilters["sort"], ArtworkSummary[]>;
  /** The sections and categories that have published works, for the filters. */
  sections: Array<{ slug: string; title: string }>;
  categories: Category[];
  /** Each section's works in each order, so a section's page of All works reads only that section. */
  sortedBySection: Map<string, Record<ArtworkFilters["sort"], ArtworkSummary[]>>;
};

function indexOf(all: ArtworkSummary[]): ArtworkIndex {
  const sorted = Object.fromEntries(
    Object.entries(COMPARATORS).map(([sort, compare]) => [sort, [...all].sort(compare)]),
  ) as ArtworkIndex["sorted"];
  const sections = [...new Map(all.map((work) => [work.section.slug, work.section.title])).entries()].map(([slug, title]) => ({
    slug,
    title,
  }));
  const present = new Set(all.map((work) => work.category));
  const sortedBySection = new Map(
    sections.map(({ slug }) => [
      slug,
      Object.fromEntries(
        Object.entries(sorted).map(([sort, works]) => [sort, works.filter((work) => work.section.slug === slug)]),
      ) as ArtworkIndex["sorted"],
    ]),
  );
  return { sorted, sections, categories: CATEGORIES.filter((category) => present.has(category)), sortedBySection };
}

const globalForIndex = globalThis as unknown as { galleryArtworkIndex?: { version: string; index: Promise<ArtworkIndex> } };

/**
 * The published works, parsed once per process and version: the cache hands back JSON, and
 * parsing thousands of works on every visit to All works would cost more than the page.
 */
async function artworkIndex(): Promise<ArtworkIndex> {
  const version = await getPublishedArtworksVersion();
  const held = globalForIndex.galleryArtworkIndex;
  if (held?.version === version) return held.index;
  const index = getPublishedArtworks().then(indexOf);
  globalForIndex.galleryArtworkIndex = { version, index };
  index.catch(() => {
    if (globalForIndex.galleryArtworkIndex?.index === index) globalForIndex.galleryArtworkIndex = undefined;
  });
  return index;
}

/** What All works can be filtered by: the sections and categories that have published works. */
export async function listArtworkFilterChoices(): Promise<Pick<ArtworkIndex, "sections" | "categories">> {
  const { sections, categories } = await artworkIndex();
  return { sections, categories };
}

/** Filtering happens on the memoised, pre-sorted lists: a catalogue is thousands of works, not millions. */
export async function findArtworks(filters: ArtworkFilters): Promise<ArtworkSummary[]> {
  const index = await artworkIndex();
  const base = filters.section ? (index.sortedBySection.get(filters.section)?.[filters.sort] ?? []) : index.sorted[filters.sort];
  return filterArtworks(base, filters);
}
