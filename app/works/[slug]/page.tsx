import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArtworkPhotographs } from "@/components/artwork-photographs";
import { Breadcrumb } from "@/components/breadcrumb";
import { EnquiryForm } from "@/components/enquiry-form";
import { AvailabilityAlertForm } from "@/components/availability-alert-form";
import { NewWorkAlertForm } from "@/components/new-work-alert-form";
import { ReserveRequestForm } from "@/components/reserve-request-form";
import { formatPrice } from "@/lib/catalogue/prices";
import { readSaleSettings } from "@/lib/data/sale-settings";
import { offerFloorMinor } from "@/lib/sales/offers";
import { EnquiryListButton } from "@/components/enquiry-list-button";
import { JsonLd } from "@/components/json-ld";
import { Paragraphs } from "@/components/paragraphs";
import { SizeComparison } from "@/components/size-comparison";
import { artistWithDates, artworkAltText, availabilityLabel, lifeDates, priceText, workLabel } from "@/lib/catalogue/describe";
import { visualArtworkJsonLd } from "@/lib/catalogue/structured-data";
import { formatBothUnits } from "@/lib/catalogue/sizes";
import { CATEGORY_LABELS, DIMENSION_KIND_LABELS } from "@/lib/catalogue/vocabulary";
import { listArtworksToPrerender } from "@/lib/data/catalogue";
import { getArtwork } from "@/lib/catalogue-cache/cached-catalogue";
import { issuePageFormToken } from "@/lib/enquiries/form-token";
import { serverEnv } from "@/lib/env";
import { absoluteUrl } from "@/lib/http/site";

type Props = { params: Promise<{ slug: string }> };

/**
 * Made again at most hourly (WORK_PAGE_REMADE_EVERY_SECONDS; a literal, as Next reads it at build):
 * the form's built-in token, which visitors without JavaScript use, stays young.
 */
export const revalidate = 3600;

/** The first works are rendered at build; any other is rendered on its first visit, then kept (dynamicParams). */
export async function generateStaticParams() {
  return listArtworksToPrerender();
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const work = await getArtwork(slug);
  if (!work) return {};
  const path = `/works/${work.slug}`;
  const description = `${work.title} by ${artistWithDates(work.artist)}. ${work.technique ?? CATEGORY_LABELS[work.category]}${work.year ? `, ${work.year}` : ""}. ${availabilityLabel(work.availability)}.`;
  return {
    title: `${workLabel(work)} — ${work.artist.name}`,
    description,
    alternates: { canonical: path },
    openGraph: { title: `${work.title} by ${work.artist.name}`, description, url: path, type: "article" },
  };
}

