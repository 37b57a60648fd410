/** What the collector is told after changing the list: the same sentence in the live region (with JavaScript) and on the list page (without). */
import { ENQUIRY_LIST_MAX } from "./enquiry-list-cookie";

export const ENQUIRY_LIST_NOTICES = [
  "added",
  "already_listed",
  "full",
  "removed",
  "not_listed",
  "cleared",
  "unknown_work",
  "invalid",
  "sent",
] as const;
export type EnquiryListNotice = (typeof ENQUIRY_LIST_NOTICES)[number];

export function isEnquiryListNotice(value: unknown): value is EnquiryListNotice {
  return typeof value === "string" && (ENQUIRY_LIST_NOTICES as readonly string[]).includes(value);
}

function works(count: number): string {
  return `${count} work${count === 1 ? "" : "s"}`;
}

export function enquiryListNotice(notice: EnquiryListNotice, label: string | null, count: number): string {
  const work = label ? `“${label}”` : "That work";
  switch (notice) {
    case "added":
      return `${work} is on your enquiry list (${works(count)}).`;
    case "already_listed":
      return `${work} was already on your enquiry list (${works(count)}).`;
    case "full":
      return `Your enquiry list already holds ${ENQUIRY_LIST_MAX} works, the most one enquiry can name, so ${label ? `“${label}”` : "that work"} was not added. Send this enquiry first, or remove a work from it.`;
    case "removed":
      return `${work} was taken off your enquiry list (${works(count)} left).`;
    case "not_listed":
      return `${work} was not on your enquiry list.`;
    case "cleared":
      return "Your enquiry list is now empty.";
    case "unknown_work":
      return "That work is no longer in the catalogue, so your list was not changed.";
    case "invalid":
      return "That request was not understood, so your list was not changed.";
    case "sent":
      return "Your enquiry about the works on your list has been sent, and the list is now empty.";
  }
}
