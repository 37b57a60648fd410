import Link from "next/link";

/** A staff address for something that is not (or no longer) there: an erased enquiry, a removed work. */
export default function StaffNotFound() {
  return (
    <div className="max-w-2xl py-6">
      <h1 className="text-3xl font-semibold">Not found in the staff area</h1>
      <p className="mt-4">
        That enquiry or work is not here. It may have been erased at a collector’s request, removed from the catalogue, or the address may
        be mistyped.
      </p>
      <div className="mt-6 flex flex-wrap items-center gap-4 font-sans">
        <Link href="/staff">Enquiries</Link>
        <Link href="/staff/works">Catalogue</Link>
      </div>
    </div>
  );
}
