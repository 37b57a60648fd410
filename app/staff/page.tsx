import type { Metadata } from "next";
import Link from "next/link";
import { ReplyBy } from "@/components/staff/reply-by";
import { TableHead } from "@/components/staff/table-head";
import { staffTime } from "@/lib/time/gallery-time";
import { requireStaff } from "@/lib/auth/staff-session";
import { enquiredWorks, inboxCounts, listInbox } from "@/lib/data/staff/inbox";
import { ENQUIRY_STATUS_LABELS, ENQUIRY_STATUSES } from "@/lib/enquiries/vocabulary";
import { inboxQueryString, parseInboxFilters } from "@/lib/validations/inbox-filters";

export const metadata: Metadata = { title: "Enquiries", robots: { index: false } };

const STATUS_LABELS: Record<string, string> = { waiting: "Waiting for us", all: "All (not spam)", ...ENQUIRY_STATUS_LABELS };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function InboxPage({ searchParams }: Props) {
  const staff = await requireStaff();
  const filters = parseInboxFilters(await searchParams);
  const [rows, counts, works] = await Promise.all([listInbox(staff, filters), inboxCounts(staff), enquiredWorks(staff)]);
  const query = inboxQueryString(filters);
  return (
    <>
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="text-3xl font-semibold">Enquiries</h1>
        <p className="font-sans" data-testid="waiting-count">
          {counts.overdue > 0 && (
            <>
              <Link href="/staff?status=waiting" className="font-semibold text-alert" data-testid="overdue-count">
                {counts.overdue} overdue
              </Link>{" "}
              ·{" "}
            </>
          )}
          <strong>{counts.waiting}</strong> waiting for an answer ·{" "}
          <Link href="/staff?who=mine" data-testid="mine-count">
            {counts.mine} of them yours
          </Link>
          {counts.spam > 0 && (
            <>
              {" "}
              · <Link href="/staff?status=spam">{counts.spam} in spam</Link>
            </>
          )}
          {counts.failedEmails > 0 && (
            <>
              {" "}
              ·{" "}
              <span className="text-alert">
                {counts.failedEmails} email{counts.failedEmails === 1 ? "" : "s"} failed
              </span>
            </>
          )}
        </p>
      </div>
      {counts.heldAsFlood > 0 && (
        <p className="mt-4 border-l-4 border-alert bg-white p-3 font-sans" data-testid="flood-notice">
          In the last day {counts.heldAsFlood} enquir{counts.heldAsFlood === 1 ? "y was" : "ies were"} held in spam because more arrived at
          once than the site expects from people. Real ones may be among them: <Link href="/staff?status=spam">look through spam</Link> and
          release them to the inbox.
        </p>
      )}
      {counts.undelivered.count > 0 && (
        <p className="mt-4 border-l-4 border-alert bg-white p-3 font-sans" data-testid="undelivered-notice">
          {counts.undelivered.count} email{counts.undelivered.count === 1 ? "" : "s"} could not be delivered in the last 30 days (the mail
          server refused {counts.undelivered.count === 1 ? "it" : "them"}, or could not be reached for three days). Open each enquiry to see
          why, and send again from there:{" "}
          {counts.undelivered.references.map((reference, index) => (
            <span key={reference}>
              {index > 0 ? ", " : ""}
              <Link href={`/staff/enquiries/${reference}`}>{reference}</Link>
            </span>
          ))}
          .
        </p>
      )}
      {counts.backlog && (
        <p className="mt-4 border-l-4 border-alert bg-white p-3 font-sans" data-testid="backlog-notice">
          {counts.backlog.waiting} email{counts.backlog.waiting === 1 ? " is" : "s are"} waiting to go, the oldest for{" "}
          {counts.backlog.oldestMinutes} minutes: the mail server is refusing them or cannot be reached. They are tried again by themselves
          (for three days); meanwhile, answer anything urgent by telephone or from your own mail program.
        </p>
      )}
      {/* Keyed by the query: a link to other filters (such as "yours") must show them, not keep the last ones. */}
      <form
        key={query}
        method="get"
        className="mt-6 grid gap-4 border-y border-rule py-4 font-sans sm:grid-cols-2 lg:grid-cols-4"
        aria-label="Filter enquiries"
      >
        <div>
          <label htmlFor="inbox-status" className="field-label">
            Status
          </label>
          <select id="inbox-status" name="status" defaultValue={filters.status} className="field-input">
            {["waiting", "all", ...ENQUIRY_STATUSES].map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="inbox-work" className="field-label">
            Work
          </label>
          <select id="inbox-work" name="work" defaultValue={filters.work ?? ""} className="field-input">
            <option value="">Any work</option>
            {works.map((work) => (
              <option key={work.slug} value={work.slug}>
                {work.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="inbox-from" className="field-label">
            From
          </label>
          <input id="inbox-from" name="from" type="date" defaultValue={filters.from} className="field-input" />
        </div>
        <div>
          <label htmlFor="inbox-to" className="field-label">
            To
          </label>
          <input id="inbox-to" name="to" type="date" defaultValue={filters.to} className="field-input" />
        </div>
        <div>
          <label htmlFor="inbox-q" className="field-label">
            Name, email or reference
          </label>
          <input id="inbox-q" name="q" type="search" defaultValue={filters.q} className="field-input" />
        </div>
        <div>
          <label htmlFor="inbox-who" className="field-label">
            Assigned to
          </label>
          <select id="inbox-who" name="who" defaultValue={filters.who} className="field-input">
            <option value="anyone">Anyone or nobody</option>
            <option value="mine">Me (mine)</option>
            <option value="nobody">Nobody yet</option>
          </select>
        </div>
        <div>
          <label htmlFor="inbox-sort" className="field-label">
            Order
          </label>
          <select id="inbox-sort" name="sort" defaultValue={filters.sort} className="field-input">
            <option value="due">Overdue and due first</option>
            <option value="newest">Newest first</option>
          </select>
        </div>
        <div className="flex items-end gap-3">
          <button type="submit" className="button-primary">
            Filter
          </button>
        </div>
      </form>
      <p className="mt-4 font-sans text-sm">
        <a href={`/staff/enquiries/export${query ? `?${query}` : ""}`}>Download these enquiries as CSV</a>
      </p>
      {rows.length === 0 ? (
        <p className="mt-8 font-sans">No enquiries match.</p>
      ) : (
        <table className="mt-4 w-full border-collapse text-left font-sans text-sm">
          <caption className="sr-only">
            {filters.sort === "newest" ? "Enquiries, newest first" : "Enquiries waiting for an answer first, the most overdue at the top"}
          </caption>
          <TableHead columns={["Received", "From", "About", "Status", "Reply by", "Reference"]} />
          <tbody>
            {rows.map((row) => (
              <tr key={row.reference} className="border-b border-rule align-top">
                <td className="py-2 pr-3 whitespace-nowrap">{staffTime(row.createdAt)}</td>
                <td className="py-2 pr-3">
                  {row.name}
                  <br />
                  <span className="text-ink-soft">{row.email}</span>
                </td>
                <td className="py-2 pr-3">
                  {row.work ?? "General question"}
                  {row.excerpt && <span className="block text-ink-soft">{row.excerpt}</span>}
                </td>
                <td className="py-2 pr-3">
                  {STATUS_LABELS[row.status]}
                  <span className="block text-ink-soft">{row.assignee ? `Assigned to ${row.assignee}` : "Not assigned"}</span>
                  {row.flagged && <span className="block text-alert">Flagged</span>}
                  {row.deliveryProblem && <span className="block text-alert">Email failed</span>}
                </td>
                <td className="py-2 pr-3">
                  <ReplyBy reply={row.reply} />
                </td>
                <td className="py-2">
                  <Link href={`/staff/enquiries/${row.reference}`}>{row.reference}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
