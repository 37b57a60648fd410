import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";
import { databaseFreeTestFiles } from "./tests/unit/support/database-free-files";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // The data layer is server-only; in tests it runs in plain Node, as on the server.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    environment: "node",
    // Worker threads, not child processes: each file still gets its own database (process.env is the
    // thread's own copy), and the two runs of npm test take about a tenth less CPU (69.7 → 62.4 s here).
    pool: "threads",
    // One file per core (vitest's own default is one fewer: a single file at a time on this 2-core machine).
    maxWorkers: os.availableParallelism(),
    globalSetup: ["tests/unit/support/global-setup.ts"],
    setupFiles: ["tests/unit/support/per-file-database.ts"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Two passes over one pool: every file against a SQLite file, then those that reach the database
    // again over libSQL's HTTP protocol (as a hosted database, Turso, speaks it); files that never reach
    // it would run the very same code a second time. As one run, not two, the passes share a start-up
    // and a migrated template, and neither leaves a core idle while its last long file finishes.
    // `npm run test:unit` runs both; `vitest run --project file` or `npm run test:unit:libsql` one of them.
    projects: [
      { extends: true, test: { name: "file", include: ["tests/unit/**/*.test.ts"], provide: { databaseMode: "file" } } },
      {
        extends: true,
        test: {
          name: "libsql",
          include: ["tests/unit/**/*.test.ts"],
          exclude: databaseFreeTestFiles(),
          provide: { databaseMode: "libsql" },
        },
      },
    ],
  },
});
