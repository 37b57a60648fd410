import Link from "next/link";

type Props = { page: number; pageCount: number; hrefFor: (page: number) => string; label: string };

/** The page numbers to offer: the first, the last, and two either side of the current one. */
export function pageWindow(page: number, pageCount: number): Array<number | "gap"> {
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pageCount])]
    .filter((n) => n >= 1 && n <= pageCount)
    .sort((a, b) => a - b);
  return shown.flatMap((n, index) => (index > 0 && n - shown[index - 1]! > 1 ? ["gap" as const, n] : [n]));
}

/** Previous, numbered and next links through a long list; plain links, so it works without JavaScript. */
export function Pager({ page, pageCount, hrefFor, label }: Props) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className="mt-10 flex flex-wrap items-center gap-2 font-sans">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev" className="pager-link">
          ← Previous
        </Link>
      ) : null}
      <ul className="flex flex-wrap items-center gap-2">
        {pageWindow(page, pageCount).map((entry, index) =>
          entry === "gap" ? (
            <li key={`gap-${index}`} aria-hidden="true" className="px-1 text-ink-soft">
              …
            </li>
          ) : (
            <li key={entry}>
              {entry === page ? (
                <span aria-current="page" className="pager-link pager-current">
                  <span className="sr-only">Page </span>
                  {entry}
                </span>
              ) : (
                <Link href={hrefFor(entry)} className="pager-link">
                  <span className="sr-only">Page </span>
                  {entry}
                </Link>
              )}
            </li>
          ),
        )}
      </ul>
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} rel="next" className="pager-link">
          Next →
        </Link>
      ) : null}
    </nav>
  );
}
