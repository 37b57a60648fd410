/** What the activity log records changes to, and how the staff area names each kind. */
export const ACTIVITY_SUBJECTS = [
  "enquiry",
  "artwork",
  "section",
  "exhibition",
  "import",
  "staff",
  "viewing",
  "privacy",
  "settings",
  "reply",
  "invoice",
  "collector",
  "room",
] as const;
export type ActivitySubject = (typeof ACTIVITY_SUBJECTS)[number];

export const ACTIVITY_SUBJECT_LABELS: Record<ActivitySubject, string> = {
  enquiry: "Enquiries",
  artwork: "Works",
  section: "Sections",
  exhibition: "Exhibitions",
  import: "Imports",
  staff: "Staff accounts",
  viewing: "Viewings",
  privacy: "Privacy requests",
  settings: "Gallery settings",
  reply: "Saved replies",
  invoice: "Invoices",
  collector: "Collector records",
  room: "Viewing rooms",
};
