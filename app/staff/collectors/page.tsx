import type { Metadata } from "next";
import Link from "next/link";
import { Pager } from "@/components/pager";
import { requireStaff } from "@/lib/auth/staff-session";
import { listCollectors } from "@/lib/data/staff/collectors";
import { staffNoticeText } from "@/lib/staff/notices";
import { staffTime } from "@/lib/time/gallery-time";
import { collectorSearchSchema } from "@/lib/validations/collectors";

export const metadata: Metadata = { title: "Collectors", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CollectorsPage({ searchParams }: Props) {
  const staff = await requireStaff();
  const params = await searchParams;
  const noticeText = staffNoticeText("collectorList", params.notice);
  const search = collectorSearchSchema.safeParse({
    q: typeof params.q === "string" ? params.q : undefined,
    page: typeof params.page === "string" ? params.page : undefined,
  });
  const { q, page } = search.success ? search.data : { q: "", page: 1 };
  const list = await listCollectors(staff, { query: q, page });
  const hrefFor = (n: number) => `/staff/collectors?${new URLSearchParams({ ...(q ? { q } : {}), page: String(n) })}`;
  return (
    <>
      <h1 className="text-3xl font-semibold">Collectors</h1>
      <p className="mt-2 max-w-3xl font-sans text-sm text-ink-soft">
        Everyone who enquired, booked a viewing, offered, asked to reserve, asked to be told or bought: one record per person, however many
        times and from however many forms of their address.
      </p>
      <p role="status" className={noticeText ? "mt-4 border-l-4 border-ok bg-white p-3 font-sans" : "sr-only"}>
        {noticeText}
      </p>
      <form method="get" className="mt-6 flex flex-wrap items-end gap-3 font-sans" aria-label="Find a collector">
        <div>
          <label htmlFor="collector-search" className="field-label">
            Name, address or interest
          </label>
          <input id="collector-search" name="q" type="search" defaultValue={q} className="field-input" maxLength={200} />
        </div>
        <button type="submit" className="button-quiet">
          Find
        </button>
      </form>
      <p className="mt-4 font-sans text-sm" data-testid="collector-count">
        {list.total === 1 ? "1 collector" : `${list.total} collectors`}
        {q ? ` matching “${q}”` : ""}
      </p>
      {list.rows.length > 0 && (
        <table className="mt-4 w-full border-collapse font-sans text-sm">
          <caption className="sr-only">Collectors, the most recently seen first</caption>
          <thead>
            <tr className="border-b border-rule text-left">
              <th scope="col" className="py-2 pr-4">
                Name
              </th>
              <th scope="col" className="py-2 pr-4">
                Addresses
              </th>
              <th scope="col" className="py-2 pr-4">
                Enquiries
              </th>
              <th scope="col" className="py-2 pr-4">
                Purchases
              </th>
              <th scope="col" className="py-2 pr-4">
                Interests
              </th>
              <th scope="col" className="py-2">
                Last seen
              </th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((row) => (
              <tr key={row.key} className="border-b border-rule align-top" data-testid="collector-row">
                <td className="py-2 pr-4">
                  <Link href={`/staff/collectors/${row.key}`}>{row.name || "(no name given)"}</Link>
                </td>
                <td className="py-2 pr-4">{row.addresses.join(", ")}</td>
                <td className="py-2 pr-4">{row.enquiries}</td>
                <td className="py-2 pr-4">{row.purchases}</td>
                <td className="py-2 pr-4">{row.tags.join(", ")}</td>
                <td className="py-2">{staffTime(row.lastSeen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={list.page} pageCount={list.pages} hrefFor={hrefFor} label="Pages of collectors" />
    </>
  );
}
