import { defineConfig } from "@playwright/test";

/**
 * The Vercel check (`npm run test:vercel`): builds the gallery with the Vercel CLI, offline, against a
 * libSQL server and S3-compatible storage on loopback, then invokes the built functions on a
 * read-only filesystem. Runs after the other end-to-end tests, because it rebuilds .next.
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
