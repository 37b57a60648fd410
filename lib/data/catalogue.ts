import "server-only";
import { availabilityFrom, categoryFrom, dimensionKindFrom, unitFrom } from "@/lib/data/database-values";
import { closestWorks } from "@/lib/catalogue/similar-works";
import { db } from "@/lib/db/client";
import { areaInSquareCm } from "@/lib/catalogue/sizes";
import { CATEGORIES, type Availability, type Category, type DimensionKind, type Unit } from "@/lib/catalogue/vocabulary";
import type { Prisma } from "@/lib/generated/prisma/client";

/*
 * View models are plain JSON (dates as ISO strings): unstable_cache stores results as JSON,
 * so a Date would come back as a string on a cache hit and as a Date on a miss.
 */

export type DimensionView = { kind: DimensionKind; height: number; width: number; depth: number | null; unit: Unit };

export type ArtistView = {
  name: string;
  slug: string;
  birthYear: number | null;
  deathYear: number | null;
  postNominals: string;
  birthplace: string | null;
  biography: string;
};

export type ArtworkSummary = {
  id: string;
  slug: string;
  catalogueNumber: string;
  title: string;
  category: Category;
  technique: string | null;
  year: number | null;
  availability: Availability;
  priceMinor: number | null;
  currency: string | null;
  dimensions: DimensionView[];
  section: { id: string; slug: string; title: string };
  exhibition: { slug: string; title: string };
  artistName: string;
  /** The first photograph, once staff have uploaded one. */
  /** The first photograph, for cards and lists. */
  photograph: PhotographView | null;
};

export type PhotographView = { storageKey: string; width: number; height: number; hasAvif: boolean; zoomWidth: number; altText: string };

function toPhotographView(image: {
  storageKey: string;
  width: number;
  height: number;
  hasAvif: boolean;
  zoomWidth: number;
  altText: string;
}): PhotographView {
  return {
    storageKey: image.storageKey,
    width: image.width,
    height: image.height,
    hasAvif: image.hasAvif,
    zoomWidth: image.zoomWidth,
    altText: image.altText,
  };
}

export type ArtworkDetail = ArtworkSummary & {
  /** Every photograph, in the order staff set (the work's own page shows them all). */
  photographs: PhotographView[];
  signature: string | null;
  sizeAsWritten: string | null;
  description: string;
  curatorNote: string | null;
  updatedAt: string;
  artist: ArtistView;
  previous: { slug: string; catalogueNumber: string; title: string } | null;
  next: { slug: string; catalogueNumber: string; title: string } | null;
};

export type SectionSummary = {
  id: string;
  slug: string;
  title: string;
  introduction: string;
  workCount: number;
  cover: ArtworkSummary | null;
};

export type ExhibitionView = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  introduction: string;
  artist: ArtistView;
  sections: SectionSummary[];
};

export type SectionView = {
  id: string;
  slug: string;
  title: string;
  introduction: string;
  exhibition: { id: string; slug: string; title: string; artistName: string };
  /** The first SECTION_PAGE_WORKS of its published works, in catalogue order. */
  artworks: ArtworkSummary[];
  /** All its published works: more than `artworks` holds when the section is larger than a page. */
  workCount: number;
};

/**
 * The works a section's page lists. A larger section (an import of a whole stock list into one) links
 * to All works for the rest, filtered to it and paged: listing 5,000 works made a page of 1 MB, and its
 * renders, a few at once, took a web process past its heap (scripts/stack/node-process-flags.ts).
 */
export const SECTION_PAGE_WORKS = 200;

const summaryInclude = {
  dimensions: { orderBy: { position: "asc" } },
  images: { orderBy: { position: "asc" }, take: 1 },
  section: { include: { exhibition: { include: { artist: true } } } },
} satisfies Prisma.ArtworkInclude;

type ArtworkRow = Prisma.ArtworkGetPayload<{ include: typeof summaryInclude }>;

