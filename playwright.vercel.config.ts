import { defineConfig } from "@playwright/test";

/**
 * The Vercel check (`npm run test:vercel`): builds the gallery with the Vercel CLI, offline, against a
 * libSQL server and S3-compatible storage on loopback, then invokes the built functions on a
 * read-only filesystem. `npm run test:vercel` runs it in a copy of the project (scripts/support/vercel-test-apart.ts),
 * because it rebuilds .next, from which the other end-to-end tests' server is built: so they run side by side.
 */
export default defineConfig({
  testDir: "tests/vercel",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: "list",
});
