/**
 * `npm run test:e2e`: the browser tests in two lanes at once. One spec file's browser mostly waits (for
 * the server, an email, a sweep): one lane alone kept this 2-core machine two-thirds busy, so two lanes,
 * each with its own server, database and mailbox, finish in about half the time without seeing each
 * other's writes. The build is made once, here, as `npm run build` makes it; lane 2 gets a copy of the
 * standalone server and of the freshly built database. Each lane's output is prefixed with its name;
 * the exit status is 0 only when both pass. The two lanes' lines interleave, and CI shows a run's last
 * lines: a failed lane's account of its failures is printed again at the very end, where it is read.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { onEachLine } from "../../support/child-lines";
import { saveFailureAccount } from "../../support/failure-accounts";
import { LANE_FILES } from "./lane-files";
// Loaded without E2E_LANE: lane 1's settings, which are the build's (its database is the one the pages are built from).
import { appEnv } from "./test-env";

const projectRoot = path.resolve(import.meta.dirname, "../../..");
const laneRoots = { 1: path.join(projectRoot, "tmp/e2e"), 2: path.join(projectRoot, "tmp/e2e-lane-2") } as const;

// A spec file in no lane would never run; one in both would run twice against two servers.
const specFiles = readdirSync(path.join(projectRoot, "tests/e2e")).filter((file) => file.endsWith(".spec.ts"));
const assigned = [...LANE_FILES[1], ...LANE_FILES[2]];
const unassigned = specFiles.filter((file) => !assigned.includes(file));
const twice = assigned.filter((file, index) => assigned.indexOf(file) !== index || !specFiles.includes(file));
if (unassigned.length > 0 || twice.length > 0) {
  console.error(
    `tests/e2e/support/lane-files.ts must name every spec file once: ${[
      ...unassigned.map((file) => `${file} is in no lane`),
      ...twice.map((file) => `${file} is named twice or does not exist`),
    ].join("; ")}`,
  );
  process.exit(1);
}

for (const root of Object.values(laneRoots)) rmSync(root, { recursive: true, force: true });

const build = spawnSync("npm", ["run", "build"], {
  cwd: projectRoot,
  env: { ...process.env, ...appEnv },
  stdio: ["ignore", "inherit", "inherit"],
});
if (build.status !== 0) {
  const account = `npm run build failed (exit ${build.status ?? build.signal}): no browser test ran; the build's output is above`;
  console.error(account);
  saveFailureAccount("The browser tests' build", [account]);
  process.exit(1);
}

mkdirSync(laneRoots[2], { recursive: true });
for (const file of readdirSync(laneRoots[1]).filter((name) => name.startsWith("gallery.db"))) {
  cpSync(path.join(laneRoots[1], file), path.join(laneRoots[2], file));
}
cpSync(path.join(projectRoot, ".next/standalone"), path.join(laneRoots[2], "standalone"), { recursive: true, verbatimSymlinks: true });

const laneLines: Record<1 | 2, string[]> = { 1: [], 2: [] };

function runLane(lane: 1 | 2): Promise<number> {
  const child = spawn(path.join(projectRoot, "node_modules/.bin/playwright"), ["test"], {
    cwd: projectRoot,
    env: { ...process.env, E2E_LANE: String(lane) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  onEachLine(child, (line, target) => keepAndWrite(lane, line, target));
  return new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
}

function keepAndWrite(lane: 1 | 2, line: string, target: NodeJS.WritableStream) {
  target.write(`[lane ${lane}] ${line}\n`);
  // The server's own lines are in the lane's server log; the account of failures is Playwright's.
  if (!line.includes("[WebServer]")) laneLines[lane].push(line);
}

/** Playwright's list reporter ends with each failure in full ("  1) tests/e2e/…") and the counts. */
function failureAccount(lines: string[]): string[] {
  const firstFailure = lines.findIndex((line) => /^\s{2}1\) /.test(line));
  const account = firstFailure === -1 ? lines.slice(-60) : lines.slice(firstFailure);
  return account.length > 200 ? [...account.slice(0, 150), "…", ...account.slice(-40)] : account;
}

const results = await Promise.all([runLane(1), runLane(2)]);
results.forEach((code, index) => {
  if (code === 0) return;
  const lane = (index + 1) as 1 | 2;
  console.log(`\n── lane ${lane} failed; its account again ──`);
  for (const line of failureAccount(laneLines[lane])) console.log(`[lane ${lane}] ${line}`);
  saveFailureAccount(`Browser tests, lane ${lane}`, failureAccount(laneLines[lane]));
});
results.forEach((code, index) => console.log(`lane ${index + 1}: ${code === 0 ? "passed" : `failed (exit ${code})`}`));
process.exit(results.every((code) => code === 0) ? 0 : 1);
