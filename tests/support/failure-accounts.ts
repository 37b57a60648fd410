/**
 * `npm test` runs two lanes side by side and prints each whole when it ends, one after the other; CI
 * shows a run's last lines, so a failure in the first lane was out of sight behind the second's
 * output (a unit test that failed in CI was seen only by running the whole suite again). Each lane
 * that fails leaves its account here, and `npm test` prints every account last (it empties the folder as it starts).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const folder = path.resolve(import.meta.dirname, "../../tmp/test-failures");

export function saveFailureAccount(lane: string, lines: string[]): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, `${lane}.txt`), `${lines.join("\n")}\n`);
}

export function failureAccounts(): { lane: string; text: string }[] {
  let files: string[] = [];
  try {
    files = readdirSync(folder).filter((file) => file.endsWith(".txt"));
  } catch {
    return [];
  }
  return files.sort().map((file) => ({ lane: file.slice(0, -4), text: readFileSync(path.join(folder, file), "utf8") }));
}
