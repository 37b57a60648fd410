import type { Metadata } from "next";
import Link from "next/link";
import { ArtworkVisual } from "@/components/artwork-visual";
import { Breadcrumb } from "@/components/breadcrumb";
import { EnquiryForm } from "@/components/enquiry-form";
import { availabilityLabel, mediumLine, priceText, workLabel } from "@/lib/catalogue/describe";
import { formatBothUnits } from "@/lib/catalogue/sizes";
import { DIMENSION_KIND_LABELS } from "@/lib/catalogue/vocabulary";
import { readListedArtworks, type ListedArtwork } from "@/lib/data/catalogue";
import { offeredViewingTimes } from "@/lib/data/viewing-bookings";
import { ENQUIRY_LIST_MAX } from "@/lib/enquiries/enquiry-list";
import { currentEnquiryList } from "@/lib/routes/current-enquiry-list";
import { ENQUIRY_LIST_ENDPOINT } from "@/lib/enquiries/enquiry-list-cookie";
import { enquiryListNotice, isEnquiryListNotice } from "@/lib/enquiries/enquiry-list-notices";
import { issueFormToken } from "@/lib/enquiries/form-token";
import { serverEnv } from "@/lib/env";

// Drawn for each visitor from their list cookie: never from a shared cache.
export const metadata: Metadata = {
  title: "Your enquiry list",
  robots: { index: false, follow: false },
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function labelOf(entry: ListedArtwork): string | null {
  if (entry.state === "shown") return workLabel(entry.work);
  if (entry.state === "hidden") return workLabel(entry.label);
  return null;
}

export default async function EnquiryListPage({ searchParams }: Props) {
  const { notice, work: noticeWork } = await searchParams;
  const [entries, viewingTimes] = await Promise.all([currentEnquiryList().then(readListedArtworks), offeredViewingTimes()]);
  let noticeText: string | null = null;
  if (isEnquiryListNotice(notice)) {
    const named = typeof noticeWork === "string" ? (await readListedArtworks([noticeWork]))[0] : undefined;
    noticeText = enquiryListNotice(notice, named ? labelOf(named) : null, entries.length);
  }
  const unavailable = entries.filter((entry) => entry.state !== "shown").length;

  return (
    <>
      <Breadcrumb trail={[{ label: "Home", href: "/" }, { label: "Your enquiry list" }]} />
      <h1 className="text-4xl font-semibold">Your enquiry list</h1>
      <p role="status" className={noticeText ? "mt-6 border-l-4 border-ok bg-white p-4 font-sans" : "sr-only"} data-testid="list-notice">
        {noticeText}
      </p>
      {entries.length === 0 ? (
        <div className="mt-6 max-w-2xl text-lg">
          <p>Your enquiry list is empty.</p>
          <p className="mt-3">
            Press “Add to my enquiry” on any work to put it here, then ask the gallery about them all in one message (up to{" "}
            {ENQUIRY_LIST_MAX} works). The list is kept in this browser; no account is needed.
          </p>
          <p className="mt-6 font-sans">
            <Link href="/works">Browse all works</Link>
          </p>
        </div>
      ) : (
        <>
          <p className="mt-3 max-w-2xl text-lg">
            {entries.length} {entries.length === 1 ? "work" : "works"} (at most {ENQUIRY_LIST_MAX}). Ask the gallery about them all at once
            below; the gallery sees each work as it is described here.
          </p>
          <ol className="mt-8 divide-y divide-rule border-y border-rule" aria-label="Works on your list">
            {entries.map((entry) => (
              <ListEntry key={entry.id} entry={entry} />
            ))}
          </ol>
          <form method="post" action={ENQUIRY_LIST_ENDPOINT} data-enquiry-list-work="" data-refresh-after="true" className="mt-4">
            <input type="hidden" name="intent" value="clear" />
            <button type="submit" className="button-quiet">
              Empty the list
            </button>
          </form>
          <section aria-labelledby="enquire-heading" className="mt-12 max-w-2xl border-t border-rule bg-paper-deep px-5 py-8 sm:px-8">
            <h2 id="enquire-heading" className="text-2xl font-semibold">
              Ask about {entries.length === 1 ? "this work" : `these ${entries.length} works`}
            </h2>
            {unavailable > 0 && (
              <p className="mt-3 border-l-4 border-alert bg-white p-3 font-sans text-sm">
                {unavailable === 1 ? "One work on your list is" : `${unavailable} works on your list are`} no longer in the catalogue:
                please take {unavailable === 1 ? "it" : "them"} off before sending.
              </p>
            )}
            <p className="mt-2 mb-6 font-sans text-sm text-ink-soft">
              One message to the gallery names every work above; you receive a reference by email at once.
            </p>
            <EnquiryForm
              listedWorks={entries.map((entry) => ({ id: entry.id, label: labelOf(entry) ?? "a removed work" }))}
              viewingTimes={viewingTimes}
              formToken={issueFormToken(serverEnv().FORM_SIGNING_SECRET)}
              headingId="enquire-heading"
            />
          </section>
        </>
      )}
    </>
  );
}

function ListEntry({ entry }: { entry: ListedArtwork }) {
  const label = labelOf(entry);
  return (
    <li className="grid gap-4 py-5 sm:grid-cols-[7rem_1fr_auto]" data-testid="list-entry">
      <div className="flex h-28 w-28 items-center justify-center bg-paper-deep p-2">
        {entry.state === "shown" ? (
          <ArtworkVisual
            photograph={entry.work.photograph}
            dimensions={entry.work.dimensions}
            label={null}
            sizes="7rem"
            className="h-full w-full"
          />
        ) : null}
      </div>
      <div className="font-sans text-[0.95rem]">
        {entry.state === "shown" ? (
          <>
            <p className="font-serif text-lg font-semibold">
              <Link href={`/works/${entry.work.slug}`}>{label}</Link>
            </p>
            <p className="text-ink-soft">
              {mediumLine(entry.work)}
              {entry.work.year ? `, ${entry.work.year}` : ""}
            </p>
            {entry.work.dimensions.map((dimension) => (
              <p key={dimension.kind} className="text-ink-soft">
                {DIMENSION_KIND_LABELS[dimension.kind]}: {formatBothUnits(dimension)}
              </p>
            ))}
            <p className="mt-1" data-testid="list-entry-status">
              {entry.work.availability === "available" || entry.work.availability === "reserved" ? (
                <>
                  {availabilityLabel(entry.work.availability)} · {priceText(entry.work)}
                </>
              ) : (
                <strong className="text-alert">
                  {availabilityLabel(entry.work.availability)}: you can still ask about it, and the gallery can suggest similar works.
                </strong>
              )}
            </p>
          </>
        ) : (
          <>
            <p className="font-serif text-lg font-semibold">{label ?? "A work since removed"}</p>
            <p className="mt-1" data-testid="list-entry-status">
              <strong className="text-alert">No longer in the catalogue: take it off your list to send your enquiry.</strong>
            </p>
          </>
        )}
      </div>
      <form method="post" action={ENQUIRY_LIST_ENDPOINT} data-enquiry-list-work={entry.id} data-refresh-after="true" className="self-start">
        <input type="hidden" name="intent" value="remove" />
        <input type="hidden" name="workId" value={entry.id} />
        <button type="submit" className="button-quiet">
          Remove<span className="sr-only"> {label ?? "this work"} from your list</span>
        </button>
      </form>
    </li>
  );
}
