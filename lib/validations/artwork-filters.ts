import { z } from "zod";
import { firstQueryValue, type SearchParams } from "./query";
import { AVAILABILITIES, CATEGORIES } from "@/lib/catalogue/vocabulary";

/** Query-string filters of the All works page. Unknown or malformed values are dropped, not errors. */
export const artworkFiltersSchema = z.object({
  section: z
    .string()
    .trim()
    .max(401)
    // A section as "exhibition-slug/section-slug"; a bare section slug is an older address, still honoured.
    .regex(/^[a-z0-9-]+(\/[a-z0-9-]+)?$/)
    .optional()
    .catch(undefined),
  category: z.enum(CATEGORIES).optional().catch(undefined),
  availability: z.enum(AVAILABILITIES).optional().catch(undefined),
  sort: z.enum(["number", "title", "size"]).default("number").catch("number"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});

export type ArtworkFiltersInput = z.infer<typeof artworkFiltersSchema>;

/** Next passes repeated query keys as arrays; only the first counts. */
export function parseArtworkFilters(searchParams: SearchParams): ArtworkFiltersInput {
  return artworkFiltersSchema.parse({
    section: firstQueryValue(searchParams.section),
    category: firstQueryValue(searchParams.category),
    availability: firstQueryValue(searchParams.availability),
    sort: firstQueryValue(searchParams.sort),
    page: firstQueryValue(searchParams.page),
  });
}
