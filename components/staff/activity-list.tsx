import type { ActivityView } from "@/lib/data/staff/activity-log";
import { staffTime } from "@/lib/time/gallery-time";

/** Entries of the activity log, newest first: who, when, what, and the old and new value where there is one. */
export function ActivityList({ entries, showSubject = false }: { entries: ActivityView[]; showSubject?: boolean }) {
  if (entries.length === 0) return <p className="mt-2 font-sans text-sm text-ink-soft">Nothing recorded yet.</p>;
  return (
    <ol className="mt-2 space-y-2 font-sans text-sm">
      {entries.map((entry) => (
        <li key={entry.id} className="border-l-2 border-rule pl-3" data-testid="activity-entry">
          <p>
            <strong>{entry.actor}</strong> {entry.action}
            {showSubject ? <> · {entry.subjectLabel}</> : null}
            {entry.field && entry.oldValue !== null && entry.newValue !== null ? (
              <>
                {" "}
                · {entry.field}: <span className="line-through">{entry.oldValue}</span> → {entry.newValue}
              </>
            ) : entry.newValue ? (
              <> · {entry.newValue}</>
            ) : null}
          </p>
          {entry.detail ? <p className="text-ink-soft">{entry.detail}</p> : null}
          <p className="text-ink-soft">{staffTime(entry.at)}</p>
        </li>
      ))}
    </ol>
  );
}
