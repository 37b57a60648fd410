/**
 * Signing the enquiry list's cookie (lib/enquiries/enquiry-list.ts uses it; kept apart, without
 * server-only, so that tests can make a list as the server would).
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { ARTWORK_ID_PATTERN, ENQUIRY_LIST_MAX } from "./enquiry-list-cookie";

function signature(ids: string, secret: string): string {
  // Its own key, derived from the form secret: a list's signature can never pass as a form token's.
  return createHmac("sha256", `enquiry-list\u0000${secret}`).update(ids).digest("base64url").slice(0, 32);
}

export function enquiryListCookieValue(ids: string[], secret: string): string {
  const joined = ids.join(":");
  return `${joined}.${signature(joined, secret)}`;
}

/** The works on a list, or none when the cookie was not signed here (edited by hand, or from another site). */
export function readEnquiryList(value: string | undefined, secret: string): string[] {
  if (!value || value.length > 2048) return [];
  const cut = value.lastIndexOf(".");
  if (cut <= 0) return [];
  const joined = value.slice(0, cut);
  const expected = Buffer.from(signature(joined, secret));
  const given = Buffer.from(value.slice(cut + 1));
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return [];
  const ids = joined.split(":");
  if (ids.length > ENQUIRY_LIST_MAX || !ids.every((id) => ARTWORK_ID_PATTERN.test(id))) return [];
  return [...new Set(ids)];
}
