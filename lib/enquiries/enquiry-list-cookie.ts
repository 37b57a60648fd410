/**
 * The collector's enquiry list, as the browser keeps it: a cookie holding the ids of the works on it,
 * signed by the server (lib/enquiries/enquiry-list.ts). Pages stay the same for every visitor, so the
 * header's count and each "Add to my enquiry" button read the ids here, in the browser; only the
 * server, which checks the signature, decides what the list holds.
 */
export const ENQUIRY_LIST_COOKIE = "enquiry-list";

/** Where every list form posts (app/api/enquiry-list). */
export const ENQUIRY_LIST_ENDPOINT = "/api/enquiry-list";

/** The most works one enquiry names: more is a catalogue request, which the gallery answers by email. */
export const ENQUIRY_LIST_MAX = 20;

/** How a work's id looks (a cuid); anything else names no work. */
export const ARTWORK_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Sent on `window` whenever the list changes in this tab, so every part of the page shows the same list. */
export const ENQUIRY_LIST_CHANGED_EVENT = "enquiry-list-changed";

/** The ids a cookie value carries, unchecked (the browser cannot check the signature; the server does). */
export function idsInEnquiryListCookie(value: string | undefined | null): string[] {
  if (!value) return [];
  const cut = value.lastIndexOf(".");
  if (cut <= 0) return [];
  return value
    .slice(0, cut)
    .split(":")
    .filter((id) => ARTWORK_ID_PATTERN.test(id))
    .slice(0, ENQUIRY_LIST_MAX);
}
