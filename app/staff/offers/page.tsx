import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/staff-session";
import { listOffers } from "@/lib/data/staff/offers";
import { OFFER_STATUS_LABELS, OFFER_STATUSES } from "@/lib/sales/vocabulary";
import { staffTime } from "@/lib/time/gallery-time";
import { offerFilterSchema } from "@/lib/validations/offers";

export const metadata: Metadata = { title: "Offers", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OffersPage({ searchParams }: Props) {
  const staff = await requireStaff();
  const { status } = offerFilterSchema.parse(await searchParams);
  const { offers, counts } = await listOffers(staff, status ?? null);
  return (
    <>
      <h1 className="text-3xl font-semibold">Offers</h1>
      <p className="mt-2 max-w-2xl font-sans text-ink-soft">
        Collectors&rsquo; offers, newest first. Open one&rsquo;s enquiry to accept, counter or decline it; each answer is emailed to them.
      </p>
      <nav aria-label="Offers by status" className="mt-6 font-sans text-sm">
        <ul className="flex flex-wrap gap-4">
          <li>
            <Link href="/staff/offers" aria-current={status ? undefined : "page"}>
              All
            </Link>
          </li>
          {OFFER_STATUSES.map((name) => (
            <li key={name}>
              <Link href={`/staff/offers?status=${name}`} aria-current={status === name ? "page" : undefined}>
                {OFFER_STATUS_LABELS[name]} ({counts[name]})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {offers.length === 0 ? (
        <p className="mt-6 font-sans">No offers{status ? ` ${OFFER_STATUS_LABELS[status].toLowerCase()}` : ""} yet.</p>
      ) : (
        <table className="mt-6 w-full border-collapse font-sans text-sm">
          <caption className="sr-only">Offers</caption>
          <thead>
            <tr className="border-b border-rule text-left">
              <th scope="col" className="py-2 pr-4">
                Enquiry
              </th>
              <th scope="col" className="py-2 pr-4">
                Work
              </th>
              <th scope="col" className="py-2 pr-4">
                Collector
              </th>
              <th scope="col" className="py-2 pr-4">
                Offer
              </th>
              <th scope="col" className="py-2 pr-4">
                Asking
              </th>
              <th scope="col" className="py-2 pr-4">
                Status
              </th>
              <th scope="col" className="py-2 pr-4">
                Made
              </th>
            </tr>
          </thead>
          <tbody>
            {offers.map((offer) => (
              <tr key={offer.id} className="border-b border-rule" data-testid="offer-row">
                <td className="py-2 pr-4">
                  <Link href={`/staff/enquiries/${offer.reference}`}>{offer.reference}</Link>
                </td>
                <td className="py-2 pr-4">{offer.workLabel}</td>
                <td className="py-2 pr-4">{offer.collectorName}</td>
                <td className="py-2 pr-4">
                  {offer.amount}
                  {offer.counter && <> (countered {offer.counter})</>}
                </td>
                <td className="py-2 pr-4">{offer.asking}</td>
                <td className="py-2 pr-4">
                  {OFFER_STATUS_LABELS[offer.status]}
                  {(offer.status === "open" || offer.status === "countered") && <>, until {offer.until}</>}
                </td>
                <td className="py-2 pr-4">{staffTime(offer.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
