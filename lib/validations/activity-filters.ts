import { z } from "zod";
import { ACTIVITY_SUBJECTS } from "@/lib/staff/activity-vocabulary";
import { firstQueryValue, type SearchParams } from "./query";

/** The activity page's query string: malformed values are dropped, never errors. Days are the gallery's. */
export const activityFiltersSchema = z.object({
  subject: z.enum(ACTIVITY_SUBJECTS).optional().catch(undefined),
  actor: z.string().trim().max(200).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});

export type ActivityFilters = z.infer<typeof activityFiltersSchema>;

export function parseActivityFilters(searchParams: SearchParams): ActivityFilters {
  return activityFiltersSchema.parse({
    subject: firstQueryValue(searchParams.subject),
    actor: firstQueryValue(searchParams.actor),
    from: firstQueryValue(searchParams.from),
    to: firstQueryValue(searchParams.to),
    page: firstQueryValue(searchParams.page),
  });
}
