import type { Metadata } from "next";
import Link from "next/link";

// No noindex: the 404 status already keeps this page out of search results.
export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <div className="max-w-2xl py-10">
      <p className="eyebrow">Error 404</p>
      <h1 className="mt-2 text-4xl font-semibold">We can’t find that page</h1>
      <p className="mt-4 text-lg">
        The work or page may have moved, or the address may have a typing error. Everything the gallery shows can be reached from these
        pages:
      </p>
      <ul className="mt-4 list-disc pl-6 font-sans">
        <li>
          <Link href="/">The home page and current exhibition</Link>
        </li>
        <li>
          <Link href="/works">All works</Link>
        </li>
        <li>
          <Link href="/enquire">Ask the gallery</Link> — we can often find a work from its description.
        </li>
      </ul>
    </div>
  );
}
