import { existsSync, rmSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { appEnv, appPort, baseURL, capturedMailDir, e2eRoot, smtpPort } from "./tests/e2e/support/test-env";

// Every run starts from an empty database and mailbox; the web servers below recreate them.
// Workers load this file too (they have TEST_WORKER_INDEX): only the main process may clean up.
if (!process.env.TEST_WORKER_INDEX && !process.env.PLAYWRIGHT_REUSE_SERVER) rmSync(e2eRoot, { recursive: true, force: true });

const debianChromium = "/usr/bin/chromium";

export default defineConfig({
  testDir: "tests/e2e",
  // One browser at a time, the spec files in their order: they share one server and its database, some
  // count or snapshot all it holds, and some build on what earlier files left (two browsers at once were
  // tried: on this 2-core machine they finished no sooner beside the unit tests, and counts saw each
  // other's writes).
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: "list",
  use: {
    baseURL,
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: existsSync(debianChromium) ? debianChromium : undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: [
    {
      command: `node_modules/.bin/tsx scripts/mail-catcher.ts --port ${smtpPort} --dir ${capturedMailDir}`,
      url: undefined,
      port: smtpPort,
      reuseExistingServer: Boolean(process.env.PLAYWRIGHT_REUSE_SERVER),
      timeout: 30_000,
    },
    {
      // Built and served as a gallery does: `npm run build`, then `npm start` (the standalone server).
      command: `npm run build && PORT=${appPort} HOSTNAME=127.0.0.1 npm start`,
      url: `${baseURL}/`,
      env: appEnv,
      reuseExistingServer: Boolean(process.env.PLAYWRIGHT_REUSE_SERVER),
      timeout: 240_000,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
