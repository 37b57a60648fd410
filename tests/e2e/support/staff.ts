import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Browser, type Page } from "@playwright/test";
import { appEnv } from "./test-env";

const projectRoot = path.resolve(import.meta.dirname, "../../..");
const packageScripts = (JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8")) as { scripts: Record<string, string> })
  .scripts;

/**
 * The Node command line a package script (`tsx <flags> <file>`) comes to, run without npm and tsx's own
 * launcher in front of it: the same file, flags and loader, one Node start instead of three. A run makes
 * two dozen accounts, and each start costs about half a second of CPU on a machine the suite keeps busy.
 */
function packageScriptCommand(script: string, args: string[]): string[] {
  const [runner, ...rest] = packageScripts[script]?.split(" ") ?? [];
  if (runner !== "tsx") throw new Error(`package script ${script} is not "tsx …": ${packageScripts[script]}`);
  return ["--import", "tsx", ...rest, ...args];
}

/** Creates a staff account as a gallery would: `npm run staff:create`'s script, password on standard input. */
export function createStaffAccount(
  email: string,
  password: string,
  name = "Anna Smith",
  role: "owner" | "staff" | "viewer" = "staff",
): string {
  return execFileSync(
    process.execPath,
    packageScriptCommand("staff:create", ["--email", email, "--name", name, "--role", role, "--password-stdin"]),
    { cwd: projectRoot, env: { ...process.env, ...appEnv }, input: password },
  ).toString();
}

/** `npm run staff:reset-password`'s script, the new password on standard input. */
export function resetStaffPassword(email: string, password: string): string {
  return execFileSync(process.execPath, packageScriptCommand("staff:reset-password", ["--email", email, "--password-stdin"]), {
    cwd: projectRoot,
    env: { ...process.env, ...appEnv },
    input: password,
  }).toString();
}

/** `npm run staff:create` with whatever a script pipes in, for its answer and exit status. */
export function staffCreateWithInput(email: string, input: string): { status: number | null; output: string } {
  const run = spawnSync("npm", ["run", "--silent", "staff:create", "--", "--email", email, "--password-stdin"], {
    cwd: projectRoot,
    env: { ...process.env, ...appEnv },
    input,
  });
  return { status: run.status, output: `${run.stdout.toString()}${run.stderr.toString()}` };
}

/** `npm run staff:disable`, as a gallery runs it; its output. */
export function disableStaffAccount(email: string, enable = false): string {
  return execFileSync("npm", ["run", "--silent", "staff:disable", "--", "--email", email, ...(enable ? ["--enable"] : [])], {
    cwd: projectRoot,
    env: { ...process.env, ...appEnv },
  }).toString();
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/staff/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Enquiries" })).toBeVisible();
}

/** A member of staff signed in, in a browser of their own, arriving from `ip` (each its own sign-in limit). */
export async function signedInPage(browser: Browser, account: { email: string; password: string }, ip: string): Promise<Page> {
  const page = await (await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": ip } })).newPage();
  await signIn(page, account.email, account.password);
  return page;
}

/** `npm run import -- …` against the running test site's database, as a gallery would run it (settings changed where given). */
export function runImportCommand(args: string[], settings: Record<string, string> = {}): string {
  return execFileSync("npm", ["run", "--silent", "import", "--", ...args], {
    cwd: projectRoot,
    env: { ...process.env, ...appEnv, ...settings },
  }).toString();
}
