import { MATCH_END, MATCH_START } from "@/lib/data/search-marks";

/** Text whose matched words the search marked, shown with <mark>: split on the marks, never parsed as HTML. */
export function MarkedText({ text }: { text: string }) {
  return (
    <>
      {text.split(MATCH_START).map((part, index) => {
        if (index === 0) return part;
        const [matched = "", rest = ""] = part.split(MATCH_END);
        return (
          <span key={index}>
            <mark>{matched}</mark>
            {rest}
          </span>
        );
      })}
    </>
  );
}
