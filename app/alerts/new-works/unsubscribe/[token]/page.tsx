import type { Metadata } from "next";
import { LinkButtonForm } from "@/components/link-button-form";
import { stopNewWorksAction } from "@/lib/actions/new-work-alerts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "No more emails about new works",
  robots: { index: false, follow: false },
  referrer: "same-origin",
};

type Props = { params: Promise<{ token: string }> };

export default async function StopNewWorksPage({ params }: Props) {
  const { token } = await params;
  return (
    <section aria-labelledby="new-works-stop-heading" className="max-w-2xl">
      <h1 id="new-works-stop-heading" className="text-4xl font-semibold">
        No more emails about new works
      </h1>
      <p className="mt-4 mb-6 text-lg">Press the button and we will not email you about new works of this kind again.</p>
      <LinkButtonForm action={stopNewWorksAction} token={token} label="Stop these emails" pendingLabel="Stopping…" />
    </section>
  );
}
