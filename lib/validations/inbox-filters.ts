import { z } from "zod";
import { ENQUIRY_STATUSES } from "@/lib/enquiries/vocabulary";

/** The inbox's query string: malformed values are dropped, never errors. */
export const inboxFiltersSchema = z.object({
  status: z.enum([...ENQUIRY_STATUSES, "waiting", "all"]).default("waiting").catch("waiting"),
  work: z.string().trim().max(200).regex(/^[a-z0-9-]*$/).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
});

export type InboxFilters = z.infer<typeof inboxFiltersSchema>;

export function parseInboxFilters(searchParams: Record<string, string | string[] | undefined>): InboxFilters {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;
  return inboxFiltersSchema.parse({
    status: first(searchParams.status),
    work: first(searchParams.work),
    from: first(searchParams.from),
    to: first(searchParams.to),
    q: first(searchParams.q),
  });
}

export function inboxQueryString(filters: InboxFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  return params.toString();
}
