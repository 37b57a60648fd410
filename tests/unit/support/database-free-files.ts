/**
 * The unit test files that never reach the database, found by following their imports (and those of
 * every project file they import) to lib/db/client.ts. The libSQL pass (the libsql project in vitest.config.ts)
 * leaves them out: it exists to run the data layer over libSQL's HTTP protocol, and for these files it
 * would run the very same code a second time (they run once, in the file pass).
 *
 * When in doubt a file counts as reaching the database: an import this cannot resolve, or a require(),
 * keeps the file in the libSQL pass.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const projectRoot = path.resolve(import.meta.dirname, "../../..");
const DATABASE_CLIENT = path.join(projectRoot, "lib/db/client.ts");
const IMPORTS =
  /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|^\s*import\s*["']([^"']+)["']/gm;
const EXTENSIONS = ["", ".ts", ".tsx", ".mts", ".js", ".mjs", ".cjs", "/index.ts"];

/** A project file an import names; "package" for a package; null for a project file that cannot be found. */
function resolveImport(fromFile: string, specifier: string): string | "package" | null {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join(projectRoot, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(fromFile), specifier);
  else return "package";
  for (const extension of EXTENSIONS) {
    const candidate = base + extension;
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

export function reachesDatabase(file: string, known = new Map<string, boolean>(), visiting = new Set<string>()): boolean {
  const cached = known.get(file);
  if (cached !== undefined) return cached;
  if (file === DATABASE_CLIENT) return true;
  if (visiting.has(file)) return false;
  visiting.add(file);
  const source = readFileSync(file, "utf8");
  let reaches = /\brequire\(/.test(source) && !file.endsWith(".cjs");
  for (const match of source.matchAll(IMPORTS)) {
    if (reaches) break;
    const target = resolveImport(file, match[1] ?? match[2] ?? match[3]!);
    if (target === "package") continue;
    reaches = target === null || reachesDatabase(target, known, visiting);
  }
  visiting.delete(file);
  known.set(file, reaches);
  return reaches;
}

export function databaseFreeTestFiles(): string[] {
  const folder = path.join(projectRoot, "tests/unit");
  const known = new Map<string, boolean>();
  return readdirSync(folder)
    .filter((name) => name.endsWith(".test.ts"))
    .filter((name) => !reachesDatabase(path.join(folder, name), known))
    .map((name) => `tests/unit/${name}`);
}
