import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, test } from "./support/fixtures";
import { startSecondWebProcess } from "./support/second-server";
import { appEnv } from "./support/test-env";

test("a production server without its mail settings and secrets refuses to start, naming each", () => {
  const root = path.resolve(import.meta.dirname, "../..");
  // The build this run serves, started again with only a database: as if deployed without configuration.
  const result = spawnSync("npm", ["start"], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      PORT: "3299",
      HOSTNAME: "127.0.0.1",
      DATABASE_URL: appEnv.DATABASE_URL,
    },
    timeout: 30_000,
    encoding: "utf8",
  });
  expect(result.status).toBe(1);
  const output = `${result.stdout}${result.stderr}`;
  expect(output).toContain("The gallery cannot start: its configuration is incomplete.");
  for (const setting of [
    "SITE_URL",
    "SMTP_HOST",
    "GALLERY_EMAIL",
    "MAIL_FROM",
    "FORM_SIGNING_SECRET",
    "CRON_SECRET",
    "BETTER_AUTH_SECRET",
  ]) {
    expect(output).toContain(`${setting} is required in production`);
  }
});

// Started any way but `npm start`, a production server could not tell one visitor from another: its
// limits would count nothing, or believe the X-Forwarded-For a client writes. It refuses to serve instead.
for (const [way, command, args] of [
  [
    "`next start`",
    path.resolve(import.meta.dirname, "../../node_modules/.bin/next"),
    ["start", "--port", "3297", "--hostname", "127.0.0.1"],
  ],
  ["Next's own .next/standalone/server.js", process.execPath, [path.resolve(import.meta.dirname, "../../.next/standalone/server.js")]],
] as const) {
  test(`a production server started with ${way} refuses to serve, saying how to start it`, () => {
    const result = spawnSync(command, args, {
      cwd: path.resolve(import.meta.dirname, "../.."),
      env: { ...process.env, ...appEnv, PORT: "3297", HOSTNAME: "127.0.0.1" },
      timeout: 45_000,
      encoding: "utf8",
    });
    const output = `${result.stdout}${result.stderr}`;
    expect(result.signal, "it stopped by itself, not at the test's time limit").toBeNull();
    expect(result.status).toBe(1);
    expect(output).toContain("The gallery cannot start this way");
    expect(output).toContain("Start it with `npm start`");
  });
}

test("`npm run build` without the production settings stops at once, naming each, and points to the preview", () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const result = spawnSync("npm", ["run", "build"], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", DATABASE_URL: appEnv.DATABASE_URL },
    timeout: 60_000,
    encoding: "utf8",
  });
  expect(result.status).not.toBe(0);
  const output = `${result.stdout}${result.stderr}`;
  expect(output).toContain("FORM_SIGNING_SECRET is required in production");
  expect(output).toContain("npm run preview");
  // Stopped before Next.js began: the build this run serves is untouched.
  expect(output).not.toContain("Creating an optimized production build");
});

test("when the database cannot be reached, a page says so plainly and offers a way on, not Next's bare error page", async ({ page }) => {
  const root = path.resolve(import.meta.dirname, "../..");
  // The build this run serves, pointed at a database in a folder that does not exist.
  const server = await startSecondWebProcess(3298, {
    DATABASE_URL: `file:${path.join(root, "tmp", "no-such-folder", "gallery.db")}`,
    OUTBOX_DISABLE_BACKGROUND_SWEEP: "true",
  });
  const siteUrl = server.siteUrl;
  try {
    // Signing in must read the database: the staff area's error page takes over from the form.
    await page.goto(`${siteUrl}/staff/sign-in`);
    await page.getByLabel("Email address").fill("anna@bracebridge.test");
    await page.getByLabel("Password").fill("a long and proper password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page could not be shown");
    await expect(page.getByText("If you had just saved a change, check whether it is there")).toBeVisible();
    await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Enquiries" })).toHaveAttribute("href", "/staff");
  } finally {
    server.stop();
  }
});
