import { copyFileSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, inject } from "vitest";
import { startLibsqlTestServer } from "../../support/libsql-server";

// Runs before the test file imports anything, so lib/db opens this database and no other.
const folder = mkdtempSync(path.join(os.tmpdir(), "gallery-unit-file-"));
const databasePath = path.join(folder, "test.db");
copyFileSync(inject("templateDatabasePath"), databasePath);
if (inject("databaseMode") === "libsql") {
  const authToken = "unit-test-libsql-token";
  const server = await startLibsqlTestServer({ databasePath, authToken });
  process.env.DATABASE_URL = server.url;
  process.env.DATABASE_AUTH_TOKEN = authToken;
  afterAll(() => server.close());
} else {
  process.env.DATABASE_URL = `file:${databasePath}`;
}
process.env.MAIL_DROP_DIR = path.join(folder, "mail");
process.env.UPLOAD_DIR = path.join(folder, "uploads");
process.env.LOG_LEVEL = "silent";
