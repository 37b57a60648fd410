"use client";

import Link from "next/link";

/**
 * What a visitor sees when a page fails unexpectedly (a database that cannot be reached, a bug):
 * a plain apology and ways on, never Next's bare error page. The server has already logged the
 * error; the digest lets the gallery find it in the log.
 */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="max-w-2xl py-10">
      <p className="eyebrow">Something went wrong</p>
      <h1 className="mt-2 text-4xl font-semibold">Sorry, this page could not be shown just now</h1>
      <p className="mt-4 text-lg">The fault is ours, not yours. Please try again in a moment.</p>
      <div className="mt-6 flex flex-wrap items-center gap-4 font-sans">
        <button type="button" className="button-primary" onClick={reset}>
          Try again
        </button>
        <Link href="/">The home page</Link>
        <Link href="/works">All works</Link>
      </div>
      {error.digest ? (
        <p className="mt-6 font-sans text-sm text-ink-soft">If you write to the gallery about it, quote {error.digest}.</p>
      ) : null}
    </div>
  );
}
