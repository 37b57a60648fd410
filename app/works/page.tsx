import type { Metadata } from "next";
import Link from "next/link";
import { ArtworkCard } from "@/components/artwork-card";
import { Breadcrumb } from "@/components/breadcrumb";
import { AVAILABILITIES, AVAILABILITY_LABELS, CATEGORY_PLURALS } from "@/lib/catalogue/vocabulary";
import { Pager } from "@/components/pager";
import { ARTWORKS_PER_PAGE, chosenSection, pageOf } from "@/lib/data/catalogue";
import { findArtworks, listArtworkFilterChoices } from "@/lib/catalogue-cache/cached-catalogue";
import { parseArtworkFilters, type ArtworkFiltersInput } from "@/lib/validations/artwork-filters";

export const metadata: Metadata = {
  title: "All works",
  description: "Every work in the gallery's exhibitions, filtered by section, category and availability.",
  alternates: { canonical: "/works" },
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AllWorksPage({ searchParams }: Props) {
  const filters = parseArtworkFilters(await searchParams);
  const [matching, { sections, categories }] = await Promise.all([findArtworks(filters), listArtworkFilterChoices()]);
  const { works, total, page, pageCount } = pageOf(matching, filters.page);
  const filtered = Boolean(filters.section || filters.category || filters.availability);

  return (
    <>
      <Breadcrumb trail={[{ label: "Home", href: "/" }, { label: "All works" }]} />
      <h1 className="text-4xl font-semibold">All works</h1>
      <form
        method="get"
        action="/works"
        className="mt-6 grid gap-4 border-y border-rule py-5 font-sans sm:grid-cols-2 lg:grid-cols-[repeat(4,1fr)_auto]"
        aria-label="Filter and sort works"
      >
        <FilterSelect
          name="section"
          label="Section"
          value={chosenSection(sections, filters.section)}
          options={sections.map(({ key, title }) => [key, title])}
          allLabel="All sections"
        />
        <FilterSelect
          name="category"
          label="Category"
          value={filters.category}
          options={categories.map((category) => [category, CATEGORY_PLURALS[category]])}
          allLabel="All categories"
        />
        <FilterSelect
          name="availability"
          label="Availability"
          value={filters.availability}
          options={AVAILABILITIES.map((value) => [value, AVAILABILITY_LABELS[value]])}
          allLabel="Any availability"
        />
        <FilterSelect
          name="sort"
          label="Sort by"
          value={filters.sort}
          options={[
            ["number", "Catalogue number"],
            ["title", "Title"],
            ["size", "Size, largest first"],
          ]}
        />
        <div className="flex items-end gap-3">
          <button type="submit" className="button-primary">
            Show works
          </button>
          {filtered && (
            <Link href="/works" className="pb-2 text-sm">
              Clear
            </Link>
          )}
        </div>
      </form>
      <p className="mt-6 font-sans text-ink-soft">
        <span data-testid="result-count">
          {total === 1 ? "1 work" : `${total.toLocaleString("en-GB")} works`}
          {filtered ? " match these filters" : ""}
        </span>
        {pageCount > 1 ? (
          <span data-testid="page-position">
            {` · showing ${(page - 1) * ARTWORKS_PER_PAGE + 1}–${(page - 1) * ARTWORKS_PER_PAGE + works.length}, page ${page} of ${pageCount}`}
          </span>
        ) : null}
      </p>
      <p className="mt-1 font-sans text-sm text-ink-soft">
        Until a work is photographed, its outline is drawn to the same scale as the others.
      </p>
      {works.length === 0 ? (
        <p className="mt-6">
          No works match. <Link href="/works">See every work</Link>.
        </p>
      ) : (
        <div className="mt-6 grid grid-cols-1 gap-8 sm:grid-cols-2 lg:grid-cols-4">
          {works.map((work) => (
            <ArtworkCard key={work.id} work={work} headingLevel="h2" showSection />
          ))}
        </div>
      )}
      <Pager page={page} pageCount={pageCount} label="Pages of works" hrefFor={(target) => worksHref(filters, target)} />
    </>
  );
}

/** The All works address for a page of the same filters and order. */
function worksHref(filters: ArtworkFiltersInput, page: number): string {
  const query = new URLSearchParams();
  for (const key of ["section", "category", "availability"] as const) if (filters[key]) query.set(key, filters[key]);
  if (filters.sort !== "number") query.set("sort", filters.sort);
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `/works?${text}` : "/works";
}

type FilterSelectProps = {
  name: string;
  label: string;
  value: string | undefined;
  options: Array<[string, string]>;
  allLabel?: string;
};

function FilterSelect({ name, label, value, options, allLabel }: FilterSelectProps) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className="field-label">
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""} className="field-input">
        {allLabel && <option value="">{allLabel}</option>}
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </div>
  );
}
