import { staffTime } from "@/lib/time/gallery-time";

/** An enquiry's reply-by time while it waits: how late it is (in the alert colour, in words too) or how long is left. */
export function ReplyBy({ reply }: { reply: { by: string; overdue: boolean; words: string } | null }) {
  if (!reply) return <span className="text-ink-soft">—</span>;
  return reply.overdue ? (
    <span data-testid="reply-by">
      <strong className="text-alert">Overdue: {reply.words}</strong>
      <span className="block text-ink-soft">reply by {staffTime(reply.by)}</span>
    </span>
  ) : (
    <span data-testid="reply-by">
      {reply.words.replace(/^due/, "Due")}
      <span className="block text-ink-soft">reply by {staffTime(reply.by)}</span>
    </span>
  );
}
