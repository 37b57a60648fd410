"use client";

import { ActionForm } from "@/components/staff/action-form";
import { decideHoldRequestAction } from "@/lib/actions/reserve-requests";

/** Grant or decline a collector's confirmed request to reserve; either is emailed to them. */
export function HoldRequestDecision({ requestId, who }: { requestId: string; who: string }) {
  return (
    <div className="mt-1 flex flex-wrap gap-3">
      <ActionForm action={decideHoldRequestAction}>
        <input type="hidden" name="requestId" value={requestId} />
        <input type="hidden" name="decision" value="grant" />
        <button type="submit" className="button-quiet" aria-label={`Grant ${who}'s request`}>
          Grant
        </button>
      </ActionForm>
      <ActionForm action={decideHoldRequestAction}>
        <input type="hidden" name="requestId" value={requestId} />
        <input type="hidden" name="decision" value="decline" />
        <button type="submit" className="button-quiet" aria-label={`Decline ${who}'s request`}>
          Decline
        </button>
      </ActionForm>
    </div>
  );
}