/**
 * Only what a work's summary shows (a card, a list, a section's page). Lists read every published work:
 * with the whole row and its section, exhibition and artist (their introductions, the biography, every
 * date) repeated for each work, the rows of 10,009 generated works held 62.5 MB before the summaries were
 * made (8.7 MB selecting only this), and a few such reads at once took a web process past its 160 MB heap
 * (scripts/stack/node-process-flags.ts).
 */
const summarySelect = {
  id: true,
  slug: true,
  catalogueNumber: true,
  title: true,
  category: true,
  technique: true,
  year: true,
  availability: true,
  priceMinor: true,
  currency: true,
  dimensions: { orderBy: { position: "asc" }, select: { kind: true, height: true, width: true, depth: true, unit: true } },
  images: {
    orderBy: { position: "asc" },
    take: 1,
    select: { storageKey: true, width: true, height: true, hasAvif: true, zoomWidth: true, altText: true },
  },
  section: {
    select: { id: true, slug: true, title: true, exhibition: { select: { slug: true, title: true, artist: { select: { name: true } } } } },
  },
} satisfies Prisma.ArtworkSelect;

type SummaryRow = Prisma.ArtworkGetPayload<{ select: typeof summarySelect }>;

const publishedWork = { published: true, section: { exhibition: { published: true } } } satisfies Prisma.ArtworkWhereInput;

/** A stored dimension as the pages read it (the database keeps kind and unit as checked text). */
export function toDimensionView(dimension: {
  kind: string;
  height: number;
  width: number;
  depth: number | null;
  unit: string;
}): DimensionView {
  return {
    kind: dimensionKindFrom(dimension.kind),
    height: dimension.height,
    width: dimension.width,
    depth: dimension.depth,
    unit: unitFrom(dimension.unit),
  };
}

function toArtist(artist: ArtworkRow["section"]["exhibition"]["artist"]): ArtistView {
  return {
    name: artist.name,
    slug: artist.slug,
    birthYear: artist.birthDate?.getUTCFullYear() ?? null,
    deathYear: artist.deathDate?.getUTCFullYear() ?? null,
    postNominals: artist.postNominals,
    birthplace: artist.birthplace,
    biography: artist.biography,
  };
}

function toSummary(row: SummaryRow): ArtworkSummary {
  return {
    id: row.id,
    slug: row.slug,
    catalogueNumber: row.catalogueNumber,
    title: row.title,
    category: categoryFrom(row.category),
    technique: row.technique,
    year: row.year,
    availability: availabilityFrom(row.availability),
    priceMinor: row.priceMinor,
    currency: row.currency,
    dimensions: row.dimensions.map(toDimensionView),
    section: { id: row.section.id, slug: row.section.slug, title: row.section.title },
    exhibition: { slug: row.section.exhibition.slug, title: row.section.exhibition.title },
    artistName: row.section.exhibition.artist.name,
    photograph: row.images[0] ? toPhotographView(row.images[0]) : null,
  };
}

// Collators made once: String.localeCompare builds one per call, which costs more than the comparison.
const numberCollator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });
const titleCollator = new Intl.Collator("en", { sensitivity: "base" });

/** Catalogue numbers sort as a gallery reads them: 36, 37, 42, 93x, 93xa. */
/** Catalogue order ("9" before "10", "65b" before "65c"); works without a number come after the numbered ones. */
export function compareCatalogueNumbers(a: string, b: string): number {
  if (!a || !b) return Number(!a) - Number(!b);
  return numberCollator.compare(a, b);
}

export async function readCurrentExhibition(): Promise<{ slug: string; title: string; summary: string; artist: ArtistView } | null> {
  const exhibition = await db.exhibition.findFirst({
    where: { published: true },
    orderBy: [{ isCurrent: "desc" }, { createdAt: "desc" }],
    include: { artist: true },
  });
  if (!exhibition) return null;
  return { slug: exhibition.slug, title: exhibition.title, summary: exhibition.summary, artist: toArtist(exhibition.artist) };
}

export async function readFeaturedArtworks(limit: number): Promise<ArtworkSummary[]> {
  const rows = await db.artwork.findMany({
    where: { ...publishedWork, featured: true },
    select: summarySelect,
    orderBy: [{ section: { position: "asc" } }, { position: "asc" }],
    take: limit,
  });
  return rows.map(toSummary);
}

