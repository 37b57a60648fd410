import type { Metadata } from "next";
import { LinkButtonForm } from "@/components/link-button-form";
import { confirmAlertAction } from "@/lib/actions/availability-alerts";

// A link from one person's email: drawn per visit, never cached or indexed.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Confirm your alert", robots: { index: false, follow: false }, referrer: "same-origin" };

type Props = { params: Promise<{ token: string }> };

export default async function ConfirmAlertPage({ params }: Props) {
  const { token } = await params;
  return (
    <section aria-labelledby="alert-heading" className="max-w-2xl">
      <h1 id="alert-heading" className="text-4xl font-semibold">
        Hear when the work is available
      </h1>
      <p className="mt-4 mb-6 text-lg">
        Press the button to confirm. We will email you once, if the work becomes available, and never about anything else.
      </p>
      <LinkButtonForm action={confirmAlertAction} token={token} label="Confirm" pendingLabel="Confirming…" />
    </section>
  );
}
