import Link from "next/link";
import { Fragment } from "react";

export type Crumb = { label: string; href?: string };

/** The trail the original gallery page showed: Home > Exhibition > Section > "42 Title". */
export function Breadcrumb({ trail }: { trail: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-6 font-sans text-sm text-ink-soft">
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-1">
        {trail.map((crumb, index) => (
          <Fragment key={`${crumb.label}-${index}`}>
            <li>
              {crumb.href ? (
                <Link href={crumb.href} className="hover:text-ink">
                  {crumb.label}
                </Link>
              ) : (
                <span aria-current="page" className="text-ink">
                  {crumb.label}
                </span>
              )}
            </li>
            {index < trail.length - 1 && (
              <li aria-hidden="true" className="select-none">
                ›
              </li>
            )}
          </Fragment>
        ))}
      </ol>
    </nav>
  );
}
