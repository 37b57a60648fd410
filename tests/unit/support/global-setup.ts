import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

export type UnitDatabaseMode = "file" | "libsql";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabasePath: string;
    databaseMode: UnitDatabaseMode;
  }
}

/**
 * Migrates one real SQLite file; each test file then works on its own copy of it, opened either
 * directly (`file:`) or, with GALLERY_TEST_DATABASE=libsql, through a libSQL server speaking the
 * HTTP protocol a hosted database (Turso) speaks.
 */
export default function setup(project: TestProject) {
  const folder = mkdtempSync(path.join(os.tmpdir(), "gallery-unit-"));
  const templateDatabasePath = path.join(folder, "template.db");
  execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${templateDatabasePath}` },
    stdio: ["ignore", "ignore", "pipe"],
  });
  project.provide("templateDatabasePath", templateDatabasePath);
  project.provide("databaseMode", process.env.GALLERY_TEST_DATABASE === "libsql" ? "libsql" : "file");
}
