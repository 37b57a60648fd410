import type { Metadata } from "next";
import { LinkButtonForm } from "@/components/link-button-form";
import { confirmNewWorksAction } from "@/lib/actions/new-work-alerts";

// A link from one person's email: drawn per visit, never cached or indexed.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Confirm: new works", robots: { index: false, follow: false }, referrer: "same-origin" };

type Props = { params: Promise<{ token: string }> };

export default async function ConfirmNewWorksPage({ params }: Props) {
  const { token } = await params;
  return (
    <section aria-labelledby="new-works-confirm-heading" className="max-w-2xl">
      <h1 id="new-works-confirm-heading" className="text-4xl font-semibold">
        Hear about new works
      </h1>
      <p className="mt-4 mb-6 text-lg">
        Press the button to confirm. We will write at most once a day, and only when there is something new.
      </p>
      <LinkButtonForm action={confirmNewWorksAction} token={token} label="Confirm" pendingLabel="Confirming…" />
    </section>
  );
}
