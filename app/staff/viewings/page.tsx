import type { Metadata } from "next";
import Link from "next/link";
import { CloseDayForm, OfferTimesForm } from "@/components/staff/viewing-forms";
import { EditorOnly } from "@/components/staff/editor-only";
import { roleAllows } from "@/lib/staff/roles";
import { requireStaff } from "@/lib/auth/staff-session";
import { workLabel } from "@/lib/catalogue/describe";
import { readViewingDay } from "@/lib/data/staff/viewings";
import { serverEnv } from "@/lib/env";
import { addDays, galleryClock, galleryDay, galleryDayLabel, galleryTimeToInstant } from "@/lib/time/gallery-time";

export const metadata: Metadata = { title: "Viewings", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ViewingsPage({ searchParams }: Props) {
  const staff = await requireStaff();
  const canEdit = roleAllows(staff.role, "staff");
  const { day: dayParam, closed, kept } = await searchParams;
  const zone = serverEnv().GALLERY_TIME_ZONE;
  const today = galleryDay(new Date(), zone);
  const day =
    typeof dayParam === "string" && /^\d{4}-\d{2}-\d{2}$/.test(dayParam) && !Number.isNaN(Date.parse(dayParam)) ? dayParam : today;
  const slots = await readViewingDay(staff, day);
  const dayLabel = galleryDayLabel(galleryTimeToInstant(day, "12:00", zone), zone);
  // Who is coming: not a cancelled booking, nor one still waiting for staff to release it.
  const coming = slots.flatMap((slot) => slot.bookings.filter((booking) => !booking.cancelledAt && !booking.awaitingRelease));
  const notice =
    typeof closed === "string"
      ? `${closed} time${closed === "1" ? "" : "s"} closed: no longer offered to collectors.${typeof kept === "string" ? ` ${kept} booking${kept === "1" ? " was" : "s were"} already made for this day and ${kept === "1" ? "is" : "are"} kept below: please let ${kept === "1" ? "that collector" : "those collectors"} know.` : ""}`
      : null;

  return (
    <>
      <h1 className="text-3xl font-semibold">Viewings</h1>
      <p role="status" className={notice ? "mt-4 border-l-4 border-ok bg-white p-3 font-sans" : "sr-only"}>
        {notice}
      </p>
      <nav aria-label="Days" className="mt-4 flex flex-wrap items-end gap-4 font-sans text-sm">
        <Link href={`/staff/viewings?day=${addDays(day, -1)}`}>← Previous day</Link>
        <Link href={`/staff/viewings?day=${today}`}>Today</Link>
        <Link href={`/staff/viewings?day=${addDays(day, 1)}`}>Next day →</Link>
        <form method="get" className="flex items-end gap-2">
          <label htmlFor="viewing-day" className="sr-only">
            Go to a day
          </label>
          <input id="viewing-day" name="day" type="date" defaultValue={day} className="field-input mt-0" />
          <button type="submit" className="button-quiet">
            Show
          </button>
        </form>
      </nav>

      <section aria-labelledby="day-heading" className="mt-8">
        <h2 id="day-heading" className="text-2xl font-semibold">
          {dayLabel}
        </h2>
        <p className="mt-1 font-sans text-sm text-ink-soft" data-testid="viewing-day-summary">
          {slots.length === 0
            ? "No viewing times on this day."
            : `${slots.length} time${slots.length === 1 ? "" : "s"}; ${coming.length} ${coming.length === 1 ? "party" : "parties"} coming.`}
        </p>
        {coming.length > 0 && (
          <div className="mt-4 bg-white p-4 font-sans text-sm" data-testid="works-to-bring-out">
            <h3 className="font-semibold">Works to bring out</h3>
            <ul className="mt-1 list-disc pl-5">
              {[...new Map(coming.flatMap((booking) => booking.works).map((work) => [work.slug, work])).values()].map((work) => (
                <li key={work.slug}>
                  {workLabel(work)} <span className="text-ink-soft">({work.sizes[0] ?? work.medium})</span>
                </li>
              ))}
            </ul>
          </div>
        )}
        <ol className="mt-6 space-y-4">
          {slots.map((slot) => (
            <li key={slot.id} className="border border-rule bg-white p-4 font-sans text-sm" data-testid="viewing-slot">
              <p className="text-base font-semibold">
                {galleryClock(new Date(slot.startsAt), zone)}–{galleryClock(new Date(slot.endsAt), zone)}{" "}
                <span className="font-normal text-ink-soft">
                  {slot.booked} of {slot.capacity} {slot.capacity === 1 ? "place" : "places"} booked
                  {slot.closed ? " · closed: no longer offered" : ""}
                </span>
              </p>
              {slot.bookings.length > 0 && (
                <ul className="mt-2 space-y-2">
                  {slot.bookings.map((booking) => (
                    <li
                      key={booking.reference}
                      className={booking.cancelledAt ? "text-ink-soft line-through" : ""}
                      data-testid="viewing-booking"
                    >
                      <Link href={`/staff/enquiries/${booking.reference}`}>{booking.name}</Link> · {booking.email}
                      {booking.phone ? ` · ${booking.phone}` : ""} · {booking.reference}
                      {booking.cancelledAt ? <span className="no-underline"> (cancelled)</span> : null}
                      {!booking.cancelledAt && booking.awaitingRelease ? " (waiting for release: no place taken yet)" : null}
                      {booking.works.length > 0 && (
                        <span className="block">To see: {booking.works.map((work) => workLabel(work)).join("; ")}</span>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      </section>

      <EditorOnly canEdit={canEdit}>
        <section aria-labelledby="close-heading" className="mt-12 max-w-2xl">
          <h2 id="close-heading" className="text-xl font-semibold">
            Close a day
          </h2>
          <p className="mt-1 mb-3 font-sans text-sm">
            A day the gallery is shut: its times are no longer offered. Bookings already made stay listed here.
          </p>
          <CloseDayForm day={day} />
        </section>

        <section aria-labelledby="offer-heading" className="mt-12 max-w-2xl">
          <h2 id="offer-heading" className="text-xl font-semibold">
            Offer viewing times
          </h2>
          <p className="mt-1 mb-3 font-sans text-sm">
            Opening hours become times of the length you choose, on the days of the week you tick, in the gallery&rsquo;s time ({zone}). For
            one time only, give one day and its length. Times already offered are left as they are.
          </p>
          <OfferTimesForm today={day} />
        </section>
      </EditorOnly>
    </>
  );
}
