import { execFileSync } from "node:child_process";
import { accessSync, constants, mkdtempSync, rmSync } from "node:fs";
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
 * Every file a unit test makes goes in one folder for the run, removed at its end, on a memory
 * filesystem where the machine has one. The databases keep synchronous=FULL, and on a disk shared
 * with a build and two browsers each of the import's thousand commits waited for its fsync: one test
 * took 54 s in CI against 5 s alone. What the tests check (every row whole or absent, one sequence
 * between two processes, a backup during writes) does not rest on the disk's flush.
 */
function runFolder() {
  const memory = "/dev/shm";
  let parent = os.tmpdir();
  try {
    accessSync(memory, constants.W_OK);
    parent = memory;
  } catch {
    // No memory filesystem here: the system's temporary folder serves.
  }
  return mkdtempSync(path.join(parent, "gallery-unit-run-"));
}

type SharedRun = { folder: string; templateDatabasePath: string; projects: number };
const SHARED_RUN = Symbol.for("gallery.unitTestRun");
const shared = globalThis as typeof globalThis & { [SHARED_RUN]?: SharedRun };

/**
 * Migrates one real SQLite file; each test file then works on its own copy of it, opened either
 * directly (`file:`) or, in the libsql project, through a libSQL server speaking the HTTP protocol a
 * hosted database (Turso) speaks. Both projects run in one vitest run and share the folder and the
 * template (it is the same schema either way); the last to finish removes them.
 */
export default function setup(project: TestProject) {
  let run = shared[SHARED_RUN];
  if (!run) {
    const folder = runFolder();
    // The worker threads and the processes the tests start read the process's environment, so
    // os.tmpdir() is this folder for all of them.
    process.env.TMPDIR = folder;
    const templateDatabasePath = path.join(folder, "template.db");
    execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: `file:${templateDatabasePath}` },
      stdio: ["ignore", "ignore", "pipe"],
    });
    run = shared[SHARED_RUN] = { folder, templateDatabasePath, projects: 0 };
  }
  run.projects += 1;
  project.provide("templateDatabasePath", run.templateDatabasePath);
  const sharedRun = run;
  return () => {
    sharedRun.projects -= 1;
    if (sharedRun.projects > 0) return;
    rmSync(sharedRun.folder, { recursive: true, force: true });
    delete shared[SHARED_RUN];
  };
}
