/**
 * `npm test` runs two lanes side by side and prints each whole when it ends, one after the other; CI
 * shows a run's last lines, so a failure in the first lane was out of sight behind the second's
 * output (a unit test that failed in CI was seen only by running the whole suite again). Each lane
 * that fails leaves its account here, and `npm test` prints every account last (it empties the folder as it starts).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const folder = path.resolve(import.meta.dirname, "../../tmp/test-failures");

/** `what` names what failed as a person reads it ("Browser tests, lane 1"); its first line is that name. */
export function saveFailureAccount(what: string, lines: string[]): void {
  mkdirSync(folder, { recursive: true });
  const file = `${what.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.txt`;
  writeFileSync(path.join(folder, file), `${[what, ...lines].join("\n")}\n`);
}

export function failureAccounts(): { what: string; text: string }[] {
  let files: string[] = [];
  try {
    files = readdirSync(folder).filter((file) => file.endsWith(".txt"));
  } catch {
    return [];
  }
  return files.sort().map((file) => {
    const [what = file, ...lines] = readFileSync(path.join(folder, file), "utf8").split("\n");
    return { what, text: lines.join("\n") };
  });
}
