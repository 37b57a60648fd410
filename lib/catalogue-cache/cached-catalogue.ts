import "server-only";
import { unstable_cache } from "next/cache";
import { cacheTags } from "@/lib/catalogue-cache/cache-tags";
import {
  findIndexedArtworks,
  indexArtworks,
  readArtwork,
  readCurrentExhibition,
  readExhibition,
  readFeaturedArtworks,
  readPublishedArtworks,
  readSection,
  type ArtworkDetail,
  type ArtworkFilters,
  type ArtworkIndex,
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

const globalForIndex = globalThis as unknown as { galleryArtworkIndex?: { version: string; index: Promise<ArtworkIndex> } };

/**
 * The published works, parsed once per process and version: the cache hands back JSON, and
 * parsing thousands of works on every visit to All works would cost more than the page.
 */
async function artworkIndex(): Promise<ArtworkIndex> {
  const version = await getPublishedArtworksVersion();
  const held = globalForIndex.galleryArtworkIndex;
  if (held?.version === version) return held.index;
  const index = getPublishedArtworks().then(indexArtworks);
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

export async function findArtworks(filters: ArtworkFilters): Promise<ArtworkSummary[]> {
  return findIndexedArtworks(await artworkIndex(), filters);
}
