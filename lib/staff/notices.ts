/**
 * What a staff page says after an action sent the browser back to it (`?notice=…`, or `?photograph=…`
 * after an upload). One list for writers and readers: an action can only send a key its page knows,
 * and a page shows nothing for a key it does not (a hand-typed address), never "undefined".
 */
export const STAFF_NOTICES = {
  enquiry: {
    status: "Status changed.",
    note: "Note added.",
    reply: "Reply queued; it is being sent now.",
    retry: "The email will be sent again now.",
    link: "The collector's follow link was withdrawn.",
    assigned: "Assigned.",
    unchanged: "It was assigned so already: nothing changed.",
    held: "Hold placed. The public pages show the work as Reserved now.",
    accepted: "Offer accepted: the work is held for the buyer, they have been emailed, and a draft invoice waits below.",
    countered: "Counter-offer sent: the collector can accept or decline it from their offer's page.",
    declined: "Offer declined; the collector has been emailed.",
    viewingReleased: "Viewing released: it takes its place, and the collector is sent the confirmation with its calendar invitation.",
    viewingCancelled: "Viewing cancelled: its place is free again (a collector who had a confirmation is emailed).",
  },
  invoice: {
    started: "Draft invoice started: add the buyer's address and any framing or delivery, then issue it.",
    saved: "Draft saved.",
    issued: "Invoice issued: it has its number, and the PDF is on its way to the buyer.",
    cancelled: "Invoice cancelled: its credit note has its own number and is on its way to the buyer.",
    payment: "Payment recorded.",
    paid: "Paid in full: the work is Sold on every page.",
  },
  invoices: {
    deleted: "Draft deleted: its works are free to invoice again.",
  },
  work: {
    held: "Hold placed. The public pages show the work as Reserved now.",
    extended: "The hold's end was changed.",
    released: "Hold released: the work is available again on every page, and whoever asked to hear has been emailed.",
    requestGranted: "Request granted: the work is held for the collector, who has been emailed.",
    requestDeclined: "Request declined; the collector has been emailed.",
  },
  rooms: {
    made: "Room made: add its works, then invite the collectors it is for.",
    saved: "Changes saved.",
    workAdded: "Work added, at the end.",
    note: "Note saved.",
    moved: "Moved.",
    removed: "Taken out of the room.",
    invited: "Invited: their own link is on its way by email (it is not kept, so it cannot be shown here).",
    revoked: "Link withdrawn: it no longer opens the room.",
    closed: "Room closed: no link opens it any more.",
  },
  collectors: {
    note: "Note added.",
    tags: "Tags saved.",
    merged: "Merged: the other record's history, notes and tags are in this one now.",
  },
  collectorList: {
    erased: "Erased: nothing of that collector is held any more, under any of their addresses.",
  },
  emails: {
    filed: "Put into the enquiry's conversation.",
    setAside: "Set aside: it is kept, out of this list.",
  },
  replies: {
    added: "Saved reply added: it is offered in every enquiry's reply form.",
    saved: "Changes saved.",
    deleted: "Saved reply deleted.",
  },
  team: {
    role: "Role changed: it counts from the member's next click.",
    disabled: "Account disabled: it cannot sign in, and its sessions have ended.",
    enabled: "Account enabled again: it can sign in with its password.",
  },
} as const;

export type StaffNoticePage = keyof typeof STAFF_NOTICES;
export type StaffNotice<Page extends StaffNoticePage> = keyof (typeof STAFF_NOTICES)[Page];

/** The page's address with a notice it knows: `withNotice("/staff/team", "team", "role")`. */
export function withNotice<Page extends StaffNoticePage>(path: string, _page: Page, notice: StaffNotice<Page>): string {
  return `${path}?notice=${String(notice)}`;
}

/** The words for a notice key found in a query string, or undefined for none or one the page does not know. */
export function staffNoticeText(page: StaffNoticePage, key: unknown): string | undefined {
  const notices: Record<string, string> = STAFF_NOTICES[page];
  return typeof key === "string" && Object.hasOwn(notices, key) ? notices[key] : undefined;
}

/** After a photograph is added, moved or removed, or an upload is refused (`?photograph=…` on the work's page). */
export const PHOTOGRAPH_OUTCOMES = {
  added: { ok: true, text: "Photograph added. It now replaces the outline on the public pages." },
  removed: { ok: true, text: "Photograph removed." },
  moved: { ok: true, text: "Photograph moved. The public page shows them in this order." },
  "too-large": { ok: false, text: "That file is larger than 15 MB; nothing was uploaded." },
  "not-an-image": { ok: false, text: "That file is not a JPEG, PNG or WebP image; nothing was uploaded." },
  "not-stored": {
    ok: false,
    text: "The photograph could not be stored just now (the photograph store or the database did not answer); nothing was kept. Please try again in a moment.",
  },
  missing: { ok: false, text: "Choose a photograph to upload first." },
  unreadable: { ok: false, text: "The upload could not be read; please try again." },
} as const;

export type PhotographOutcome = keyof typeof PHOTOGRAPH_OUTCOMES;

export function photographOutcomeOf(key: unknown): (typeof PHOTOGRAPH_OUTCOMES)[PhotographOutcome] | undefined {
  return typeof key === "string" && Object.hasOwn(PHOTOGRAPH_OUTCOMES, key) ? PHOTOGRAPH_OUTCOMES[key as PhotographOutcome] : undefined;
}
