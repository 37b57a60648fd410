/**
 * After `next build` (npm runs it as postbuild, also inside `vercel build`):
 * 1. Prunes files no server ever loads from the build traces, and so from the standalone server and
 *    the Vercel functions: Prisma's query engines for other databases (about 57 MB) and the musl
 *    build of libSQL's native module. Next's own trace exclusions do not reach the instrumentation
 *    hook's trace, which pulls in Prisma's whole runtime folder.
 * 2. For the Node stack: completes .next/standalone (Next leaves the static files and the public
 *    folder out of it) and writes gzip and brotli copies of every compressible static file, so nginx
 *    serves them without compressing per request; and records that the cached pages show the
 *    database as it is now (lib/data/catalogue-stamp.ts).
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { buildingForVercel } from "@/lib/env";

const COMPRESSIBLE = new Set([".js", ".css", ".svg", ".json", ".txt", ".xml", ".html", ".map", ".webmanifest", ".ico"]);
const MIN_BYTES = 512;

function* filesUnder(folder: string): Generator<string> {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else if (entry.isFile()) yield full;
  }
}

/** Writes file.gz and file.br where they are smaller than the file; returns how many files were compressed. */
export function precompress(folder: string): number {
  let count = 0;
  for (const file of filesUnder(folder)) {
    if (!COMPRESSIBLE.has(path.extname(file)) || statSync(file).size < MIN_BYTES) continue;
    const bytes = readFileSync(file);
    const gzip = gzipSync(bytes, { level: 9 });
    const brotli = brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    });
    if (gzip.length < bytes.length) writeFileSync(`${file}.gz`, gzip);
    if (brotli.length < bytes.length) writeFileSync(`${file}.br`, brotli);
    count += 1;
  }
  return count;
}

const NEVER_LOADED = [
  /node_modules\/@prisma\/client\/runtime\/(query_engine_bg\.|query_compiler_bg\.(mysql|postgresql|sqlserver|cockroachdb)\.|binary\.|library\.|[^/]+\.map$)/,
  /node_modules\/@libsql\/linux-x64-musl\//,
];
const neverLoaded = (file: string) => NEVER_LOADED.some((pattern) => pattern.test(file.split(path.sep).join("/")));

function pruneTraces(serverFolder: string): number {
  let pruned = 0;
  for (const file of filesUnder(serverFolder)) {
    if (!file.endsWith(".nft.json")) continue;
    const trace = JSON.parse(readFileSync(file, "utf8")) as { files: string[] };
    const kept = trace.files.filter((traced) => !neverLoaded(traced));
    if (kept.length === trace.files.length) continue;
    pruned += trace.files.length - kept.length;
    writeFileSync(file, JSON.stringify({ ...trace, files: kept }));
  }
  return pruned;
}

const prunedEntries = pruneTraces(path.resolve(".next/server"));
console.log(`Build traces: ${prunedEntries} entries for files no server loads were removed`);

if (!buildingForVercel()) {
  const standalone = path.resolve(".next/standalone");
  if (!existsSync(path.join(standalone, "server.js"))) {
    console.error('No .next/standalone/server.js: was `next build` run with output: "standalone"?');
    process.exit(1);
  }
  for (const file of filesUnder(path.join(standalone, "node_modules"))) if (neverLoaded(file)) rmSync(file);
  for (const [from, to] of [
    [".next/static", ".next/standalone/.next/static"],
    ["public", ".next/standalone/public"],
  ] as const) {
    rmSync(to, { recursive: true, force: true });
    if (existsSync(from)) cpSync(from, to, { recursive: true });
  }
  // The entry point every Node deployment runs: Next's server, warmed before its port opens.
  for (const file of ["warm-server.mjs", "page-turn.mjs", "connection-timers.mjs"])
    cpSync(path.resolve("scripts/build", file), path.join(standalone, file));
  const compressed =
    precompress(path.join(standalone, ".next/static")) +
    (existsSync(path.join(standalone, "public")) ? precompress(path.join(standalone, "public")) : 0);
  console.log(`Standalone server ready in .next/standalone (${compressed} static files with .gz and .br copies)`);
  // The pages were just made from the database as it is: the first start need not refresh them.
  const { markCatalogueShown } = await import("@/lib/data/catalogue-stamp");
  await markCatalogueShown();
}
