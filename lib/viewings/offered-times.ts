/** The viewing times a collector chooses from, grouped by day in the gallery's words. */
import { galleryClock, galleryDayLabel } from "@/lib/time/gallery-time";

export type OfferedTime = { id: string; time: string; placesLeft: number };
export type OfferedDay = { day: string; times: OfferedTime[] };

export function groupOfferedTimes(
  slots: Array<{ id: string; startsAt: string; endsAt: string; placesLeft: number }>,
  timeZone: string,
): OfferedDay[] {
  const days: OfferedDay[] = [];
  for (const slot of slots) {
    const day = galleryDayLabel(new Date(slot.startsAt), timeZone);
    const time = `${galleryClock(new Date(slot.startsAt), timeZone)}–${galleryClock(new Date(slot.endsAt), timeZone)}`;
    const last = days.at(-1);
    if (last?.day === day) last.times.push({ id: slot.id, time, placesLeft: slot.placesLeft });
    else days.push({ day, times: [{ id: slot.id, time, placesLeft: slot.placesLeft }] });
  }
  return days;
}
