import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";
import { databaseFreeTestFiles } from "./tests/unit/support/database-free-files";

// The second pass (`npm run test:unit:libsql`) runs the files that reach the database over libSQL's HTTP
// protocol; those that never do ran once already, in the first.
const overLibsql = process.env.GALLERY_TEST_DATABASE === "libsql";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // The data layer is server-only; in tests it runs in plain Node, as on the server.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.ts"],
    exclude: overLibsql ? databaseFreeTestFiles() : [],
    environment: "node",
    // Worker threads, not child processes: each file still gets its own database (process.env is the
    // thread's own copy), and the two runs of npm test take about a tenth less CPU (69.7 → 62.4 s here).
    pool: "threads",
    // One file per core (vitest's own default is one fewer: a single file at a time on this 2-core machine).
    // In npm test the lanes often end first, and the libSQL pass alone then left a core idle.
    maxWorkers: os.availableParallelism(),
    globalSetup: ["tests/unit/support/global-setup.ts"],
    setupFiles: ["tests/unit/support/per-file-database.ts"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
