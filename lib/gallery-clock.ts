import "server-only";
import { serverEnv } from "@/lib/env";

/**
 * "26 Nov 2026, 08:04": how the staff area writes a moment, in the gallery's own clock
 * (GALLERY_TIME_ZONE), the one reply-by times and viewings are counted in. Server-side only: a form
 * in the browser is given the words, not the instant.
 */
export function staffTime(iso: string): string {
  return new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: serverEnv().GALLERY_TIME_ZONE });
}

/** "26 November 2026": a day in the gallery's clock. */
export function galleryDate(iso: string): string {
  return new Date(iso).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: serverEnv().GALLERY_TIME_ZONE,
  });
}
