import type { Metadata } from "next";
import Link from "next/link";
import { CounterAnswerForm } from "@/components/counter-answer-form";
import { readOfferForCollector } from "@/lib/data/offers";
import { serverEnv } from "@/lib/env";
import { OFFER_STATUS_LABELS } from "@/lib/sales/vocabulary";

// One collector's offer: drawn per visit, never cached or indexed; opening it changes nothing.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your offer", robots: { index: false, follow: false }, referrer: "same-origin" };

type Props = { params: Promise<{ token: string }> };

const EXPLAINED: Record<string, string> = {
  open: "The gallery has your offer and will answer by email.",
  countered: "The gallery has made a counter-offer: accept or decline it below.",
  accepted: "Accepted: the work is reserved for you, and the invoice comes by email.",
  declined: "This offer was declined.",
  expired: "This offer lapsed without an answer being agreed.",
};

export default async function OfferPage({ params }: Props) {
  const { token } = await params;
  const offer = await readOfferForCollector(token);
  const env = serverEnv();
  if (!offer) {
    return (
      <section aria-labelledby="offer-heading" className="max-w-2xl">
        <h1 id="offer-heading" className="text-4xl font-semibold">
          This link does not open an offer
        </h1>
        <p className="mt-4 text-lg" data-testid="offer-refused">
          It may have been copied only in part, or the offer was erased with its enquiry. Please write to{" "}
          <a href={`mailto:${env.GALLERY_EMAIL}`}>{env.GALLERY_EMAIL}</a>.
        </p>
      </section>
    );
  }
  const answerable = offer.status === "countered" && !offer.lapsed && offer.counter;
  return (
    <section aria-labelledby="offer-heading" className="max-w-2xl">
      <h1 id="offer-heading" className="text-4xl font-semibold">
        Your offer on {offer.workLabel}
      </h1>
      <dl className="mt-6 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 border-l-4 border-accent bg-white p-5 font-sans" data-testid="offer">
        <dt className="text-ink-soft">Your offer</dt>
        <dd>{offer.amount}</dd>
        <dt className="text-ink-soft">Asking price</dt>
        <dd>{offer.asking}</dd>
        {offer.counter && (
          <>
            <dt className="text-ink-soft">The gallery’s counter-offer</dt>
            <dd>{offer.counter}</dd>
          </>
        )}
        <dt className="text-ink-soft">Where it stands</dt>
        <dd data-testid="offer-status">{offer.lapsed ? "Lapsed" : OFFER_STATUS_LABELS[offer.status]}</dd>
        {(offer.status === "open" || offer.status === "countered") && !offer.lapsed && (
          <>
            <dt className="text-ink-soft">Stands until</dt>
            <dd>{offer.until}</dd>
          </>
        )}
        <dt className="text-ink-soft">Reference</dt>
        <dd>{offer.reference}</dd>
      </dl>
      <p className="mt-6 text-lg">{offer.lapsed ? EXPLAINED.expired : EXPLAINED[offer.status]}</p>
      {answerable && (
        <div className="mt-6">
          <CounterAnswerForm token={token} counter={offer.counter!} />
        </div>
      )}
      <p className="mt-8 font-sans">
        <Link href={`/works/${offer.workSlug}`}>See the work</Link>
      </p>
    </section>
  );
}
