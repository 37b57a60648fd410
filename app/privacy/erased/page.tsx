import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumb } from "@/components/breadcrumb";

export const metadata: Metadata = { title: "Your details have been erased", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ErasedPage({ searchParams }: Props) {
  const { enquiries } = await searchParams;
  const count = typeof enquiries === "string" && /^\d{1,4}$/.test(enquiries) ? Number(enquiries) : null;
  return (
    <>
      <Breadcrumb trail={[{ label: "Home", href: "/" }, { label: "Details erased" }]} />
      <section aria-labelledby="erased-heading" className="max-w-2xl">
        <h1 id="erased-heading" className="text-4xl font-semibold">
          Your details have been erased
        </h1>
        <p role="status" className="mt-6 border-l-4 border-ok bg-white p-4 font-sans" data-testid="erased">
          {count === null
            ? "The gallery no longer holds your enquiries or the emails about them."
            : `The gallery no longer holds your ${count === 1 ? "enquiry" : `${count} enquiries`} or the emails about ${count === 1 ? "it" : "them"}.`}{" "}
          The gallery has been told which references were erased, and nothing else about you.
        </p>
        <p className="mt-8 font-sans">
          <Link href="/works">Back to the works</Link>
        </p>
      </section>
    </>
  );
}
