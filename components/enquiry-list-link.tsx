"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { ENQUIRY_LIST_CHANGED_EVENT, ENQUIRY_LIST_COOKIE, idsInEnquiryListCookie } from "@/lib/enquiries/enquiry-list-cookie";
import type { EnquiryListAnswer } from "@/lib/validations/enquiry-list";

const LIST_FORMS = "form[data-enquiry-list-work]";

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

/** Marks each "Add to my enquiry" form of the page whose work is on the list (CSS shows the other label). */
function markListedForms(ids: string[]) {
  const listed = new Set(ids);
  for (const form of document.querySelectorAll<HTMLFormElement>(LIST_FORMS)) {
    form.dataset.listed = String(listed.has(form.dataset.enquiryListWork ?? ""));
  }
}

/**
 * The header's link to the enquiry list with its count, and the script of every list button on the
 * page: one listener for all of them, so a grid of cards carries no script of its own. The count comes
 * from the list cookie; pages are the same for everyone, so without JavaScript the link shows no count
 * and the list page shows the list.
 */
export function EnquiryListLink() {
  const cookie = useSyncExternalStore(subscribeToListChanges, listCookieValue, () => "");
  const ids = useMemo(() => idsInEnquiryListCookie(cookie), [cookie]);
  const [message, setMessage] = useState("");
  const pathname = usePathname();
  const router = useRouter();

  useEffect(() => markListedForms(ids), [ids, pathname]);

  // The note fades after a while; the list keeps its count in the header.
  useEffect(() => {
    if (!message) return;
    const timer = window.setTimeout(() => setMessage(""), 8000);
    return () => window.clearTimeout(timer);
  }, [message]);

  useEffect(() => {
    async function onSubmit(event: SubmitEvent) {
      const form = event.target instanceof HTMLFormElement ? event.target : null;
      if (!form?.matches(LIST_FORMS)) return;
      event.preventDefault();
      const formData = new FormData(form);
      // A work already listed is taken off by the same button.
      if (form.dataset.listed === "true") formData.set("intent", "remove");
      const button = form.querySelector("button");
      button?.setAttribute("aria-disabled", "true");
      try {
        const response = await fetch(form.action, { method: "POST", body: formData, headers: { Accept: "application/json" } });
        const answer = (await response.json().catch(() => null)) as Partial<EnquiryListAnswer> | null;
        setMessage(answer?.message ?? "Your list could not be changed just now. Please try again.");
        // The answer set the cookie: every part of the page reads it again.
        window.dispatchEvent(new Event(ENQUIRY_LIST_CHANGED_EVENT));
        // The list page is drawn on the server from the list: draw it again.
        if (form.dataset.refreshAfter === "true") router.refresh();
      } catch {
        setMessage("We could not reach the gallery's site, so your list was not changed. Please check your connection.");
      } finally {
        button?.removeAttribute("aria-disabled");
      }
    }
    document.addEventListener("submit", onSubmit);
    return () => document.removeEventListener("submit", onSubmit);
  }, [router]);

  return (
    <>
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
      <p role="status" aria-live="polite" className={message ? "list-toast" : "sr-only"} data-testid="enquiry-list-status">
        {message}
      </p>
    </>
  );
}
