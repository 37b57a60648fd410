/** What the follow page says after one of its forms sent the browser back (`?notice=…`); nothing for a key it does not know. */
export const FOLLOW_NOTICES = {
  sent: "Your message has been added to your enquiry and sent to the gallery.",
  "erasure-asked": "Your details will be erased at the time shown below. Until then you can change your mind here.",
  "erasure-withdrawn": "Nothing will be erased: your request has been withdrawn, and the gallery keeps your enquiries as before.",
  "nothing-to-withdraw": "There was no request to erase your details waiting: nothing has changed.",
} as const;

export type FollowNotice = keyof typeof FOLLOW_NOTICES;

export function followNotice(value: unknown): string | null {
  return typeof value === "string" && Object.hasOwn(FOLLOW_NOTICES, value) ? FOLLOW_NOTICES[value as FollowNotice] : null;
}
