import type { Metadata } from "next";
import Link from "next/link";
import { TableHead } from "@/components/staff/table-head";
import { requireStaff } from "@/lib/auth/staff-session";
import { listOffers } from "@/lib/data/staff/offers";
import { holdRequestsWaiting } from "@/lib/data/staff/holds";
import { OFFER_STATUS_LABELS, OFFER_STATUSES } from "@/lib/sales/vocabulary";
import { staffTime } from "@/lib/time/gallery-time";
import { offerFilterSchema } from "@/lib/validations/offers";

export const metadata: Metadata = { title: "Offers", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OffersPage({ searchParams }: Props) {
  const staff = await requireStaff();
  const { status } = offerFilterSchema.parse(await searchParams);
  const [{ offers, counts }, requests] = await Promise.all([listOffers(staff, status ?? null), holdRequestsWaiting(staff)]);
  return (
    <>
      <h1 className="text-3xl font-semibold">Offers</h1>
      <p className="mt-2 max-w-2xl font-sans text-ink-soft">
        Collectors&rsquo; offers, newest first. Open one&rsquo;s enquiry to accept, counter or decline it; each answer is emailed to them.
      </p>
      {requests.length > 0 && (
        <section aria-labelledby="requests-heading" className="mt-6 font-sans">
          <h2 id="requests-heading" className="text-xl font-semibold">
            Asked to reserve ({requests.length})
          </h2>
          <ul className="mt-2 space-y-1 text-sm">
            {requests.map((request) => (
              <li key={request.id}>
                {request.name} ({request.email}) asks to reserve{" "}
                <Link href={`/staff/works/${request.artworkId}#hold-heading`}>{request.workLabel}</Link>, {staffTime(request.askedAt)}
              </li>
            ))}
          </ul>
        </section>
      )}
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
          <TableHead columns={["Enquiry", "Work", "Collector", "Offer", "Asking", "Status", "Made"]} />
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
