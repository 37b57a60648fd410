/**
 * Which photograph files belong to which rows of an import, by their names: galleries name their
 * photographs after the catalogue number ("42.jpg"), the work's address ("42-second-retreat-from-
 * russia.jpg"), the title, or list the file in an Image/Photo column. Further views of a work carry
 * a number after the name ("42-2.jpg", "42 (3).jpg") and are attached in that order. Pure: no files.
 */
import { slugify } from "@/lib/catalogue/slugs";

export const PHOTOGRAPH_FILE = /\.(jpe?g|png|webp)$/i;

export type PhotoRow = {
  line: number;
  catalogueNumber: string;
  title: string;
  /** The work's address on the site, where it already has one. */
  slug?: string;
  /** File names the row's Image/Photo column lists. */
  listed: string[];
};

export type PhotographMatch = {
  /** Per row (by line), the files in the order to attach them. */
  byLine: Map<number, string[]>;
  /** Files no row claims, or more than one row does, with why. */
  unmatched: Array<{ file: string; reason: string }>;
};

/** A file's name without the folders it was in ("photos/42.jpg" → "42.jpg"). */
export const nameOf = (file: string) => file.replace(/^.*[\\/]/, "");
const stem = (file: string) => nameOf(file).replace(/\.[^.]+$/, "");
const key = (text: string) => slugify(text);

/** "42-2" → { base: "42", view: 2 }; "42" → { base: "42", view: 1 }. */
function viewOf(fileStem: string): { base: string; view: number } {
  const numbered = /^(.*?)(?:\s*[-_ ]\s*|\s*\()(\d{1,2})\)?$/.exec(fileStem);
  return numbered && numbered[1] ? { base: numbered[1], view: Number(numbered[2]) } : { base: fileStem, view: 1 };
}

export function matchPhotographs(files: string[], rows: PhotoRow[]): PhotographMatch {
  // Every name a row answers to, and the rows answering to it (a catalogue number may repeat).
  const claims = new Map<string, Set<number>>();
  const claim = (name: string, line: number) => {
    if (!name) return;
    const lines = claims.get(name) ?? new Set<number>();
    lines.add(line);
    claims.set(name, lines);
  };
  const listedBy = new Map<string, number>();
  for (const row of rows) {
    claim(key(row.catalogueNumber), row.line);
    claim(key(row.title), row.line);
    claim(key(`${row.catalogueNumber} ${row.title}`), row.line);
    if (row.slug) claim(row.slug, row.line);
    for (const listed of row.listed) listedBy.set(nameOf(listed).toLowerCase(), row.line);
  }

  const found = new Map<number, Array<{ file: string; view: number }>>();
  const unmatched: PhotographMatch["unmatched"] = [];
  for (const file of [...files].sort()) {
    if (!PHOTOGRAPH_FILE.test(file)) continue;
    let line = listedBy.get(nameOf(file).toLowerCase()) ?? listedBy.get(stem(file).toLowerCase());
    let view = 1;
    if (line === undefined) {
      const whole = claims.get(key(stem(file)));
      const { base, view: numberedView } = viewOf(stem(file));
      const candidates = whole ?? claims.get(key(base));
      if (!whole) view = numberedView;
      if (!candidates) {
        unmatched.push({ file: nameOf(file), reason: "no row has that catalogue number, title or address" });
        continue;
      }
      if (candidates.size > 1) {
        unmatched.push({
          file: nameOf(file),
          reason: `rows ${[...candidates].join(", ")} all answer to that name: list it in their Image column`,
        });
        continue;
      }
      line = [...candidates][0]!;
    }
    const list = found.get(line) ?? [];
    list.push({ file, view });
    found.set(line, list);
  }
  const byLine = new Map<number, string[]>();
  for (const [line, list] of found)
    byLine.set(
      line,
      list.sort((a, b) => a.view - b.view).map((entry) => entry.file),
    );
  return { byLine, unmatched };
}
