import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumb } from "@/components/breadcrumb";
import { MarkedText } from "@/components/marked-text";
import { SearchForm } from "@/components/search-form";
import { MATCH_START, searchArtworks } from "@/lib/data/search";

export const metadata: Metadata = { title: "Search the catalogue", robots: { index: false, follow: true } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SearchPage({ searchParams }: Props) {
  const { q } = await searchParams;
  const text = typeof q === "string" ? q.trim().slice(0, 200) : "";
  const results = text ? await searchArtworks(text) : [];
  return (
    <>
      <Breadcrumb trail={[{ label: "Home", href: "/" }, { label: "Search" }]} />
      <h1 className="text-4xl font-semibold">{text ? `Works matching “${text}”` : "Search the catalogue"}</h1>
      <div className="mt-6">
        <SearchForm id="search-page-query" name="Search again" defaultValue={text} />
      </div>
      <p role="status" className="mt-6 font-sans text-ink-soft" data-testid="search-count">
        {!text
          ? "Search by title, artist, medium, section, words from a description, catalogue number or year: “pen and ink”, “harvest”, “1958”."
          : results.length === 0
            ? `No work matches “${text}”.`
            : `${results.length === 50 ? "The 50 best" : results.length} ${results.length === 1 ? "work matches" : "works match"}, best first.`}
      </p>
      {text && results.length === 0 && (
        <ul className="mt-3 list-disc pl-6 font-sans">
          <li>Try fewer words, or the start of a word (“harv” finds “harvest”).</li>
          <li>
            Browse <Link href="/works">all works</Link>, with filters by section, medium and availability.
          </li>
          <li>
            Or <Link href="/enquire">ask the gallery</Link>: it knows works not shown here.
          </li>
        </ul>
      )}
      {results.length > 0 && (
        <ol className="mt-6 space-y-5">
          {results.map((result) => (
            <li key={result.slug} className="border-b border-rule pb-4">
              <h2 className="text-xl font-semibold">
                <Link href={`/works/${result.slug}`}>
                  {result.catalogueNumber ? <span className="mr-2 font-sans text-ink-soft">{result.catalogueNumber}</span> : null}
                  <MarkedText text={result.title} />
                </Link>
              </h2>
              <p className="font-sans text-sm text-ink-soft">{[result.medium, result.section, result.year].filter(Boolean).join(" · ")}</p>
              {result.excerpt.includes(MATCH_START) && (
                <p className="mt-1">
                  <MarkedText text={result.excerpt} />
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
