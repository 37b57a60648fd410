import { z } from "zod";
import { firstQueryValue, type SearchParams } from "./query";
import { ENQUIRY_STATUSES } from "@/lib/enquiries/vocabulary";

/** The inbox's query string: malformed values are dropped, never errors. */
export const inboxFiltersSchema = z.object({
  status: z
    .enum([...ENQUIRY_STATUSES, "waiting", "all"])
    .default("waiting")
    .catch("waiting"),
  work: z
    .string()
    .trim()
    .max(200)
    .regex(/^[a-z0-9-]*$/)
    .optional()
    .catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  // "due": enquiries still waiting first, by their reply-by time (the overdue ones at the top), then
  // the rest newest first. "newest": all newest first.
  sort: z.enum(["due", "newest"]).default("due").catch("due"),
  // Whose: "mine" (assigned to the signed-in member), "nobody" (not yet assigned), or anyone's.
  who: z.enum(["anyone", "mine", "nobody"]).default("anyone").catch("anyone"),
});

export type InboxFilters = z.infer<typeof inboxFiltersSchema>;

export function parseInboxFilters(searchParams: SearchParams): InboxFilters {
  return inboxFiltersSchema.parse({
    status: firstQueryValue(searchParams.status),
    work: firstQueryValue(searchParams.work),
    from: firstQueryValue(searchParams.from),
    to: firstQueryValue(searchParams.to),
    q: firstQueryValue(searchParams.q),
    sort: firstQueryValue(searchParams.sort),
    who: firstQueryValue(searchParams.who),
  });
}

export function inboxQueryString(filters: InboxFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters))
    if (value && !(key === "sort" && value === "due") && !(key === "who" && value === "anyone")) params.set(key, value);
  return params.toString();
}