/**
 * A section's order: by position, and by slug where two works share one (an import's Order column can
 * give the same number twice), so the section page and a work's previous/next agree.
 */
const SECTION_ORDER = [{ position: "asc" }, { slug: "asc" }] as const satisfies Prisma.ArtworkOrderByWithRelationInput[];

export async function readExhibition(slug: string): Promise<ExhibitionView | null> {
  const exhibition = await db.exhibition.findUnique({
    where: { slug },
    include: {
      artist: true,
      sections: {
        orderBy: { position: "asc" },
        // Each section's count and its first work (the cover), not all its works.
        include: {
          artworks: { where: { published: true }, select: summarySelect, orderBy: SECTION_ORDER, take: 1 },
          _count: { select: { artworks: { where: { published: true } } } },
        },
      },
    },
  });
  if (!exhibition || !exhibition.published) return null;
  return {
    id: exhibition.id,
    slug: exhibition.slug,
    title: exhibition.title,
    summary: exhibition.summary,
    introduction: exhibition.introduction,
    artist: toArtist(exhibition.artist),
    sections: exhibition.sections.map((section) => ({
      id: section.id,
      slug: section.slug,
      title: section.title,
      introduction: section.introduction,
      workCount: section._count.artworks,
      cover: section.artworks[0] ? toSummary(section.artworks[0]) : null,
    })),
  };
}

export async function readSection(exhibitionSlug: string, sectionSlug: string): Promise<SectionView | null> {
  const section = await db.section.findFirst({
    where: { slug: sectionSlug, exhibition: { slug: exhibitionSlug, published: true } },
    include: {
      exhibition: { include: { artist: { select: { name: true } } } },
      artworks: { where: { published: true }, select: summarySelect, orderBy: SECTION_ORDER, take: SECTION_PAGE_WORKS },
      _count: { select: { artworks: { where: { published: true } } } },
    },
  });
  if (!section) return null;
  return {
    id: section.id,
    slug: section.slug,
    title: section.title,
    introduction: section.introduction,
    exhibition: { id: section.exhibition.id, slug: section.exhibition.slug, title: section.exhibition.title, artistName: section.exhibition.artist.name },
    artworks: section.artworks.map(toSummary),
    workCount: section._count.artworks,
  };
}

function toDetail(
  row: ArtworkRow,
  neighbours: Pick<ArtworkDetail, "previous" | "next">,
  photographs: PhotographView[] = row.images.map(toPhotographView),
): ArtworkDetail {
  return {
    ...toSummary(row),
    photographs,
    signature: row.signature,
    sizeAsWritten: row.sizeAsWritten,
    description: row.description,
    curatorNote: row.curatorNote,
    updatedAt: row.updatedAt.toISOString(),
    artist: toArtist(row.section.exhibition.artist),
    ...neighbours,
  };
}

export async function readArtwork(slug: string): Promise<ArtworkDetail | null> {
  const row = await db.artwork.findFirst({ where: { ...publishedWork, slug }, include: summaryInclude });
  if (!row) return null;
  const [neighbours, images] = await Promise.all([
    readNeighbours(row),
    db.artworkImage.findMany({ where: { artworkId: row.id }, orderBy: { position: "asc" } }),
  ]);
  return toDetail(row, neighbours, images.map(toPhotographView));
}

/**
 * The works either side of one in its section's order: two reads along the (section, position) index.
 * Found by reading the whole section, every first render of a work in an imported section of 5,000
 * read all 5,000 rows, and a crawler asks for every one of them.
 */
