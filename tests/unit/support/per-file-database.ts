import { copyFileSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";

// Runs before the test file imports anything, so lib/db opens this file and no other.
const folder = mkdtempSync(path.join(os.tmpdir(), "gallery-unit-file-"));
const databasePath = path.join(folder, "test.db");
copyFileSync(inject("templateDatabasePath"), databasePath);
process.env.DATABASE_URL = `file:${databasePath}`;
process.env.MAIL_DROP_DIR = path.join(folder, "mail");
process.env.UPLOAD_DIR = path.join(folder, "uploads");
process.env.LOG_LEVEL = "silent";
