"use client";

import Link from "next/link";
import { useMemo, useSyncExternalStore } from "react";
import { ENQUIRY_LIST_CHANGED_EVENT, ENQUIRY_LIST_COOKIE, idsInEnquiryListCookie } from "@/lib/enquiries/enquiry-list-cookie";

/** The list cookie's raw value: a string, so React sees a change only when the list changed. */
function listCookieValue(): string {
  for (const part of document.cookie.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === ENQUIRY_LIST_COOKIE) return decodeURIComponent(rest.join("="));
  }
  return "";
}

function subscribeToListChanges(onChange: () => void): () => void {
  window.addEventListener(ENQUIRY_LIST_CHANGED_EVENT, onChange);
  // Another tab may have changed the list.
  window.addEventListener("focus", onChange);
  return () => {
    window.removeEventListener(ENQUIRY_LIST_CHANGED_EVENT, onChange);
    window.removeEventListener("focus", onChange);
  };
}

/** The works on the list, as the browser's cookie says (the server checks its signature; the page only shows the count). */
export function useEnquiryList(): string[] {
  const cookie = useSyncExternalStore(subscribeToListChanges, listCookieValue, () => "");
  return useMemo(() => idsInEnquiryListCookie(cookie), [cookie]);
}

/**
 * The header's link to the enquiry list with its count. Pages are the same for everyone, so the
 * count comes from the list cookie in the browser: without JavaScript the link shows no count and
 * the list page shows the list.
 */
export function EnquiryListLink() {
  const ids = useEnquiryList();
  return (
    <Link href="/enquiry-list" className="no-underline hover:underline" data-testid="enquiry-list-link">
      Enquiry list
      {ids.length > 0 ? (
        <span
          className="ml-1.5 inline-block min-w-6 rounded-full bg-accent px-1.5 text-center text-sm text-paper"
          data-testid="enquiry-list-count"
        >
          {ids.length}
          <span className="sr-only"> {ids.length === 1 ? "work" : "works"}</span>
        </span>
      ) : null}
    </Link>
  );
}
