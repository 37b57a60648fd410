/**
 * `npm run test:vercel`: the Vercel check in a copy of the project of its own, so it can run beside the
 * other browser tests (it rebuilds .next, which the running e2e server is built from). The project's
 * files are copied (git's list: tracked and new, never ignored ones), the generated Prisma client too;
 * node_modules and the pinned Vercel CLI are hard links where the filesystem allows (nothing in them
 * is written), else copies. The copy sits in the system's temporary folder, away from the project's
 * lockfile, so Next takes the copy for the workspace root. Its exit status is the check's.
 */
import { execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const projectRoot = path.resolve(import.meta.dirname, "../..");
const copy = mkdtempSync(path.join(os.tmpdir(), "gallery-vercel-"));

function linkTree(from: string, to: string): void {
  if (!existsSync(from)) return;
  mkdirSync(path.dirname(to), { recursive: true });
  try {
    execFileSync("cp", ["-al", from, to], { stdio: "pipe" });
  } catch {
    // Another filesystem: hard links cannot cross it.
    cpSync(from, to, { recursive: true, verbatimSymlinks: true });
  }
}

let status = 1;
try {
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], { cwd: projectRoot })
    .toString()
    .split("\0")
    .filter((file) => file && existsSync(path.join(projectRoot, file)));
  for (const file of files) {
    mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    cpSync(path.join(projectRoot, file), path.join(copy, file));
  }
  cpSync(path.join(projectRoot, "lib/generated"), path.join(copy, "lib/generated"), { recursive: true });
  linkTree(path.join(projectRoot, "node_modules"), path.join(copy, "node_modules"));
  linkTree(path.join(projectRoot, "tmp/vercel-cli"), path.join(copy, "tmp/vercel-cli"));
  const check = spawn(path.join(copy, "node_modules/.bin/playwright"), ["test", "-c", "playwright.vercel.config.ts"], {
    cwd: copy,
    stdio: "inherit",
  });
  status = await new Promise<number>((resolve) => check.on("exit", (code) => resolve(code ?? 1)));
  // What it built stays for `npm run bench` to size the functions.
  const built = path.join(copy, ".vercel/output");
  if (existsSync(built)) {
    rmSync(path.join(projectRoot, ".vercel/output"), { recursive: true, force: true });
    cpSync(built, path.join(projectRoot, ".vercel/output"), { recursive: true, verbatimSymlinks: true });
  }
} finally {
  rmSync(copy, { recursive: true, force: true });
}
process.exit(status);
