"use client";

import Link from "next/link";

/** A staff page that failed unexpectedly: what was being done may not have been saved, and where to go on. */
export default function StaffPageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="max-w-2xl py-6">
      <h1 className="text-3xl font-semibold">This page could not be shown</h1>
      <p className="mt-4">
        Something went wrong on the server. If you had just saved a change, check whether it is there before making it again.
      </p>
      <div className="mt-6 flex flex-wrap items-center gap-4 font-sans">
        <button type="button" className="button-primary" onClick={reset}>
          Try again
        </button>
        <Link href="/staff">Enquiries</Link>
        <Link href="/staff/works">Catalogue</Link>
      </div>
      {error.digest ? <p className="mt-6 font-sans text-sm text-ink-soft">Error reference for the server log: {error.digest}</p> : null}
    </div>
  );
}
