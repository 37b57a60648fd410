import type { Metadata } from "next";
import Link from "next/link";
import { ActivityList } from "@/components/staff/activity-list";
import { requireStaff } from "@/lib/auth/staff-session";
import { ACTIVITY_SUBJECT_LABELS, ACTIVITY_SUBJECTS } from "@/lib/staff/activity-vocabulary";
import { parseActivityFilters } from "@/lib/validations/activity-filters";
import { listActivity } from "@/lib/data/staff/activity-log";

export const metadata: Metadata = { title: "Activity", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ActivityPage({ searchParams }: Props) {
  const staff = await requireStaff();
  const filters = parseActivityFilters(await searchParams);
  const { entries, more, actors } = await listActivity(staff, filters);
  const pageLink = (page: number) => {
    const params = new URLSearchParams(
      Object.entries({ ...filters, page: String(page) }).flatMap(([key, value]) => (value ? [[key, String(value)]] : [])),
    );
    return `/staff/activity?${params}`;
  };
  return (
    <>
      <h1 className="text-3xl font-semibold">Activity</h1>
      <p className="mt-2 max-w-2xl font-sans text-ink-soft">
        Every change made here, by whom and when: kept as written, never edited or removed. It names references and values, never a
        collector&rsquo;s details.
      </p>
      <form method="get" className="mt-6 flex flex-wrap items-end gap-4 font-sans text-sm" aria-label="Filter the activity">
        <div>
          <label htmlFor="activity-subject" className="field-label">
            About
          </label>
          <select id="activity-subject" name="subject" defaultValue={filters.subject ?? ""} className="field-input">
            <option value="">Everything</option>
            {ACTIVITY_SUBJECTS.map((value) => (
              <option key={value} value={value}>
                {ACTIVITY_SUBJECT_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="activity-actor" className="field-label">
            By
          </label>
          <select id="activity-actor" name="actor" defaultValue={filters.actor ?? ""} className="field-input">
            <option value="">Anyone</option>
            {actors.map((actor) => (
              <option key={actor} value={actor}>
                {actor}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="activity-from" className="field-label">
            From
          </label>
          <input id="activity-from" name="from" type="date" defaultValue={filters.from ?? ""} className="field-input" />
        </div>
        <div>
          <label htmlFor="activity-to" className="field-label">
            To
          </label>
          <input id="activity-to" name="to" type="date" defaultValue={filters.to ?? ""} className="field-input" />
        </div>
        <button type="submit" className="button-quiet">
          Show
        </button>
      </form>
      <div className="mt-6 max-w-3xl">
        <ActivityList entries={entries} showSubject />
      </div>
      <nav aria-label="Activity pages" className="mt-6 flex gap-4 font-sans text-sm">
        {filters.page > 1 && <Link href={pageLink(filters.page - 1)}>← Newer</Link>}
        {more && <Link href={pageLink(filters.page + 1)}>Older →</Link>}
      </nav>
    </>
  );
}
