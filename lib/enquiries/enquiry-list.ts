import { ENQUIRY_LIST_COOKIE, ENQUIRY_LIST_MAX } from "./enquiry-list-cookie";

export { ENQUIRY_LIST_COOKIE, ENQUIRY_LIST_MAX } from "./enquiry-list-cookie";
export { enquiryListCookieValue, readEnquiryList } from "./enquiry-list-signature";

/** How long a list is kept without a visit: a collector may come back to it after weeks. */
export const ENQUIRY_LIST_MAX_AGE_SECONDS = 90 * 24 * 3600;

export type EnquiryListChange =
  | { outcome: "added" | "already_listed" | "full"; ids: string[] }
  | { outcome: "removed" | "not_listed"; ids: string[] }
  | { outcome: "cleared"; ids: string[] };

/** The list after one change; a full list is left as it was. */
export function changeEnquiryList(
  ids: string[],
  change: { intent: "add" | "remove"; workId: string } | { intent: "clear" },
): EnquiryListChange {
  if (change.intent === "clear") return { outcome: "cleared", ids: [] };
  const listed = ids.includes(change.workId);
  if (change.intent === "remove") {
    return listed ? { outcome: "removed", ids: ids.filter((id) => id !== change.workId) } : { outcome: "not_listed", ids };
  }
  if (listed) return { outcome: "already_listed", ids };
  if (ids.length >= ENQUIRY_LIST_MAX) return { outcome: "full", ids };
  return { outcome: "added", ids: [...ids, change.workId] };
}

/** The cookie's settings: readable by the page's script (it shows the count), sent with top-level navigation. */
export function enquiryListCookieOptions(secure: boolean) {
  return { path: "/", sameSite: "lax" as const, httpOnly: false, secure, maxAge: ENQUIRY_LIST_MAX_AGE_SECONDS };
}

/** The cookie ended, as a Set-Cookie header (what Next.js's cookies().delete() writes), for an answer made outside Next.js. */
export function endedEnquiryListCookie(): string {
  return `${ENQUIRY_LIST_COOKIE}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT`;
}