async function readNeighbours(row: { sectionId: string; position: number; slug: string }): Promise<Pick<ArtworkDetail, "previous" | "next">> {
  const select = { slug: true, catalogueNumber: true, title: true } as const;
  const inSection = { sectionId: row.sectionId, published: true };
  const [previous, next] = await Promise.all([
    db.artwork.findFirst({
      where: { ...inSection, OR: [{ position: { lt: row.position } }, { position: row.position, slug: { lt: row.slug } }] },
      orderBy: [{ position: "desc" }, { slug: "desc" }],
      select,
    }),
    db.artwork.findFirst({
      where: { ...inSection, OR: [{ position: { gt: row.position } }, { position: row.position, slug: { gt: row.slug } }] },
      orderBy: SECTION_ORDER,
      select,
    }),
  ]);
  return { previous, next };
}

/**
 * Works chosen for a private viewing room, in the order of `ids`, published or not: the room's link is
 * what lets its guests see them (lib/data/viewing-rooms.ts checks it before calling this).
 */
export async function readArtworksForRoom(ids: string[]): Promise<ArtworkDetail[]> {
  if (ids.length === 0) return [];
  const [rows, images] = await Promise.all([
    db.artwork.findMany({ where: { id: { in: ids } }, include: summaryInclude }),
    db.artworkImage.findMany({ where: { artworkId: { in: ids } }, orderBy: { position: "asc" } }),
  ]);
  return ids.flatMap((id) => {
    const row = rows.find((candidate) => candidate.id === id);
    if (!row) return [];
    const own = images.filter((image) => image.artworkId === id).map(toPhotographView);
    return [toDetail(row, { previous: null, next: null }, own)];
  });
}

/**
 * The works on a collector's enquiry list, in the list's order, each as it is now: shown, no longer
 * shown (hidden by staff: its name is kept so the list can say which), or gone from the catalogue.
 * Read afresh, never cached: the list page and the enquiry it sends must see a sale at once.
 */
export type ListedArtwork =
  | { id: string; state: "shown"; work: ArtworkDetail }
  | { id: string; state: "hidden"; label: { catalogueNumber: string; title: string } }
  | { id: string; state: "gone" };

export async function readListedArtworks(ids: string[]): Promise<ListedArtwork[]> {
  if (ids.length === 0) return [];
  const rows = await db.artwork.findMany({ where: { id: { in: ids } }, include: summaryInclude });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id): ListedArtwork => {
    const row = byId.get(id);
    if (!row) return { id, state: "gone" };
    if (!row.published || !row.section.exhibition.published) {
      return { id, state: "hidden", label: { catalogueNumber: row.catalogueNumber, title: row.title } };
    }
    return { id, state: "shown", work: toDetail(row, { previous: null, next: null }) };
  });
}

export type ArtworkFilters = {
  section?: string;
  category?: Category;
  availability?: Availability;
  sort: "number" | "title" | "size";
};

/** Every published work, each exhibition's together (the current one first), in section and catalogue order. */
export async function readPublishedArtworks(): Promise<ArtworkSummary[]> {
  const rows = await db.artwork.findMany({
    where: publishedWork,
    select: summarySelect,
    orderBy: [
      { section: { exhibition: { isCurrent: "desc" } } },
      { section: { exhibition: { title: "asc" } } },
      { section: { exhibitionId: "asc" } },
      { section: { position: "asc" } },
      { position: "asc" },
    ],
  });
  return rows.map(toSummary);
}

function largestArea(work: ArtworkSummary): number {
  const image = work.dimensions.find((dimension) => dimension.kind === "image") ?? work.dimensions[0];
  return image ? areaInSquareCm(image) : 0;
}

const byNumber = (a: ArtworkSummary, b: ArtworkSummary) =>
  compareCatalogueNumbers(a.catalogueNumber, b.catalogueNumber) || titleCollator.compare(a.title, b.title);
const COMPARATORS: Record<ArtworkFilters["sort"], (a: ArtworkSummary, b: ArtworkSummary) => number> = {
  number: byNumber,
  title: (a, b) => titleCollator.compare(a.title, b.title) || byNumber(a, b),
  size: (a, b) => largestArea(b) - largestArea(a) || byNumber(a, b),
};

/**
 * How All works names a section in its filter: with its exhibition's slug, since a section's slug is
 * unique only within its exhibition (two exhibitions may each have "landscapes").
 */
