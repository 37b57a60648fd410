import type { Metadata } from "next";
import { Breadcrumb } from "@/components/breadcrumb";
import { EnquiryForm } from "@/components/enquiry-form";
import { workLabel } from "@/lib/catalogue/describe";
import { getArtwork } from "@/lib/catalogue-cache/cached-catalogue";
import { offeredViewingTimes } from "@/lib/data/viewing-bookings";
import { issueFormToken } from "@/lib/enquiries/form-token";
import { serverEnv } from "@/lib/env";

export const metadata: Metadata = {
  title: "Ask the gallery",
  description: "Questions about a work, an artist, a valuation or a visit: the gallery answers every enquiry personally.",
  alternates: { canonical: "/enquire" },
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EnquirePage({ searchParams }: Props) {
  const { work: workParam } = await searchParams;
  const slug = typeof workParam === "string" && /^[a-z0-9-]{1,200}$/.test(workParam) ? workParam : null;
  const [work, viewingTimes] = await Promise.all([slug ? getArtwork(slug) : null, offeredViewingTimes()]);
  const env = serverEnv();
  return (
    <>
      <Breadcrumb trail={[{ label: "Home", href: "/" }, { label: "Ask the gallery" }]} />
      <div className="grid gap-12 lg:grid-cols-[2fr_1fr]">
        <section aria-labelledby="enquire-heading" className="max-w-2xl">
          <h1 id="enquire-heading" className="text-4xl font-semibold">
            {work ? `Enquire about ${workLabel(work)}` : "Ask the gallery"}
          </h1>
          <p className="mt-3 mb-8 text-lg">
            {work
              ? "Ask about the price, condition, framing, shipping or a viewing."
              : "Questions about a work, the artist, collecting or a visit are all welcome. We answer every enquiry personally."}
          </p>
          <EnquiryForm
            artwork={work ? { slug: work.slug, label: workLabel(work) } : undefined}
            viewingTimes={viewingTimes}
            formToken={issueFormToken(env.FORM_SIGNING_SECRET)}
            headingId="enquire-heading"
          />
        </section>
        <aside aria-labelledby="other-ways" className="self-start border-l-2 border-rule pl-6 font-sans text-[0.95rem]">
          <h2 id="other-ways" className="text-lg font-semibold">
            Other ways to reach us
          </h2>
          <p className="mt-2">
            Email <a href={`mailto:${env.GALLERY_EMAIL}`}>{env.GALLERY_EMAIL}</a>. Every work can be seen by appointment.
          </p>
        </aside>
      </div>
    </>
  );
}
