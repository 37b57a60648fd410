import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";

/*
 * A full disk, for real: the database on a 24 MB tmpfs in a private mount namespace (as the Vercel
 * test gives its functions a read-only root), filled up while collectors send a burst of enquiries and
 * while an import runs, then freed, all in one process (tests/unit/support/full-disk-scenario.ts).
 * Needs unshare and mount (root, as in CI); a hosted database has no disk of ours to fill.
 */
const canMount = spawnSync("unshare", ["-m", "sh", "-c", "mount -t tmpfs -o size=1m tmpfs /mnt"]).status === 0;
const fileDatabase = inject("databaseMode") === "file";

type Outcome = { status: string; reference?: string; message?: string };
type Report = {
  fullBurst: Outcome[];
  fullStored: string[];
  fullImport: { stoppedAfter?: number; stopReason?: string };
  importedWhileFull: { count: number; withoutBothSizes: number };
  integrityWhileFull: string;
  freeWhileFull: number;
  freedBurst: Outcome[];
  freedStored: string[];
  finishedImport: { stoppedAfter?: number; counts: { create: number; unchanged: number } };
  importedAfter: { count: number; withoutBothSizes: number };
  integrityAfter: string;
};

describe.skipIf(!canMount || !fileDatabase)("a full disk", () => {
  it(
    "refuses enquiries plainly (never a reference for one not stored), stops an import with what it wrote, and resumes once space is freed",
    { timeout: 90_000 },
    () => {
      const mountPoint = mkdtempSync(path.join(os.tmpdir(), "gallery-full-disk-"));
      const script = [
        "set -e",
        `mount -t tmpfs -o size=24m tmpfs '${mountPoint}'`,
        `cp '${inject("templateDatabasePath")}' '${mountPoint}/gallery.db'`,
        `exec '${process.execPath}' --import tsx --conditions=react-server tests/unit/support/full-disk-scenario.ts`,
      ].join("\n");
      const run = spawnSync("unshare", ["-m", "sh", "-c", script], {
        cwd: path.resolve(import.meta.dirname, "../.."),
        env: {
          ...process.env,
          DATABASE_URL: `file:${mountPoint}/gallery.db`,
          LOG_LEVEL: "silent",
          MAIL_DROP_DIR: path.join(mountPoint, "mail"),
        },
        encoding: "utf8",
        timeout: 80_000,
      });
      expect(run.status, run.stderr).toBe(0);
      const report = JSON.parse(run.stdout.trim().split("\n").pop()!) as Report;

      // The burst: some stored before the disk filled, the rest told plainly, with what they typed kept.
      const sent = report.fullBurst.filter((outcome) => outcome.status === "sent");
      const refused = report.fullBurst.filter((outcome) => outcome.status !== "sent");
      expect(sent.length).toBeGreaterThan(0);
      expect(refused.length).toBeGreaterThan(0);
      for (const outcome of refused) {
        expect(outcome.reference).toBeUndefined();
        expect(outcome.message).toMatch(
          /^Sorry, something went wrong on our side and your enquiry was not stored\. Please try again in a moment, or write to /,
        );
      }
      // Every reference shown is stored, and nothing is stored that was not answered with its reference.
      expect(report.fullStored).toEqual(sent.map((outcome) => outcome.reference).sort());

      // The import: stopped with the rows it wrote, each whole, and the reason.
      expect(report.fullImport.stoppedAfter).toBe(report.importedWhileFull.count);
      expect(report.fullImport.stoppedAfter).toBeLessThan(400);
      expect(report.fullImport.stopReason).toBe(
        "the database's disk is full. Free space (or wait for the database to return) and import the file again",
      );
      expect(report.importedWhileFull.withoutBothSizes).toBe(0);
      expect(report.integrityWhileFull).toBe("ok");

      // Space freed, the same process goes on: enquiries are stored, and the import finishes.
      expect(report.freedBurst.map((outcome) => outcome.status)).toEqual(["sent", "sent", "sent", "sent", "sent"]);
      expect(report.freedStored).toEqual(report.freedBurst.map((outcome) => outcome.reference).sort());
      expect(report.finishedImport.stoppedAfter).toBeUndefined();
      expect(report.finishedImport.counts).toMatchObject({
        create: 400 - report.importedWhileFull.count,
        unchanged: report.importedWhileFull.count,
      });
      expect(report.importedAfter).toEqual({ count: 400, withoutBothSizes: 0 });
      expect(report.integrityAfter).toBe("ok");
    },
  );
});
