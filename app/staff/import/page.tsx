import type { Metadata } from "next";
import { ImportForm } from "@/components/staff/import-form";
import { requireStaff } from "@/lib/auth/staff-session";
import { listCatalogueForStaff } from "@/lib/data/staff-catalogue";

export const metadata: Metadata = { title: "Import a spreadsheet", robots: { index: false } };

export default async function ImportPage() {
  await requireStaff();
  const exhibitions = await listCatalogueForStaff();
  return (
    <>
      <h1 className="text-3xl font-semibold">Import a spreadsheet</h1>
      <p className="mt-2 mb-6 max-w-2xl font-sans text-ink-soft">
        Read your catalogue spreadsheet first: you see what would be created or updated, and every row that can’t be read, with the reason.
        Nothing is written until you press Import. Importing the same file again changes nothing.
      </p>
      <div className="max-w-3xl">
        <ImportForm exhibitions={exhibitions.map((exhibition) => ({ slug: exhibition.slug, title: exhibition.title }))} />
      </div>
    </>
  );
}
