import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumb } from "@/components/breadcrumb";
import { EraseDetailsForm, FollowUpForm, KeepDetailsForm } from "@/components/follow-forms";
import { followNotice } from "@/lib/enquiries/follow-notices";
import { workLabel } from "@/lib/catalogue/describe";
import { pendingErasureThroughFollowLink, readFollowedEnquiry } from "@/lib/data/enquiry-follow";
import { LINK_TOKEN_PATTERN } from "@/lib/enquiries/link-token";
import { serverEnv } from "@/lib/env";
import { galleryClock, galleryDate, galleryDayLabel } from "@/lib/time/gallery-time";

// One collector's enquiry: drawn per visit, never kept by a shared cache, never indexed, and the
// link's token never sent to another site. ("same-origin", not "no-referrer": with no referrer at
// all a browser posts the page's forms with `Origin: null`, which this site refuses as a forgery.)
export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "Your enquiry",
  robots: { index: false, follow: false },
  referrer: "same-origin",
};

type Props = { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function FollowEnquiryPage({ params, searchParams }: Props) {
  const { token } = await params;
  const { notice } = await searchParams;
  const enquiry = LINK_TOKEN_PATTERN.test(token) ? await readFollowedEnquiry(token) : null;
  if (!enquiry) return <LinkDoesNotOpen galleryEmail={serverEnv().GALLERY_EMAIL} />;
  const erasureAt = await pendingErasureThroughFollowLink(token);
  const said = followNotice(notice);
  const timeZone = serverEnv().GALLERY_TIME_ZONE;

  return (
    <>
      <Breadcrumb trail={[{ label: "Home", href: "/" }, { label: "Your enquiry" }]} />
      <h1 className="text-4xl font-semibold">Your enquiry {enquiry.reference}</h1>
      <p role="status" className={said ? "mt-6 border-l-4 border-ok bg-white p-4 font-sans" : "sr-only"}>
        {said ?? ""}
      </p>
      <div className="mt-6 max-w-3xl border-l-4 border-accent bg-white p-5" data-testid="follow-status">
        <p className="eyebrow">Where it stands</p>
        <p className="mt-1 text-2xl font-semibold">{enquiry.status.label}</p>
        <p className="mt-1">{enquiry.status.explanation}</p>
        <p className="mt-3 font-sans text-sm text-ink-soft">Sent on {galleryDate(enquiry.createdAt)}.</p>
      </div>

      {enquiry.works.length > 0 && (
        <section aria-labelledby="works-heading" className="mt-10 max-w-3xl">
          <h2 id="works-heading" className="text-2xl font-semibold">
            {enquiry.works.length === 1 ? "The work you asked about" : `The ${enquiry.works.length} works you asked about`}
          </h2>
          <ul className="mt-4 divide-y divide-rule border-y border-rule">
            {enquiry.works.map(({ asked, now }, index) => (
              <li
                key={`${asked.slug}-${index}`}
                className="grid gap-4 py-4 font-sans text-[0.95rem] sm:grid-cols-2"
                data-testid="follow-work"
              >
                <div>
                  <p className="text-sm text-ink-soft">When you asked</p>
                  <p className="font-serif text-lg font-semibold">{workLabel(asked)}</p>
                  <p>{asked.medium}</p>
                  {asked.sizes.map((size) => (
                    <p key={size} className="text-ink-soft">
                      {size}
                    </p>
                  ))}
                  <p>
                    {asked.availability} · {asked.price}
                  </p>
                </div>
                <div>
                  <p className="text-sm text-ink-soft">Now</p>
                  {now ? (
                    <>
                      <p className="font-serif text-lg font-semibold">
                        <Link href={`/works/${now.slug}`}>{now.label}</Link>
                      </p>
                      <p data-testid="follow-work-now">
                        {now.availability}
                        {now.forSale ? ` · ${now.price}` : ""}
                      </p>
                    </>
                  ) : (
                    <p data-testid="follow-work-now">No longer shown in the catalogue.</p>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}

      {(enquiry.offers.length > 0 || enquiry.invoices.length > 0) && (
        <section aria-labelledby="sale-heading" className="mt-10 max-w-3xl">
          <h2 id="sale-heading" className="text-2xl font-semibold">
            Offers and invoices
          </h2>
          <ul className="mt-4 space-y-2 font-sans">
            {enquiry.offers.map((offer) => (
              <li key={offer.path} data-testid="follow-offer">
                Your offer of {offer.amount} for {offer.workLabel}: {offer.status}. <Link href={offer.path}>See the offer</Link>
              </li>
            ))}
            {enquiry.invoices.map((invoice) => (
              <li key={invoice.number} data-testid="follow-invoice">
                {invoice.title} {invoice.number}, {invoice.total}:{" "}
                <a href={`/follow/${token}/invoices/${invoice.number}`} download>
                  download the PDF
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="conversation-heading" className="mt-10 max-w-3xl">
        <h2 id="conversation-heading" className="text-2xl font-semibold">
          The conversation
        </h2>
        <ol className="mt-4 space-y-4">
          <li className="bg-paper-deep p-4">
            <p className="font-sans text-sm text-ink-soft">You wrote, {galleryDate(enquiry.createdAt)}</p>
            <p className="mt-1 whitespace-pre-line">{enquiry.message || "(Your questions, without a message.)"}</p>
          </li>
          {[
            ...enquiry.replies.map((reply) => ({ kind: "reply" as const, at: reply.sentAt, reply })),
            ...enquiry.followUps.map((followUp) => ({ kind: "follow-up" as const, at: followUp.createdAt, followUp })),
          ]
            .sort((a, b) => (a.at ?? "9999").localeCompare(b.at ?? "9999"))
            .map((entry, index) =>
              entry.kind === "reply" ? (
                <li key={`reply-${index}`} className="border border-rule bg-white p-4" data-testid="follow-reply">
                  <p className="font-sans text-sm text-ink-soft">
                    The gallery replied{entry.reply.sentAt ? `, ${galleryDate(entry.reply.sentAt)}` : " (on its way to your inbox)"}:{" "}
                    <strong className="text-ink">{entry.reply.subject}</strong>
                  </p>
                  <p className="mt-2 whitespace-pre-line">{entry.reply.body}</p>
                </li>
              ) : (
                <li key={`follow-up-${index}`} className="bg-paper-deep p-4" data-testid="follow-up">
                  <p className="font-sans text-sm text-ink-soft">You added, {galleryDate(entry.followUp.createdAt)}</p>
                  <p className="mt-1 whitespace-pre-line">{entry.followUp.body}</p>
                </li>
              ),
            )}
        </ol>
      </section>

      <section aria-labelledby="follow-up-heading" className="mt-10 max-w-2xl">
        <h2 id="follow-up-heading" className="text-2xl font-semibold">
          Add a message
        </h2>
        <div className="mt-4">
          <FollowUpForm token={token} />
        </div>
      </section>

      <section aria-labelledby="erase-heading" className="mt-12 max-w-2xl border-t border-rule pt-8">
        <h2 id="erase-heading" className="text-2xl font-semibold">
          Erase your details
        </h2>
        {erasureAt ? (
          <div className="mt-4 border-l-4 border-alert bg-white p-5" data-testid="erasure-pending">
            <p>
              Your enquiries, the emails about them and the gallery&rsquo;s notes on them will be erased on{" "}
              <strong>
                {galleryDayLabel(erasureAt, timeZone)} at {galleryClock(erasureAt, timeZone)}
              </strong>
              . Changed your mind? Until then, one press keeps everything as it is.
            </p>
            <div className="mt-4">
              <KeepDetailsForm token={token} />
            </div>
          </div>
        ) : (
          <>
            <p className="mt-2 mb-4">
              You can have the gallery forget you: your enquiries, the emails about them and the notes on them, a day after you ask (until
              then you can change your mind on this page). See the <Link href="/privacy">privacy notice</Link>.
            </p>
            <EraseDetailsForm token={token} />
          </>
        )}
      </section>
      <p className="mt-10 font-sans text-sm text-ink-soft">
        This page is private to you: anyone with its link can see it, so please don&rsquo;t share it. The link works until{" "}
        {galleryDate(enquiry.expiresAt)}.
      </p>
    </>
  );
}

/** The same answer for a guessed, an expired and a withdrawn link: which one it was is nobody's business. */
function LinkDoesNotOpen({ galleryEmail }: { galleryEmail: string }) {
  return (
    <section aria-labelledby="no-enquiry-heading" className="max-w-2xl">
      <h1 id="no-enquiry-heading" className="text-4xl font-semibold">
        This link does not open an enquiry
      </h1>
      <p className="mt-4 text-lg" data-testid="follow-refused">
        It may have expired, been withdrawn by the gallery, or been copied only in part. Please check that the whole link from your email
        was opened, or write to <a href={`mailto:${galleryEmail}`}>{galleryEmail}</a> with your reference.
      </p>
    </section>
  );
}
