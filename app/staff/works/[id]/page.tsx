import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArtworkEditForm } from "@/components/staff/artwork-edit-form";
import { requireStaff } from "@/lib/auth/staff-session";
import { formatPrice } from "@/lib/catalogue/prices";
import { getArtworkForEdit } from "@/lib/data/staff-catalogue";

export const metadata: Metadata = { title: "Edit a work", robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

export default async function EditArtworkPage({ params }: Props) {
  await requireStaff();
  const { id } = await params;
  const work = await getArtworkForEdit(id);
  if (!work) notFound();
  const priceText = work.priceMinor !== null && work.currency ? formatPrice(work.priceMinor, work.currency) : "";
  return (
    <>
      <p className="font-sans text-sm">
        <Link href="/staff/works">← Catalogue</Link> · <Link href={`/works/${work.slug}`}>See it on the site</Link>
      </p>
      <h1 className="mt-4 mb-6 text-3xl font-semibold">
        {work.catalogueNumber} {work.title}
      </h1>
      <div className="max-w-3xl">
        <ArtworkEditForm work={work} priceText={priceText} />
      </div>
    </>
  );
}
