/** Holds: how long they may run, and how a hold's end reads to staff and collectors. */
import { addDays, galleryClock, galleryDay, galleryDayLabel } from "@/lib/time/gallery-time";

/** Nobody reserves a work for longer than this at a time; a longer arrangement is extended. */
export const LONGEST_HOLD_DAYS = 90;

/** "Friday 12 December 2026, 17:00", in the gallery's clock. */
export function heldUntilLabel(heldUntil: Date, timeZone: string): string {
  return `${galleryDayLabel(heldUntil, timeZone)}, ${galleryClock(heldUntil, timeZone)}`;
}

/** Why a requested end cannot be a hold's end, in a sentence; null when it can. */
export function holdEndProblem(heldUntil: Date, now: Date): string | null {
  if (heldUntil.getTime() <= now.getTime()) return "That time has passed: choose a later one.";
  if (heldUntil.getTime() - now.getTime() > LONGEST_HOLD_DAYS * 86_400_000)
    return `A hold can run for ${LONGEST_HOLD_DAYS} days at most: choose an earlier end, and extend it later if need be.`;
  return null;
}

/** What a new hold's form offers: a week from today, at five in the afternoon, in the gallery's clock. */
export function suggestedHoldEnd(now: Date, timeZone: string, days = 7): { day: string; time: string } {
  return { day: addDays(galleryDay(now, timeZone), days), time: "17:00" };
}
