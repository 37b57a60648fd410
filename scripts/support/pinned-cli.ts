/**
 * A command-line tool at a pinned version, installed on first use into its own folder under tmp/:
 * kept out of the project's dependencies because nothing the gallery runs needs it (the Vercel CLI
 * for the Vercel test, Lighthouse for its benchmark).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Installs `name@version` into folder unless its binary is there; returns the binary's path. */
export function ensurePinnedCli(folder: string, name: string, version: string, binary = name): string {
  const bin = path.join(folder, "node_modules/.bin", binary);
  if (existsSync(bin)) return bin;
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, "package.json"), JSON.stringify({ name: `${name}-cli`, private: true }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--no-save", `${name}@${version}`], { cwd: folder, stdio: "pipe" });
  return bin;
}
