import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { describe, expect, inject, it } from "vitest";
import { BackupError, backupDatabase, describeDatabase, restoreDatabase } from "@/lib/db/backup";
import { storeEnquiryWithEmails } from "@/lib/data/enquiries";
import { db } from "@/lib/db/client";
import { databaseFilePath } from "@/lib/env";
import { checkSqliteSettings } from "@/lib/db/sqlite-settings";

const onFile = inject("databaseMode") !== "libsql";
const run = promisify(execFile);

/** `npm run <script>` against the database at `databaseUrl`; its output. */
async function command(args: string[], databaseUrl: string): Promise<string> {
  const { stdout, stderr } = await run("npm", ["run", "--silent", ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, SITE_URL: "http://127.0.0.1:9", NODE_ENV: "development" },
  });
  return `${stdout}${stderr}`;
}
const folder = mkdtempSync(path.join(os.tmpdir(), "gallery-backup-"));

function references(file: string): Set<string> {
  const handle = new Database(file, { readonly: true });
  try {
    return new Set((handle.prepare(`SELECT "reference" FROM "Enquiry"`).all() as Array<{ reference: string }>).map((row) => row.reference));
  } finally {
    handle.close();
  }
}

describe.runIf(onFile)("backing up and restoring the SQLite database", () => {
  it("sets every connection durably: WAL, synchronous FULL, foreign keys, a busy timeout", async () => {
    await db.enquiry.count(); // opens Prisma's connection, which checks its settings itself
    const values = new Map<string, unknown>();
    for (const name of ["journal_mode", "synchronous", "foreign_keys", "busy_timeout"]) {
      const [row] = await db.$queryRawUnsafe<Array<Record<string, unknown>>>(`PRAGMA ${name}`);
      values.set(name, Object.values(row ?? {})[0]);
    }
    expect(() => checkSqliteSettings((name) => values.get(name))).not.toThrow();
    expect(() => checkSqliteSettings((name) => (name === "synchronous" ? 1 : values.get(name)))).toThrow("synchronous is 1, expected 2");
  });

  it("backs up while enquiries are being written, and a restore into a fresh folder holds every enquiry that had a reference", async () => {
    const source = databaseFilePath()!;
    const stored: string[] = [];
    let writing = true;
    const writer = (async () => {
      for (let index = 0; writing; index += 1) {
        const outcome = await storeEnquiryWithEmails(
          {
            submissionKey: `backup-drill-${index}`,
            artworkId: null,
            artworkSnapshot: null,
            name: "Drill Collector",
            email: `drill-${index}@backup.test`,
            phone: null,
            message: `Written during the backup, number ${index}`,
            questions: [],
            shippingCountry: null,
            clientIpHash: null,
            now: new Date(),
          },
          () => ({ flagReasons: [], emails: [] }),
        );
        if (outcome.refused) throw new Error("No limits were given, so nothing may be refused");
        stored.push(outcome.reference);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    while (stored.length < 50) await new Promise((resolve) => setTimeout(resolve, 5));

    // The commands a gallery runs, in processes of their own, while this one goes on writing.
    const backup = path.join(folder, "gallery-backup.db");
    const referencedBeforeBackup = [...stored];
    const backedUp = await command(["db:backup", "--", backup], `file:${source}`);
    writing = false;
    await writer;
    expect(backedUp).toMatch(/^Backed up .* to .*gallery-backup\.db: \d+ enquiries, \d+ works, schema \d+_/m);
    expect(stored.length).toBeGreaterThan(referencedBeforeBackup.length + 10);

    const restored = path.join(folder, "fresh", "gallery.db");
    const preview = await command(["db:restore", "--", backup], `file:${restored}`);
    expect(preview).toContain("Nothing was changed. To replace");
    const restoredOutput = await command(["db:restore", "--", backup, "--yes"], `file:${restored}`);
    expect(restoredOutput).toContain(`Restored ${restored} from ${backup}.`);
    const held = references(restored);
    for (const reference of referencedBeforeBackup) expect(held).toContain(reference);
    expect(describeDatabase(restored).enquiries).toBe(held.size);
    const handle = new Database(restored, { readonly: true });
    try {
      expect(handle.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(handle.pragma("journal_mode", { simple: true })).toBe("wal");
    } finally {
      handle.close();
    }
  });

  it("refuses to overwrite an earlier backup, or to restore a file that is not a gallery database", async () => {
    const backup = path.join(folder, "twice.db");
    await backupDatabase(databaseFilePath()!, backup);
    await expect(backupDatabase(databaseFilePath()!, backup)).rejects.toThrow(/already exists/);

    const stranger = path.join(folder, "stranger.db");
    const strangerHandle = new Database(stranger);
    strangerHandle.exec("CREATE TABLE notes (text TEXT)");
    strangerHandle.close();
    await expect(restoreDatabase(stranger, path.join(folder, "never.db"))).rejects.toThrow(
      /not a gallery database: it has no _prisma_migrations table/,
    );
    await expect(restoreDatabase(path.join(folder, "missing.db"), path.join(folder, "never.db"))).rejects.toBeInstanceOf(BackupError);
  });
});
