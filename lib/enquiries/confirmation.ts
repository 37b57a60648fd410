/**
 * The page a collector without JavaScript is sent to once the enquiry is stored (Post/Redirect/Get):
 * a refresh or the back button then never posts the enquiry again.
 */
const REFERENCE = /^ENQ-\d{4}-\d{6,9}$/;
const SLUG = /^[a-z0-9-]{1,200}$/;

export type Confirmation = { reference: string; acknowledged: boolean; workSlug: string | null };

export function confirmationPath({ reference, acknowledged, workSlug }: Confirmation): string {
  const query = new URLSearchParams({ reference, acknowledged: acknowledged ? "1" : "0" });
  if (workSlug) query.set("work", workSlug);
  return `/enquire/sent?${query}`;
}

/** Where a browser without JavaScript goes once its enquiry is stored: the reference, and the work it was about. */
export function confirmationPathAfter(sent: { reference?: string; acknowledged?: boolean }, formData: FormData): string {
  const slug = formData.get("artworkSlug");
  return confirmationPath({
    reference: sent.reference!,
    acknowledged: Boolean(sent.acknowledged),
    workSlug: typeof slug === "string" && SLUG.test(slug) ? slug : null,
  });
}

/** The confirmation the address describes, or null for anything not made by confirmationPath. */
export function readConfirmation(query: Record<string, string | string[] | undefined>): Confirmation | null {
  const { reference, acknowledged, work } = query;
  if (typeof reference !== "string" || !REFERENCE.test(reference)) return null;
  return { reference, acknowledged: acknowledged === "1", workSlug: typeof work === "string" && SLUG.test(work) ? work : null };
}
