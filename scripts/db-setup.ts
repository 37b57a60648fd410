/**
 * Creates, migrates and seeds the SQLite database: run before `next build` (which pre-renders
 * catalogue pages from it) and before the dev server. Safe to run any number of times.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseFilePath } from "@/lib/env";
import { applySqliteSettings } from "@/lib/db/sqlite-settings";
import { seedCatalogue } from "@/prisma/seed";

const filePath = databaseFilePath();
if (filePath) {
  mkdirSync(path.dirname(filePath), { recursive: true });
}

try {
  execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], { stdio: "pipe" });
} catch (error) {
  const output = error as { stdout?: Buffer; stderr?: Buffer };
  console.error(`Could not migrate the database:\n${output.stdout?.toString() ?? ""}${output.stderr?.toString() ?? ""}`);
  process.exit(1);
}

if (filePath) {
  // WAL (kept in the file itself) and the rest of lib/db/sqlite-settings.ts, checked once here too.
  const sqlite = new Database(filePath);
  applySqliteSettings(sqlite);
  sqlite.close();
}

const { created } = await seedCatalogue();
console.log(`Database ready at ${filePath ?? "the configured URL"}${created ? ` (seeded ${created} works)` : ""}`);
