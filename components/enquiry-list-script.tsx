"use client";

import { usePathname, useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useEnquiryList } from "@/components/enquiry-list-link";
import { ENQUIRY_LIST_CHANGED_EVENT } from "@/lib/enquiries/enquiry-list-cookie";
import type { EnquiryListAnswer } from "@/lib/validations/enquiry-list";

const LIST_FORMS = "form[data-enquiry-list-work]";

/** Marks each "Add to my enquiry" form of the page whose work is on the list (CSS shows the other label). */
function markListedForms(ids: string[]) {
  const listed = new Set(ids);
  for (const form of document.querySelectorAll<HTMLFormElement>(LIST_FORMS)) {
    form.dataset.listed = String(listed.has(form.dataset.enquiryListWork ?? ""));
  }
}

/**
 * The script of every enquiry-list button on the page: one listener for all of them, so a grid of
 * cards carries no script of its own. It sends a button's form in place, marks the works already
 * listed, and says what happened in a live region (placed after the page's content, and left out of
 * the staff area, which has no list buttons).
 */
export function EnquiryListScript() {
  const ids = useEnquiryList();
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

  if (pathname.startsWith("/staff")) return null;
  return (
    <p role="status" aria-live="polite" className={message ? "list-toast" : "sr-only"} data-testid="enquiry-list-status">
      {message}
    </p>
  );
}
