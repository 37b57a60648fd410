/**
 * Building for Vercel on this machine, offline, and reading what it produced: the Vercel CLI
 * (pinned: later versions do not install here) kept out of the project's dependencies, the build,
 * each function's size as Vercel counts it, and a function laid out as Vercel unpacks it.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ensurePinnedCli } from "@/scripts/support/pinned-cli";

export const projectRoot = path.resolve(import.meta.dirname, "../..");
const cliFolder = path.join(projectRoot, "tmp/vercel-cli");
const vercelBin = path.join(cliFolder, "node_modules/.bin/vercel");
export const outputFolder = path.join(projectRoot, ".vercel/output");
export const VERCEL_CLI_VERSION = "58.10.0";

export function ensureVercelCli(): void {
  ensurePinnedCli(cliFolder, "vercel", VERCEL_CLI_VERSION);
}

/**
 * `vercel build --prod` as Vercel's build machine runs it, with the project settings given here.
 * Asynchronous: the database and storage servers the build talks to may run in this very process.
 */
export async function vercelBuild(env: NodeJS.ProcessEnv): Promise<string> {
  mkdirSync(path.join(projectRoot, ".vercel"), { recursive: true });
  writeFileSync(
    path.join(projectRoot, ".vercel/project.json"),
    JSON.stringify({ projectId: "prj_local", orgId: "team_local", settings: { framework: "nextjs" } }),
  );
  rmSync(outputFolder, { recursive: true, force: true });
  // Turbopack's cache from a standalone build of the same folder must not leak into this one.
  rmSync(path.join(projectRoot, ".next"), { recursive: true, force: true });
  const build = spawn(vercelBin, ["build", "--yes", "--prod"], {
    cwd: projectRoot,
    // The CLI sends usage reports after a build unless told not to; nothing here may reach the network.
    env: { ...env, VERCEL: "1", VERCEL_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  build.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  build.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => build.on("exit", resolve));
  if (code !== 0) throw new Error(`vercel build failed (exit ${code}):\n${output.slice(-6000)}`);
  return output;
}

type FunctionConfig = { handler: string; filePathMap?: Record<string, string> };

function* filesUnder(folder: string): Generator<string> {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else yield full;
  }
}

/** Every function folder (following Vercel's symlinks to shared ones), by route. */
export function functionFolders(): Map<string, string> {
  const folders = new Map<string, string>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.name.endsWith(".func"))
        folders.set(path.relative(path.join(outputFolder, "functions"), full).replace(/\.func$/, ""), realpathSync(full));
      else if (entry.isDirectory()) walk(full);
    }
  };
  walk(path.join(outputFolder, "functions"));
  return folders;
}

export type FunctionSize = { folder: string; routes: string[]; bytes: number; largest: Array<{ group: string; bytes: number }> };

/** Unzipped size of each distinct function: its own files plus every project file it maps in. */
export function functionSizes(): FunctionSize[] {
  const byFolder = new Map<string, string[]>();
  for (const [route, folder] of functionFolders()) byFolder.set(folder, [...(byFolder.get(folder) ?? []), route]);
  return [...byFolder].map(([folder, routes]) => {
    const config = JSON.parse(readFileSync(path.join(folder, ".vc-config.json"), "utf8")) as FunctionConfig;
    const groups = new Map<string, number>();
    const add = (file: string, group: string) => {
      const size = statSync(file).size;
      groups.set(group, (groups.get(group) ?? 0) + size);
    };
    for (const file of filesUnder(folder)) add(file, "function's own files");
    for (const [, source] of Object.entries(config.filePathMap ?? {})) {
      const full = path.resolve(projectRoot, source);
      if (!existsSync(full) || statSync(full).isDirectory()) continue;
      const packageName = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(source)?.[1];
      add(full, packageName ?? source.split("/")[0] ?? source);
    }
    const bytes = [...groups.values()].reduce((sum, size) => sum + size, 0);
    const largest = [...groups]
      .map(([group, size]) => ({ group, bytes: size }))
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 4);
    return { folder, routes: routes.sort(), bytes, largest };
  });
}

/** One line per function, largest first: its size and what dominates it. */
export function describeFunctionSizes(): string[] {
  const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return functionSizes()
    .sort((a, b) => b.bytes - a.bytes)
    .map(
      (size) =>
        `${mib(size.bytes)} for ${size.routes.length} routes (e.g. ${size.routes[0]}): ${size.largest.map((part) => `${part.group} ${mib(part.bytes)}`).join(", ")}`,
    );
}

/** Copies a function's folder and the project files it maps into target, as Vercel unpacks it. */
export function layOutFunction(route: string, target: string): string {
  const folder = functionFolders().get(route);
  if (!folder) throw new Error(`No Vercel function for ${route}`);
  rmSync(target, { recursive: true, force: true });
  cpSync(folder, target, { recursive: true, dereference: true });
  const config = JSON.parse(readFileSync(path.join(folder, ".vc-config.json"), "utf8")) as FunctionConfig;
  for (const [destination, source] of Object.entries(config.filePathMap ?? {})) {
    const full = path.resolve(projectRoot, source);
    if (!existsSync(full)) continue;
    mkdirSync(path.dirname(path.join(target, destination)), { recursive: true });
    cpSync(full, path.join(target, destination), { recursive: true, dereference: true });
  }
  return target;
}
