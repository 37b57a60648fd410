import Link from "next/link";
import { ArtworkCard } from "@/components/artwork-card";
import { artistWithDates } from "@/lib/catalogue/describe";
import { getCurrentExhibition, getFeaturedArtworks } from "@/lib/catalogue-cache/cached-catalogue";
import { siteInfo } from "@/lib/http/site";

export default async function HomePage() {
  const [exhibition, featured] = await Promise.all([getCurrentExhibition(), getFeaturedArtworks(4)]);
  const site = siteInfo();
  return (
    <>
      <section aria-labelledby="current-exhibition" className="border-b border-rule pb-12">
        <p className="eyebrow">{site.name} · Current exhibition</p>
        {exhibition ? (
          <>
            <h1 id="current-exhibition" className="mt-3 max-w-3xl text-4xl font-semibold sm:text-5xl">
              {exhibition.title}
            </h1>
            <p className="mt-3 font-sans text-ink-soft">
              {artistWithDates(exhibition.artist)}
              {exhibition.artist.postNominals ? ` ${exhibition.artist.postNominals}` : ""}
            </p>
            <p className="mt-5 max-w-2xl text-xl">{exhibition.summary}</p>
            <p className="mt-8 flex flex-wrap gap-4">
              <Link href={`/exhibitions/${exhibition.slug}`} className="button-primary">
                Visit the exhibition
              </Link>
              <Link href="/works" className="button-quiet">
                Browse all works
              </Link>
            </p>
          </>
        ) : (
          <h1 id="current-exhibition" className="mt-3 text-4xl font-semibold">
            A new exhibition is being hung
          </h1>
        )}
      </section>
      {featured.length > 0 && (
        <section aria-labelledby="featured" className="pt-10">
          <h2 id="featured" className="text-2xl font-semibold">
            From the exhibition
          </h2>
          <div className="mt-6 grid grid-cols-1 gap-8 sm:grid-cols-2 lg:grid-cols-4">
            {featured.map((work) => (
              <ArtworkCard key={work.id} work={work} />
            ))}
          </div>
        </section>
      )}
    </>
  );
}
