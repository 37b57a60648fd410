import type { Metadata } from "next";
import { LinkButtonForm } from "@/components/link-button-form";
import { unsubscribeAlertAction } from "@/lib/actions/availability-alerts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "No more emails about this work",
  robots: { index: false, follow: false },
  referrer: "same-origin",
};

type Props = { params: Promise<{ token: string }> };

export default async function UnsubscribeAlertPage({ params }: Props) {
  const { token } = await params;
  return (
    <section aria-labelledby="unsubscribe-heading" className="max-w-2xl">
      <h1 id="unsubscribe-heading" className="text-4xl font-semibold">
        No more emails about this work
      </h1>
      <p className="mt-4 mb-6 text-lg">Press the button and we will not email you about it again.</p>
      <LinkButtonForm action={unsubscribeAlertAction} token={token} label="Stop these emails" pendingLabel="Stopping…" />
    </section>
  );
}
