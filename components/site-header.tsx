import Link from "next/link";
import { EnquiryListLink } from "@/components/enquiry-list-link";
import { SearchForm } from "@/components/search-form";

type Props = { galleryName: string; exhibition: { slug: string; title: string } | null };

export function SiteHeader({ galleryName, exhibition }: Props) {
  return (
    <header className="border-b border-rule">
      <div className="mx-auto flex max-w-6xl flex-wrap items-baseline justify-between gap-x-8 gap-y-2 px-5 py-5 sm:px-8">
        <Link href="/" className="text-2xl font-semibold tracking-tight no-underline">
          {galleryName}
        </Link>
        <nav aria-label="Main">
          <ul className="flex flex-wrap gap-x-6 gap-y-1 font-sans text-[0.95rem]">
            {exhibition && (
              <li>
                <Link href={`/exhibitions/${exhibition.slug}`} className="no-underline hover:underline">
                  Exhibition
                </Link>
              </li>
            )}
            <li>
              <Link href="/works" className="no-underline hover:underline">
                All works
              </Link>
            </li>
            <li>
              <Link href="/enquire" className="no-underline hover:underline">
                Enquire
              </Link>
            </li>
            <li>
              <EnquiryListLink />
            </li>
          </ul>
        </nav>
        <SearchForm id="site-search" name="Site search" />
      </div>
    </header>
  );
}
