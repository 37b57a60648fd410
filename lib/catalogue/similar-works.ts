/**
 * Which available works are closest to one a collector cannot have (sold, reserved, in a private
 * collection): what the acknowledgement suggests instead. Each likeness adds to a score: the same
 * section (series) most, then the same kind of work, a similar size, a similar price in the same
 * currency; so a drawing of the same size and price can come before a painting of the same series.
 */
import { areaInSquareCm } from "./sizes";
import type { Category, DimensionKind, Unit } from "./vocabulary";

export type ComparableWork = {
  id: string;
  sectionId: string;
  category: Category;
  priceMinor: number | null;
  currency: string | null;
  dimensions: Array<{ kind: DimensionKind; height: number; width: number; depth: number | null; unit: Unit }>;
};

/** The size a collector compares: the image where the gallery gave it, else the first size given. */
function areaOf(work: ComparableWork): number | null {
  const dimension = work.dimensions.find((candidate) => candidate.kind === "image") ?? work.dimensions[0];
  return dimension ? areaInSquareCm(dimension) : null;
}

/** 1 for the same, falling to 0 at `spread` times larger or smaller. */
function closeness(a: number | null, b: number | null, spread: number): number {
  if (!a || !b) return 0;
  return Math.max(0, 1 - Math.abs(Math.log(a / b)) / Math.log(spread));
}

export function similarityScore(to: ComparableWork, candidate: ComparableWork): number {
  const samePrice = to.currency !== null && to.currency === candidate.currency;
  return (
    (candidate.sectionId === to.sectionId ? 3 : 0) +
    (candidate.category === to.category ? 2 : 0) +
    2 * closeness(areaOf(to), areaOf(candidate), 4) +
    (samePrice ? 1.5 * closeness(to.priceMinor, candidate.priceMinor, 3) : 0)
  );
}

/** The `limit` closest candidates, best first; ties keep the candidates' own (catalogue) order. */
export function closestWorks<T extends ComparableWork>(to: ComparableWork, candidates: T[], limit: number): T[] {
  return candidates
    .filter((candidate) => candidate.id !== to.id)
    .map((candidate, index) => ({ candidate, index, score: similarityScore(to, candidate) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}