export default async function ArtworkPage({ params }: Props) {
  const { slug } = await params;
  const work = await getArtwork(slug);
  if (!work) notFound();
  const sectionHref = `/exhibitions/${work.exhibition.slug}/${work.section.slug}`;
  const forSale = work.availability === "available" || work.availability === "reserved";
  const takesOffers = work.availability === "available" && work.priceMinor !== null && work.currency !== null;
  const sale = takesOffers ? await readSaleSettings() : null;

  return (
    <>
      <JsonLd data={visualArtworkJsonLd(work, absoluteUrl(`/works/${work.slug}`))} />
      <Breadcrumb
        trail={[
          { label: "Home", href: "/" },
          { label: work.exhibition.title, href: `/exhibitions/${work.exhibition.slug}` },
          { label: work.section.title, href: sectionHref },
          { label: workLabel(work) },
        ]}
      />
      <article aria-labelledby="artwork-title" className="grid gap-10 lg:grid-cols-[3fr_2fr]">
        <div>
          <ArtworkPhotographs photographs={work.photographs} dimensions={work.dimensions} fallbackAlt={artworkAltText(work)} />
          <SizeComparison dimensions={work.dimensions} title={work.title} />
        </div>
        <div>
          {work.catalogueNumber ? <p className="eyebrow">Catalogue number {work.catalogueNumber}</p> : null}
          <h1 id="artwork-title" className="mt-2 text-4xl font-semibold">
            {work.title}
          </h1>
          <p className="mt-2 text-lg">
            by {work.artist.name} <span className="text-ink-soft">{lifeDates(work.artist) && `(${lifeDates(work.artist)})`}</span>
          </p>
          <dl className="mt-6 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 border-y border-rule py-5 font-sans text-[0.95rem]">
            <dt className="text-ink-soft">Category</dt>
            <dd>{CATEGORY_LABELS[work.category]}</dd>
            {work.technique && (
              <>
                <dt className="text-ink-soft">Medium</dt>
                <dd>{work.technique}</dd>
              </>
            )}
            {work.signature && (
              <>
                <dt className="text-ink-soft">Signature</dt>
                <dd>{work.signature}</dd>
              </>
            )}
            {work.year && (
              <>
                <dt className="text-ink-soft">Year</dt>
                <dd>{work.year}</dd>
              </>
            )}
            {work.dimensions.map((dimension) => (
              <SizeRow key={dimension.kind} label={DIMENSION_KIND_LABELS[dimension.kind]} value={formatBothUnits(dimension)} />
            ))}
            {/* A size line the catalogue could not read is shown as the gallery wrote it, never as a guessed number. */}
            {work.dimensions.length === 0 && work.sizeAsWritten ? <SizeRow label="Size" value={work.sizeAsWritten} /> : null}
            <dt className="text-ink-soft">Availability</dt>
            <dd data-testid="availability">{availabilityLabel(work.availability)}</dd>
            {forSale && (
              <>
                <dt className="text-ink-soft">Price</dt>
                <dd data-testid="price">{priceText(work)}</dd>
              </>
            )}
          </dl>
          <div className="mt-6 flex flex-wrap items-center gap-3">
            <a href="#enquire" className="button-primary">
              Enquire about this work
            </a>
            {takesOffers && (
              <a href="#offer" className="button-quiet">
                Make an offer
              </a>
            )}
            <EnquiryListButton workId={work.id} label={workLabel(work)} />
          </div>
          <p className="mt-2 font-sans text-sm text-ink-soft">
            Interested in several works? Add each to your enquiry list and ask about them all at once.
          </p>
          <p className="mt-3 font-sans text-sm text-ink-soft">
            {forSale
              ? "Ask about the price, its condition and framing, delivery or a viewing. The gallery answers every enquiry personally."
              : "This work is not for sale, but the gallery is glad to answer questions about it or about similar works."}
          </p>
        </div>
      </article>
      <div className="mt-12 grid gap-10 lg:grid-cols-[3fr_2fr]">
        <section aria-labelledby="about-work">
          <h2 id="about-work" className="text-2xl font-semibold">
            About the work
          </h2>
          <Paragraphs text={work.description} className="mt-4 text-lg" />
        </section>
        {work.curatorNote && (
          <section aria-labelledby="curator-note" className="self-start border-l-2 border-accent pl-6">
            <h2 id="curator-note" className="text-xl font-semibold">
              Curator’s note
            </h2>
            <Paragraphs text={work.curatorNote} className="mt-3 font-serif-italic italic" />
          </section>
        )}
      </div>
      {(work.availability === "reserved" || work.availability === "sold") && (
        <section aria-labelledby="alert-heading" className="mt-14 max-w-2xl border-t border-rule pt-8" data-testid="availability-alert">
          <h2 id="alert-heading" className="text-2xl font-semibold">
            Hear if it becomes available
          </h2>
          <p className="mt-2 mb-4 font-sans text-sm text-ink-soft">
            {work.availability === "reserved"
              ? "This work is reserved for another collector. Leave your address and we will email you once if the reservation ends without a sale."
              : "This work is sold. Should it ever come back to the gallery, we will email you once."}
          </p>
          <AvailabilityAlertForm artworkSlug={work.slug} />
        </section>
      )}
      {takesOffers && sale && work.priceMinor !== null && work.currency && (
        <section id="offer" aria-labelledby="offer-heading" className="mt-14 max-w-2xl scroll-mt-6 border-t border-rule pt-8">
          <h2 id="offer-heading" className="text-2xl font-semibold">
            Make an offer
          </h2>
          <p className="mt-2 mb-6 font-sans text-sm text-ink-soft">
            Your offer stands for {sale.offerDays} days. The gallery accepts it, declines it or makes a counter-offer, and you can follow it
            from the link in its email; if it lapses unanswered, you are told. Nothing is owed until you pay an invoice.
          </p>
          <EnquiryForm
            artwork={{ slug: work.slug, label: workLabel(work) }}
            formToken={issuePageFormToken(serverEnv().FORM_SIGNING_SECRET)}
            headingId="offer-heading"
            offer={{
              currency: work.currency,
              asking: formatPrice(work.priceMinor, work.currency),
              floor: formatPrice(offerFloorMinor(work.priceMinor, sale.offerFloorPercent), work.currency),
            }}
          />
        </section>
      )}
      {takesOffers && sale && (
        <section id="reserve" aria-labelledby="reserve-heading" className="mt-14 max-w-2xl scroll-mt-6 border-t border-rule pt-8">
          <h2 id="reserve-heading" className="text-2xl font-semibold">
            Reserve it for {sale.collectorHoldHours} hours
          </h2>
          <p className="mt-2 mb-4 font-sans text-sm text-ink-soft">
            Time to think, or to come and see it: confirm from the email we send, and the gallery reserves it for you or answers you. One
            request at a time for each address.
          </p>
          <ReserveRequestForm artworkSlug={work.slug} hours={sale.collectorHoldHours} />
        </section>
      )}
      <section
        id="enquire"
        aria-labelledby="enquire-heading"
        className="mt-14 scroll-mt-6 border-t border-rule bg-paper-deep px-5 py-8 sm:px-8"
      >
        <div className="max-w-2xl">
          <h2 id="enquire-heading" className="text-2xl font-semibold">
            Enquire about this work
          </h2>
          <p className="mt-2 mb-6 font-sans text-sm text-ink-soft">
            Your enquiry goes straight to the gallery, and you receive a reference by email at once.
          </p>
          <EnquiryForm
            artwork={{ slug: work.slug, label: workLabel(work) }}
            viewingTimes="fetch"
            formToken={issuePageFormToken(serverEnv().FORM_SIGNING_SECRET)}
            headingId="enquire-heading"
          />
        </div>
      </section>
      <section aria-labelledby="new-works-heading" className="mt-14 max-w-2xl border-t border-rule pt-8" data-testid="new-works-alert">
        <h2 id="new-works-heading" className="text-2xl font-semibold">
          Hear about new works like this
        </h2>
        <p className="mt-2 mb-4 font-sans text-sm text-ink-soft">
          When the gallery adds works like this one, we email you: at most once a day, only when there is something new.
        </p>
        <NewWorkAlertForm
          page={{ artworkSlug: work.slug }}
          choices={[
            { scope: "artist", label: `Any new work by ${work.artist.name}` },
            { scope: "section", label: `New works in “${work.section.title}”` },
            ...(work.category === "other"
              ? []
              : [{ scope: "medium" as const, label: `New ${CATEGORY_LABELS[work.category].toLowerCase()}s by ${work.artist.name}` }]),
          ]}
          currencySymbol={work.currency === "USD" ? "$" : work.currency === "EUR" ? "€" : "£"}
        />
      </section>
      <nav aria-label={`More works in ${work.section.title}`} className="mt-14 grid grid-cols-2 gap-6 border-t border-rule pt-6 font-sans">
        <div>
          {work.previous && (
            <Link href={`/works/${work.previous.slug}`} rel="prev" className="no-underline hover:underline">
              <span className="block text-sm text-ink-soft">← Previous in {work.section.title}</span>
              {workLabel(work.previous)}
            </Link>
          )}
        </div>
        <div className="text-right">
          {work.next && (
            <Link href={`/works/${work.next.slug}`} rel="next" className="no-underline hover:underline">
              <span className="block text-sm text-ink-soft">Next in {work.section.title} →</span>
              {workLabel(work.next)}
            </Link>
          )}
        </div>
      </nav>
    </>
  );
}

function SizeRow({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt className="text-ink-soft">{label}</dt>
      <dd>{value}</dd>
    </>
  );
}
