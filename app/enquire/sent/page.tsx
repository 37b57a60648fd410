import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/breadcrumb";
import { EnquiryConfirmation } from "@/components/enquiry-confirmation";
import { workLabel } from "@/lib/catalogue/describe";
import { getArtwork } from "@/lib/catalogue-cache/cached-catalogue";
import { readConfirmation } from "@/lib/enquiries/confirmation";

export const metadata: Metadata = {
  title: "Enquiry sent",
  robots: { index: false, follow: false },
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EnquirySentPage({ searchParams }: Props) {
  const confirmation = readConfirmation(await searchParams);
  if (!confirmation) notFound();
  const work = confirmation.workSlug ? await getArtwork(confirmation.workSlug) : null;
  return (
    <>
      <Breadcrumb trail={[{ label: "Home", href: "/" }, { label: "Enquiry sent" }]} />
      <section aria-labelledby="sent-heading" className="max-w-2xl">
        <h1 id="sent-heading" className="text-4xl font-semibold">
          Enquiry sent
        </h1>
        <div role="status" className="mt-6 border-l-4 border-ok bg-white p-6" data-testid="enquiry-confirmation">
          <EnquiryConfirmation reference={confirmation.reference} acknowledged={confirmation.acknowledged} />
        </div>
        <p className="mt-8 font-sans">
          {work && (
            <>
              <Link href={`/works/${work.slug}`}>Back to {workLabel(work)}</Link>
              {" · "}
            </>
          )}
          <Link href="/works">See all works</Link>
        </p>
      </section>
    </>
  );
}
