import "server-only";
import { db } from "@/lib/db/client";

export { MATCH_END, MATCH_START } from "./search-marks";

export type SearchResult = {
  slug: string;
  catalogueNumber: string;
  /** The title with the matched words between MATCH_START and MATCH_END. */
  title: string;
  /** A few words of the description around a match, marked the same way; empty when none matched there. */
  excerpt: string;
  medium: string;
  section: string;
  year: string;
};

const MOST_WORDS = 8;
const MOST_RESULTS = 50;

/**
 * The words of a search as an FTS5 query: each word must appear (as a word or the start of one), so
 * "pen ink bordesley" narrows. Words are quoted: nothing a visitor types is read as query syntax.
 */
export function searchQueryFor(text: string): string | null {
  const words =
    text
      .normalize("NFKC")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return words
    .slice(0, MOST_WORDS)
    .map((word) => `"${word}"*`)
    .join(" ");
}

/**
 * Published works matching a search, best first (bm25: a match in the title counts most, then the
 * catalogue number and the artist, then medium and section, the description least).
 */
export async function searchArtworks(text: string): Promise<SearchResult[]> {
  const query = searchQueryFor(text);
  if (!query) return [];
  return db.$queryRaw<SearchResult[]>`SELECT a."slug" AS slug, a."catalogueNumber" AS catalogueNumber,
            highlight("ArtworkSearch", 1, char(1), char(2)) AS title,
            snippet("ArtworkSearch", 5, char(1), char(2), '…', 16) AS excerpt,
            coalesce(a."technique", '') AS medium, s."title" AS section, coalesce(a."year", '') AS year
       FROM "ArtworkSearch"
       JOIN "Artwork" a ON a."id" = "ArtworkSearch"."artworkId"
       JOIN "Section" s ON s."id" = a."sectionId"
       JOIN "Exhibition" e ON e."id" = s."exhibitionId"
      WHERE "ArtworkSearch" MATCH ${query} AND a."published" = 1 AND e."published" = 1
      ORDER BY bm25("ArtworkSearch", 0, 10, 3, 2, 2, 1, 5, 2)
      LIMIT ${MOST_RESULTS}`;
}
