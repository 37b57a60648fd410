import { z } from "zod";
import type { CatalogueChange } from "@/lib/catalogue/catalogue-change";

/** What a process without Next's cache (the worker, a script) asks the site to refresh: /api/revalidate's body. */
const slug = z.string().min(1).max(200);

export const catalogueChangeSchema = z
  .object({
    artworks: z.array(slug).max(500).optional(),
    sections: z
      .array(z.object({ exhibitionSlug: slug, sectionSlug: slug }))
      .max(100)
      .optional(),
    exhibitions: z.array(slug).max(100).optional(),
    lists: z.boolean().optional(),
    everything: z.boolean().optional(),
  })
  .strict() satisfies z.ZodType<CatalogueChange>;