export function sectionFilterKey(section: { exhibitionSlug: string; slug: string }): string {
  return `${section.exhibitionSlug}/${section.slug}`;
}

const sectionKeyOf = (work: ArtworkSummary) => sectionFilterKey({ exhibitionSlug: work.exhibition.slug, slug: work.section.slug });

/** An address from before sections were named with their exhibition (a bare slug) still filters, by that slug in every exhibition. */
function inSection(work: ArtworkSummary, section: string): boolean {
  return section.includes("/") ? sectionKeyOf(work) === section : work.section.slug === section;
}

function filterArtworks(works: ArtworkSummary[], filters: ArtworkFilters): ArtworkSummary[] {
  return works.filter(
    (work) =>
      (!filters.section || inSection(work, filters.section)) &&
      (!filters.category || work.category === filters.category) &&
      (!filters.availability || work.availability === filters.availability),
  );
}

/** A section All works can be filtered by; its title names the exhibition too when another section has the same title. */
export type SectionChoice = { key: string; slug: string; title: string };

/** The published works in each order All works offers, whole and by section, computed once per catalogue change, not per visit. */
export type ArtworkIndex = {
  sorted: Record<ArtworkFilters["sort"], ArtworkSummary[]>;
  /** The sections and categories that have published works, for the filters; sections in the order the works come (each exhibition's together). */
  sections: SectionChoice[];
  categories: Category[];
  /** Each section's works in each order (by its filter key), so a section's page of All works reads only that section. */
  sortedBySection: Map<string, Record<ArtworkFilters["sort"], ArtworkSummary[]>>;
};

export function indexArtworks(all: ArtworkSummary[]): ArtworkIndex {
  const sorted = Object.fromEntries(
    Object.entries(COMPARATORS).map(([sort, compare]) => [sort, [...all].sort(compare)]),
  ) as ArtworkIndex["sorted"];
  const bySectionKey = new Map(all.map((work) => [sectionKeyOf(work), work]));
  const titleCounts = new Map<string, number>();
  for (const work of bySectionKey.values()) titleCounts.set(work.section.title, (titleCounts.get(work.section.title) ?? 0) + 1);
  const sections = [...bySectionKey.entries()].map(([key, { section, exhibition }]) => ({
    key,
    slug: section.slug,
    title: (titleCounts.get(section.title) ?? 0) > 1 ? `${section.title} (${exhibition.title})` : section.title,
  }));
  const present = new Set(all.map((work) => work.category));
  const sortedBySection = new Map(
    sections.map(({ key }) => [
      key,
      Object.fromEntries(
        Object.entries(sorted).map(([sort, works]) => [sort, works.filter((work) => inSection(work, key))]),
      ) as ArtworkIndex["sorted"],
    ]),
  );
  return { sorted, sections, categories: CATEGORIES.filter((category) => present.has(category)), sortedBySection };
}

/** Filtering happens on the index's pre-sorted lists: a catalogue is thousands of works, not millions. */
export function findIndexedArtworks(index: ArtworkIndex, filters: ArtworkFilters): ArtworkSummary[] {
  const bySection = filters.section ? index.sortedBySection.get(filters.section) : undefined;
  return filterArtworks(bySection ? bySection[filters.sort] : index.sorted[filters.sort], filters);
}

/** The section choice a filter value stands for: a bare slug from an older address picks its section when only one has that slug. */
export function chosenSection(sections: SectionChoice[], filter: string | undefined): string | undefined {
  if (!filter) return undefined;
  const matching = sections.filter((section) => section.key === filter || section.slug === filter);
  return matching.length === 1 ? matching[0]?.key : undefined;
}

/** Works per page of All works: a page stays well under 100 KB of HTML whatever the catalogue's size. */
export const ARTWORKS_PER_PAGE = 20;

/** One page of the filtered, sorted works; a page past the end shows the last one. */
export function pageOf<T>(
  all: T[],
  page: number,
  perPage = ARTWORKS_PER_PAGE,
): { works: T[]; total: number; page: number; pageCount: number } {
  const pageCount = Math.max(1, Math.ceil(all.length / perPage));
  const current = Math.min(Math.max(1, page), pageCount);
  return { works: all.slice((current - 1) * perPage, current * perPage), total: all.length, page: current, pageCount };
}

