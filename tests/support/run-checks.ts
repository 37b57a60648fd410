/**
 * npm scripts of npm test's lanes, one after another, stopping at the first that fails. Their output
 * passes through as it comes, and each says how long it took (the lanes are balanced by these times:
 * npm test must finish within 10 minutes); a failing script's account (vitest's "Failed Tests"
 * section, or else the script's last lines) is saved for `npm test` to print again at the very end.
 *
 *   tsx tests/support/run-checks.ts typecheck test:unit
 *
 * Scripts joined by "+" run side by side, and the next starts when all of them have passed: an install
 * that mostly waits on the registry (the Vercel CLI) runs beside the lint instead of before it.
 *
 *   tsx tests/support/run-checks.ts test:vercel:prepare+lint test:vercel
 */
import { spawn } from "node:child_process";
import { onEachLine } from "./child-lines";
import { saveFailureAccount } from "./failure-accounts";

const ACCOUNT_LINES = 80;
// Colour codes make the saved account hard to read and to search.
const COLOUR_CODES = /\x1b\[[0-9;]*m/g;

function runScript(script: string): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const child = spawn("npm", ["run", script], { stdio: ["ignore", "pipe", "pipe"] });
  onEachLine(child, (line, target) => {
    target.write(`${line}\n`);
    lines.push(line.replace(COLOUR_CODES, ""));
    // Enough to hold vitest's account of several failures, not the whole run.
    if (lines.length > 4 * ACCOUNT_LINES) lines.splice(0, lines.length - 4 * ACCOUNT_LINES);
  });
  return new Promise((resolve) => child.on("close", (code) => resolve({ code: code ?? 1, lines })));
}

function failureAccount(lines: string[]): string[] {
  const failedTests = lines.findIndex((line) => /⎯ Failed Tests? \d+ ⎯/.test(line));
  const account = failedTests === -1 ? lines.slice(-ACCOUNT_LINES) : lines.slice(failedTests);
  return account.length > 2 * ACCOUNT_LINES ? [...account.slice(0, ACCOUNT_LINES), "…", ...account.slice(-ACCOUNT_LINES / 2)] : account;
}

const steps = process.argv.slice(2).map((step) => step.split("+"));
const scripts = steps.flat();

async function runTimed(script: string): Promise<{ script: string; code: number; lines: string[] }> {
  const started = performance.now();
  const { code, lines } = await runScript(script);
  console.log(
    `npm run ${script}: ${code === 0 ? "passed" : `failed (exit ${code})`} in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  return { script, code, lines };
}

for (const step of steps) {
  const failed = (await Promise.all(step.map(runTimed))).filter((result) => result.code !== 0);
  if (failed.length > 0) {
    saveFailureAccount(`The checks (${scripts.join(", ")})`, [
      ...failed.flatMap(({ script, code, lines }) => [`npm run ${script} failed (exit ${code}).`, ...failureAccount(lines)]),
      "The scripts after it did not run.",
    ]);
    process.exit(failed[0]!.code);
  }
}
