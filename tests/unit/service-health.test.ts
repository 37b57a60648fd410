import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { readServiceHealth, type ServiceHealth } from "@/lib/data/service-health";
import { DISK_FAIL_BYTES, DISK_WARN_BYTES, healthEndpoint, judgeHealth } from "@/lib/routes/health-endpoint";
import { databaseFilePath } from "@/lib/env";
import { storedOutboxEmail } from "./support/outbox-rows";

const CRON_SECRET = "health-check-cron-secret-0123456789";
process.env.CRON_SECRET = CRON_SECRET;

const ask = (headers: Record<string, string> = {}) => healthEndpoint(new Request("http://127.0.0.1/api/health", { headers }));

const queued = (subject: string, status: string, minutesAgo: number) =>
  storedOutboxEmail({ subject, status, createdAt: new Date(Date.now() - minutesAgo * 60_000) });

const healthy: ServiceHealth = {
  database: { reachable: true, answerMs: 2 },
  outbox: { waiting: 0, oldestWaitingSeconds: null, failedLastDay: 0 },
  disk: { freeBytes: 20 * 2 ** 30, totalBytes: 40 * 2 ** 30, databaseBytes: 1_000_000, walBytes: 0 },
};

describe("GET /api/health", () => {
  it("passes with the database's figures, and tells an anonymous caller nothing a stranger should not know", async () => {
    const response = await ask();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/health+json");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(body).toMatchObject({
      status: "pass",
      notes: [],
      database: { reachable: true },
      outbox: { waiting: 0, oldestWaitingSeconds: null },
    });
    expect(Object.keys(body).sort()).toEqual(["checkedAt", "database", "disk", "notes", "outbox", "status"]);
    expect(body.database).toEqual({ reachable: true });
    const text = JSON.stringify(body);
    const file = databaseFilePath();
    if (file) {
      // The file's disk, as the operating system counts it.
      expect(body.disk.freeBytes).toBeGreaterThan(0);
      expect(body.disk.freeBytes).toBeLessThanOrEqual(body.disk.totalBytes);
      expect(body.disk).not.toHaveProperty("databaseBytes");
      expect(text).not.toContain(file);
    } else {
      // A hosted database (libSQL): its disk is its host's to watch.
      expect(body.disk).toBeNull();
    }
    expect(text).not.toContain(CRON_SECRET);
    expect(text).not.toMatch(/heap|rss|pid/i);
  });

  it("gives the detail (answer time, file sizes, failed emails, memory) only to a caller with the cron secret", async () => {
    expect(await (await ask({ authorization: "Bearer not-the-secret-at-all-000" })).json()).not.toHaveProperty("process");
    const body = await (await ask({ authorization: `Bearer ${CRON_SECRET}` })).json();
    expect(body.database.reachable).toBe(true);
    expect(body.database.answerMs).toBeGreaterThanOrEqual(0);
    expect(body.outbox).toHaveProperty("failedLastDay");
    expect(body.process.memory.rss).toBeGreaterThan(0);
    if (databaseFilePath()) expect(body.disk.databaseBytes).toBeGreaterThan(0);
  });

  it("warns, still answering 200, once an email has waited a quarter of an hour, and says how long", async () => {
    await queued("sent long ago", "sent", 300);
    await queued("failed an hour ago", "failed", 60);
    await queued("just queued", "pending", 2);
    expect(await (await ask()).json()).toMatchObject({ status: "pass", outbox: { waiting: 1 } });

    await queued("stuck behind a refusing mail server", "pending", 21);
    const response = await ask();
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.status).toBe("warn");
    expect(body.outbox.waiting).toBe(2);
    expect(body.outbox.oldestWaitingSeconds).toBeGreaterThanOrEqual(21 * 60);
    expect(body.notes).toEqual(["Emails have waited to go for 21 minutes: is the mail server refusing them?"]);
    expect((await readServiceHealth()).outbox?.failedLastDay).toBe(1);
    await db.outboxEmail.deleteMany({});
  });
});

describe("the verdict a monitor alerts on", () => {
  it("fails (503) when the database cannot be reached or the disk is full, and warns when the disk runs low", () => {
    expect(judgeHealth(healthy)).toEqual({ status: "pass", notes: [] });
    expect(judgeHealth({ ...healthy, database: { reachable: false, reason: "SQLITE_CANTOPEN" }, outbox: null })).toEqual({
      status: "fail",
      notes: ["The database cannot be reached: pages and enquiries fail."],
    });
    const disk = (freeBytes: number, totalBytes = 40 * 2 ** 30) => ({ ...healthy, disk: { ...healthy.disk!, freeBytes, totalBytes } });
    expect(judgeHealth(disk(DISK_FAIL_BYTES - 1)).status).toBe("fail");
    expect(judgeHealth(disk(DISK_WARN_BYTES - 1)).status).toBe("warn");
    // A small disk warns at a twentieth free, before the fixed figure.
    expect(judgeHealth(disk(400 * 2 ** 20, 10 * 2 ** 30)).status).toBe("warn");
    expect(judgeHealth(disk(600 * 2 ** 20, 10 * 2 ** 30)).status).toBe("pass");
  });
});