export type StaticParams = {
  exhibitions: Array<{ exhibitionSlug: string }>;
  sections: Array<{ exhibitionSlug: string; sectionSlug: string }>;
  artworks: Array<{ slug: string; updatedAt: string }>;
};

/**
 * How many artwork pages the build renders ahead: the featured works first, then in catalogue
 * order. The rest are rendered on their first visit and kept like the others. Rendering every
 * page of a 5,000-work catalogue ahead took 164 s and 590 MB here, and its 4 MB route manifest
 * is parsed by every server process as it starts.
 */
export const ARTWORKS_RENDERED_AT_BUILD = 500;

/** The works whose pages the build renders ahead (see ARTWORKS_RENDERED_AT_BUILD). */
export async function listArtworksToPrerender(): Promise<Array<{ slug: string }>> {
  return db.artwork.findMany({
    where: publishedWork,
    select: { slug: true },
    orderBy: [
      { featured: "desc" },
      { section: { exhibition: { isCurrent: "desc" } } },
      { section: { position: "asc" } },
      { position: "asc" },
    ],
    take: ARTWORKS_RENDERED_AT_BUILD,
  });
}

/** Every public address, for generateStaticParams and the sitemap. Not cached: build-time only. */
export async function listPublicAddresses(): Promise<StaticParams> {
  const exhibitions = await db.exhibition.findMany({
    where: { published: true },
    select: { slug: true, sections: { where: { artworks: { some: { published: true } } }, select: { slug: true } } },
  });
  const artworks = await db.artwork.findMany({ where: publishedWork, select: { slug: true, updatedAt: true } });
  return {
    exhibitions: exhibitions.map((exhibition) => ({ exhibitionSlug: exhibition.slug })),
    sections: exhibitions.flatMap((exhibition) =>
      exhibition.sections.map((section) => ({ exhibitionSlug: exhibition.slug, sectionSlug: section.slug })),
    ),
    artworks: artworks.map((artwork) => ({ slug: artwork.slug, updatedAt: artwork.updatedAt.toISOString() })),
  };
}

/** How many other works the acknowledgement suggests for each one the collector cannot have. */
export const SUGGESTIONS_PER_UNAVAILABLE_WORK = 3;

/**
 * For each work that is not available, up to three available works closest to it (same series,
 * same kind, similar size and price: lib/catalogue/similar-works.ts), none of them one the collector
 * asked about and none suggested twice. Read afresh: a suggestion must be for sale now.
 */
export async function readAvailableAlternatives(
  unavailable: ArtworkSummary[],
  askedAbout: string[],
): Promise<Map<string, ArtworkSummary[]>> {
  const alternatives = new Map<string, ArtworkSummary[]>();
  if (unavailable.length === 0) return alternatives;
  const rows = await db.artwork.findMany({
    where: {
      ...publishedWork,
      availability: "available",
      id: { notIn: askedAbout },
      OR: [
        { sectionId: { in: unavailable.map((work) => work.section.id) } },
        { category: { in: unavailable.map((work) => work.category) } },
      ],
    },
    select: summarySelect,
    orderBy: [{ section: { position: "asc" } }, { position: "asc" }],
    // Enough to find the closest among a large catalogue's same-series and same-kind works.
    take: 2000,
  });
  const candidates = rows.map(toSummary);
  const suggested = new Set<string>();
  for (const work of unavailable) {
    const comparable = (summary: ArtworkSummary) => ({ ...summary, sectionId: summary.section.id });
    const closest = closestWorks(
      comparable(work),
      candidates.filter((candidate) => !suggested.has(candidate.id)).map(comparable),
      SUGGESTIONS_PER_UNAVAILABLE_WORK,
    );
    for (const candidate of closest) suggested.add(candidate.id);
    alternatives.set(work.id, closest);
  }
  return alternatives;
}
