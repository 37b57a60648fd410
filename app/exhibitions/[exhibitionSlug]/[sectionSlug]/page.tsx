import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/breadcrumb";
import { Paragraphs } from "@/components/paragraphs";
import { availabilityLabel, mediumLine } from "@/lib/catalogue/describe";
import { formatBothUnits } from "@/lib/catalogue/sizes";
import { listPublicAddresses, sectionFilterKey } from "@/lib/data/catalogue";
import { getSection } from "@/lib/catalogue-cache/cached-catalogue";
import { NewWorkAlertForm } from "@/components/new-work-alert-form";

type Props = { params: Promise<{ exhibitionSlug: string; sectionSlug: string }> };

export async function generateStaticParams() {
  return (await listPublicAddresses()).sections;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { exhibitionSlug, sectionSlug } = await params;
  const section = await getSection(exhibitionSlug, sectionSlug);
  if (!section) return {};
  const path = `/exhibitions/${section.exhibition.slug}/${section.slug}`;
  const description = section.introduction || `${section.title}: works in the ${section.exhibition.title}.`;
  return {
    title: `${section.title} — ${section.exhibition.title}`,
    description,
    alternates: { canonical: path },
    openGraph: { title: section.title, description, url: path },
  };
}

export default async function SectionPage({ params }: Props) {
  const { exhibitionSlug, sectionSlug } = await params;
  const section = await getSection(exhibitionSlug, sectionSlug);
  if (!section) notFound();
  return (
    <>
      <Breadcrumb
        trail={[
          { label: "Home", href: "/" },
          { label: section.exhibition.title, href: `/exhibitions/${section.exhibition.slug}` },
          { label: section.title },
        ]}
      />
      <h1 className="text-4xl font-semibold">{section.title}</h1>
      {section.introduction && <Paragraphs text={section.introduction} className="mt-4 max-w-3xl text-lg" />}
      {section.artworks.length === 0 ? (
        <p className="mt-10 font-sans text-ink-soft">No works are shown in this section yet.</p>
      ) : (
        <table className="mt-10 w-full border-collapse text-left">
          <caption className="sr-only">Works in {section.title}, in catalogue order</caption>
          <thead className="eyebrow">
            <tr className="border-b border-ink">
              <th scope="col" className="py-2 pr-4 font-normal">
                No.
              </th>
              <th scope="col" className="py-2 pr-4 font-normal">
                Title
              </th>
              <th scope="col" className="hidden py-2 pr-4 font-normal sm:table-cell">
                Medium
              </th>
              <th scope="col" className="hidden py-2 pr-4 font-normal md:table-cell">
                Size
              </th>
              <th scope="col" className="py-2 font-normal">
                Availability
              </th>
            </tr>
          </thead>
          <tbody>
            {section.artworks.map((work) => {
              const image = work.dimensions.find((dimension) => dimension.kind === "image") ?? work.dimensions[0];
              return (
                <tr key={work.id} className="border-b border-rule align-top">
                  <td className="py-3 pr-4 font-sans text-ink-soft">{work.catalogueNumber}</td>
                  <th scope="row" className="py-3 pr-4 font-semibold">
                    <Link href={`/works/${work.slug}`}>{work.title}</Link>
                  </th>
                  <td className="hidden py-3 pr-4 font-sans text-sm sm:table-cell">
                    {mediumLine(work)}
                    {work.year ? `, ${work.year}` : ""}
                  </td>
                  <td className="hidden py-3 pr-4 font-sans text-sm md:table-cell">{image ? formatBothUnits(image) : "—"}</td>
                  <td className="py-3 font-sans text-sm">{availabilityLabel(work.availability)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {section.workCount > section.artworks.length && (
        <p className="mt-4 font-sans" data-testid="section-more">
          The first {section.artworks.length.toLocaleString("en-GB")} of {section.workCount.toLocaleString("en-GB")} works, in catalogue
          order.{" "}
          <Link
            href={`/works?section=${encodeURIComponent(sectionFilterKey({ exhibitionSlug: section.exhibition.slug, slug: section.slug }))}`}
          >
            See all {section.workCount.toLocaleString("en-GB")} in All works
          </Link>
          , to filter and sort them.
        </p>
      )}
      <section aria-labelledby="new-works-heading" className="mt-14 max-w-2xl border-t border-rule pt-8" data-testid="new-works-alert">
        <h2 id="new-works-heading" className="text-2xl font-semibold">
          Hear about new works
        </h2>
        <p className="mt-2 mb-4 font-sans text-sm text-ink-soft">
          When the gallery adds works like these, we email you: at most once a day, only when there is something new.
        </p>
        <NewWorkAlertForm
          page={{ exhibitionSlug: section.exhibition.slug, sectionSlug: section.slug }}
          choices={[
            { scope: "section", label: `New works in “${section.title}”` },
            { scope: "artist", label: `Any new work by ${section.exhibition.artistName}` },
          ]}
          currencySymbol="£"
        />
      </section>
    </>
  );
}
