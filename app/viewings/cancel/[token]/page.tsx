import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumb } from "@/components/breadcrumb";
import { CancelViewingForm } from "@/components/cancel-viewing-form";
import { readBookingByCancelLink } from "@/lib/data/viewing-bookings";
import { LINK_TOKEN_PATTERN } from "@/lib/enquiries/link-token";
import { serverEnv } from "@/lib/env";
import { viewingTimeLabel } from "@/lib/time/gallery-time";

// One collector's booking: drawn per visit, never cached or indexed. Opening the link changes
// nothing (mail programs open links to scan them): only the button cancels.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your viewing", robots: { index: false, follow: false }, referrer: "same-origin" };

type Props = { params: Promise<{ token: string }> };

export default async function CancelViewingPage({ params }: Props) {
  const { token } = await params;
  const env = serverEnv();
  const booking = LINK_TOKEN_PATTERN.test(token) ? await readBookingByCancelLink(token) : null;
  if (!booking) {
    return (
      <section aria-labelledby="viewing-heading" className="max-w-2xl">
        <h1 id="viewing-heading" className="text-4xl font-semibold">
          This link does not open a viewing
        </h1>
        <p className="mt-4 text-lg" data-testid="viewing-refused">
          It may have been copied only in part, or the viewing was erased with its enquiry. Please write to{" "}
          <a href={`mailto:${env.GALLERY_EMAIL}`}>{env.GALLERY_EMAIL}</a>.
        </p>
      </section>
    );
  }
  const when = viewingTimeLabel(new Date(booking.startsAt), new Date(booking.endsAt), env.GALLERY_TIME_ZONE);
  const past = new Date(booking.startsAt) <= new Date();
  return (
    <>
      <Breadcrumb trail={[{ label: "Home", href: "/" }, { label: "Your viewing" }]} />
      <section aria-labelledby="viewing-heading" className="max-w-2xl">
        <h1 id="viewing-heading" className="text-4xl font-semibold">
          Your viewing
        </h1>
        <div className="mt-6 border-l-4 border-accent bg-white p-5" data-testid="viewing-booking">
          <p className="text-2xl font-semibold">{when}</p>
          <p className="mt-1">{env.GALLERY_ADDRESS || env.GALLERY_NAME}</p>
          {booking.works.length > 0 && <p className="mt-2 font-sans text-sm">To see: {booking.works.join("; ")}</p>}
          <p className="mt-2 font-sans text-sm text-ink-soft">Enquiry {booking.reference}</p>
        </div>
        {booking.cancelledAt ? (
          <p role="status" className="mt-6 border-l-4 border-ok bg-white p-4 font-sans" data-testid="viewing-cancelled">
            This viewing is cancelled, and its time is free for someone else. The gallery has been told.
          </p>
        ) : past ? (
          <p className="mt-6 font-sans">This viewing&rsquo;s time has passed.</p>
        ) : (
          <div className="mt-6">
            <p className="mb-4">If you cannot come, cancel here so that someone else can have the time.</p>
            <CancelViewingForm token={token} />
          </div>
        )}
        <p className="mt-8 font-sans">
          <Link href="/works">Back to the works</Link>
        </p>
      </section>
    </>
  );
}
