import type { Metadata } from "next";
import { LinkButtonForm } from "@/components/link-button-form";
import { confirmReserveAction } from "@/lib/actions/reserve-requests";

// A link from one person's email: drawn per visit, never cached or indexed; only the button acts.
export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "Confirm your reservation request",
  robots: { index: false, follow: false },
  referrer: "same-origin",
};

type Props = { params: Promise<{ token: string }> };

export default async function ConfirmReservePage({ params }: Props) {
  const { token } = await params;
  return (
    <section aria-labelledby="reserve-confirm-heading" className="max-w-2xl">
      <h1 id="reserve-confirm-heading" className="text-4xl font-semibold">
        Confirm your request to reserve
      </h1>
      <p className="mt-4 mb-6 text-lg">
        Press the button to confirm. The gallery reserves the work for you, or answers your request by email.
      </p>
      <LinkButtonForm action={confirmReserveAction} token={token} label="Confirm the request" pendingLabel="Confirming…" />
    </section>
  );
}
