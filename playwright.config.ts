import { existsSync, rmSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import {
  appEnv,
  appPort,
  baseURL,
  capturedMailDir,
  dovecotDir,
  e2eLane,
  e2eRoot,
  imapPort,
  serverLogFile,
  smtpPort,
  standaloneDir,
} from "./tests/e2e/support/test-env";
import { LANE_FILES } from "./tests/e2e/support/lane-files";
import { WEB_PROCESS_NODE_FLAGS } from "./scripts/stack/node-process-flags";

// In a lane (E2E_LANE, set by `npm run test:e2e`), the build and the lane's fresh database were made
// before (tests/e2e/support/two-lanes.ts); run alone, this run builds and starts from an empty database
// and mailbox itself. Workers load this file too (they have TEST_WORKER_INDEX): only the main process cleans up.
const inLane = Boolean(process.env.E2E_LANE);
if (!inLane && !process.env.TEST_WORKER_INDEX && !process.env.PLAYWRIGHT_REUSE_SERVER) rmSync(e2eRoot, { recursive: true, force: true });

// Lane 1 serves the build as a gallery does (`npm start`); lane 2 its own copy of the standalone server,
// started with the same flags `npm start` gives it.
// Its log goes to a file the tests read (security lines: security.spec.ts).
const startServer = `mkdir -p "${e2eRoot}" && ${
  e2eLane === 1
    ? `PORT=${appPort} HOSTNAME=127.0.0.1 npm start`
    : `PORT=${appPort} HOSTNAME=127.0.0.1 GALLERY_ROOT="$PWD" node ${WEB_PROCESS_NODE_FLAGS.join(" ")} ${standaloneDir}/warm-server.mjs`
} >> "${serverLogFile}"`;

// Debian's Chromium in its headless-shell build (package chromium-headless-shell), the one Playwright itself
// runs for headless tests: the full browser in headless mode took twice the CPU for the same spec
// (collector.spec.ts: 77.6 → 39.3 CPU-seconds of Chromium, 109 → 86 s), and CPU is what the suite waits on.
// Where only the full browser is installed, that is used.
const debianChromium = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].find((candidate) => existsSync(candidate));

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: inLane ? LANE_FILES[e2eLane] : "**/*.spec.ts",
  outputDir: `test-results/lane-${e2eLane}`,
  // One browser at a time in a lane, its spec files in their order: they share the lane's server and
  // database, some count or snapshot all it holds, and some build on what earlier files left. Two lanes
  // run at once, each with a server of its own.
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // A test is a person's whole errand; on CI's shared 2-core machine, beside the other lane and the unit
  // tests, one that takes 14 s alone has taken 30 s.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: "list",
  use: {
    baseURL,
    // A trace of every test, kept when one fails, for a developer to open; CI prints only the output, where
    // recording them cost a fifth of the browsers' CPU (collector.spec: 160 → 142 CPU-seconds with the build).
    trace: process.env.CI ? "off" : "retain-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: debianChromium,
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
      // A test is a person's whole errand; on CI's shared 2-core machine, beside the other lane and the unit
      // tests, one that takes 14 s alone has taken 30 s.
      timeout: 60_000,
    },
    // The gallery's mailbox (lane 1's): Debian's Dovecot, on loopback, with a Maildir the tests deliver into.
    ...(e2eLane === 1
      ? [
          {
            command: `node_modules/.bin/tsx tests/support/dovecot.ts --port ${imapPort} --dir ${dovecotDir}`,
            url: undefined,
            port: imapPort,
            reuseExistingServer: Boolean(process.env.PLAYWRIGHT_REUSE_SERVER),
            timeout: 30_000,
          },
        ]
      : []),
    {
      // Built and served as a gallery does: `npm run build`, then `npm start` (the standalone server).
      command: inLane ? startServer : `npm run build && ${startServer}`,
      url: `${baseURL}/`,
      env: appEnv,
      reuseExistingServer: Boolean(process.env.PLAYWRIGHT_REUSE_SERVER),
      timeout: 240_000,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
