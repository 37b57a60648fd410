import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArtworkVisual, GRID_SCALE_CM } from "@/components/artwork-visual";
import { Breadcrumb } from "@/components/breadcrumb";
import { Paragraphs } from "@/components/paragraphs";
import { artistWithDates, artworkAltText, lifeFacts } from "@/lib/catalogue/describe";
import { listPublicAddresses } from "@/lib/data/catalogue";
import { getExhibition } from "@/lib/catalogue-cache/cached-catalogue";

type Props = { params: Promise<{ exhibitionSlug: string }> };

export async function generateStaticParams() {
  return (await listPublicAddresses()).exhibitions;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { exhibitionSlug } = await params;
  const exhibition = await getExhibition(exhibitionSlug);
  if (!exhibition) return {};
  const path = `/exhibitions/${exhibition.slug}`;
  return {
    title: exhibition.title,
    description: exhibition.summary,
    alternates: { canonical: path },
    openGraph: { title: exhibition.title, description: exhibition.summary, url: path },
  };
}

export default async function ExhibitionPage({ params }: Props) {
  const { exhibitionSlug } = await params;
  const exhibition = await getExhibition(exhibitionSlug);
  if (!exhibition) notFound();
  const { artist } = exhibition;
  return (
    <>
      <Breadcrumb trail={[{ label: "Home", href: "/" }, { label: exhibition.title }]} />
      <header className="max-w-3xl">
        <h1 className="text-4xl font-semibold sm:text-5xl">{exhibition.title}</h1>
        <p className="mt-3 font-sans text-ink-soft">
          {artistWithDates(artist)} {artist.postNominals}
        </p>
      </header>
      <div className="mt-8 grid gap-10 lg:grid-cols-[2fr_1fr]">
        <Paragraphs text={exhibition.introduction} className="text-lg" />
        <aside aria-labelledby="about-artist" className="border-l-2 border-rule pl-6">
          <h2 id="about-artist" className="text-xl font-semibold">
            About {artist.name}
          </h2>
          <p className="mt-1 font-sans text-sm text-ink-soft">{lifeFacts(artist)}</p>
          <Paragraphs text={artist.biography} className="mt-3 text-[0.98rem]" />
        </aside>
      </div>
      <section aria-labelledby="sections" className="mt-14">
        <h2 id="sections" className="text-2xl font-semibold">
          Sections
        </h2>
        <ul className="mt-6 grid grid-cols-1 gap-8 sm:grid-cols-2 lg:grid-cols-4">
          {/* A section staff haven't filled yet stays off the public page. */}
          {exhibition.sections
            .filter((section) => section.workCount > 0)
            .map((section) => (
              <li key={section.id} className="flex flex-col">
                <div className="flex aspect-[4/5] items-center justify-center bg-paper-deep p-6">
                  {section.cover && (
                    <ArtworkVisual
                      photograph={section.cover.photograph}
                      dimensions={section.cover.dimensions}
                      label={artworkAltText(section.cover)}
                      sizes="(min-width: 1024px) 18rem, (min-width: 640px) 45vw, 90vw"
                      className="h-full w-full"
                      commonScaleCm={GRID_SCALE_CM}
                    />
                  )}
                </div>
                <h3 className="mt-3 text-lg font-semibold">
                  <Link href={`/exhibitions/${exhibition.slug}/${section.slug}`} className="no-underline hover:underline">
                    {section.title}
                  </Link>
                </h3>
                <p className="font-sans text-sm text-ink-soft">{section.workCount === 1 ? "1 work" : `${section.workCount} works`}</p>
              </li>
            ))}
        </ul>
      </section>
    </>
  );
}
