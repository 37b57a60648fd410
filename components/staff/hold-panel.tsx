import Link from "next/link";
import { ExtendHoldForm, PlaceHoldForm, ReleaseHoldForm } from "@/components/staff/hold-forms";
import type { HoldView } from "@/lib/data/staff/holds";
import type { HoldRequestView } from "@/lib/data/hold-requests";
import { HoldRequestDecision } from "@/components/staff/hold-request-forms";
import { HOLD_END_LABELS } from "@/lib/sales/vocabulary";
import { staffTime } from "@/lib/time/gallery-time";

type Until = { day: string; time: string };

/** The open hold on a work, in a sentence with who placed it and for which enquiry. */
export function OpenHoldLine({ hold }: { hold: HoldView }) {
  return (
    <p className="font-sans" data-testid="open-hold">
      Held for <strong>{hold.collectorName}</strong> ({hold.collectorEmail}) until <strong>{hold.heldUntilLabel}</strong>, placed by{" "}
      {hold.placedBy}
      {hold.enquiryReference && (
        <>
          {" "}
          for <Link href={`/staff/enquiries/${hold.enquiryReference}`}>{hold.enquiryReference}</Link>
        </>
      )}
      .
    </p>
  );
}

/** The work page's Hold section: the open hold and its forms, or the form to place one; the holds that ended. */
export function HoldPanel({
  artworkId,
  holds,
  canEdit,
  defaultUntil,
  holdable,
  notice,
  requests = [],
}: {
  artworkId: string;
  holds: { open: HoldView | null; ended: HoldView[] };
  canEdit: boolean;
  defaultUntil: Until;
  holdable: boolean;
  /** What the last hold action did, said once the page it returned to shows it. */
  notice?: string;
  /** Collectors' confirmed requests to reserve it, waiting for an answer. */
  requests?: HoldRequestView[];
}) {
  return (
    <section aria-labelledby="hold-heading">
      <h2 id="hold-heading" className="text-2xl font-semibold">
        Hold
      </h2>
      <div className="mt-3 space-y-4">
        <p role="status" aria-live="polite" className={notice ? "border-l-4 border-ok bg-white p-3 font-sans" : "sr-only"}>
          {notice}
        </p>
        {holds.open ? (
          <>
            <OpenHoldLine hold={holds.open} />
            {canEdit && (
              <>
                <ExtendHoldForm holdId={holds.open.id} until={defaultUntil} />
                <ReleaseHoldForm holdId={holds.open.id} />
              </>
            )}
          </>
        ) : (
          <>
            <p className="font-sans text-sm text-ink-soft">
              Not held. A hold shows the work as Reserved on every page until its end, then it is available again by itself.
            </p>
            {canEdit && holdable && <PlaceHoldForm artworkId={artworkId} idPrefix="hold" until={defaultUntil} />}
          </>
        )}
        {requests.length > 0 && (
          <div className="font-sans text-sm" data-testid="hold-requests">
            <h3 className="font-semibold">Asked to reserve it</h3>
            <ul className="mt-1 space-y-2">
              {requests.map((request) => (
                <li key={request.id}>
                  {request.name} ({request.email}), {staffTime(request.askedAt)}
                  {canEdit && <HoldRequestDecision requestId={request.id} who={request.name} />}
                </li>
              ))}
            </ul>
          </div>
        )}
        {holds.ended.length > 0 && (
          <details className="font-sans text-sm">
            <summary>Earlier holds ({holds.ended.length})</summary>
            <ul className="mt-2 space-y-1">
              {holds.ended.map((hold) => (
                <li key={hold.id}>
                  {hold.collectorName}, until {hold.heldUntilLabel}: {hold.endReason ? HOLD_END_LABELS[hold.endReason] : "ended"}{" "}
                  {hold.endedAt ? staffTime(hold.endedAt) : ""}
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
    </section>
  );
}
