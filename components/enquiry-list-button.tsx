/**
 * "Add to my enquiry": a plain form, the same for every visitor (the page stays cached). Without
 * JavaScript it posts and the list page says what happened; with it, the header's script
 * (components/enquiry-list-link.tsx) sends it in place and marks the button for works already listed.
 */
import { ENQUIRY_LIST_ENDPOINT } from "@/lib/enquiries/enquiry-list-cookie";

type Props = { workId: string; label: string; compact?: boolean };

export function EnquiryListButton({ workId, label, compact = false }: Props) {
  return (
    <form
      method="post"
      action={ENQUIRY_LIST_ENDPOINT}
      data-enquiry-list-work={workId}
      className={compact ? "list-toggle list-toggle-compact" : "list-toggle"}
    >
      <input type="hidden" name="intent" value="add" />
      <input type="hidden" name="workId" value={workId} />
      <button type="submit" className="button-quiet list-toggle-button">
        <span className="list-toggle-off">
          Add to my enquiry<span className="sr-only"> ({label})</span>
        </span>
        <span className="list-toggle-on">
          On my enquiry list ✓<span className="sr-only"> ({label}): press to take it off the list</span>
        </span>
      </button>
    </form>
  );
}
