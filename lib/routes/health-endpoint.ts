import "server-only";
import { carriesCronSecret } from "@/lib/auth/cron-secret";
import { OUTBOX_BACKLOG_ALERT_MINUTES } from "@/lib/data/outbox";
import { readServiceHealth, type ServiceHealth } from "@/lib/data/service-health";

/** Below this, the next enquiry, upload or import may not fit: the service is failing. */
export const DISK_FAIL_BYTES = 32 * 1024 * 1024;
/** Below this (or a twentieth of the disk), someone should make room soon. */
export const DISK_WARN_BYTES = 256 * 1024 * 1024;

type Verdict = "pass" | "warn" | "fail";

/** The checks an uptime monitor alerts on, each with why; the worst of them is the answer's status. */
export function judgeHealth(health: ServiceHealth): { status: Verdict; notes: string[] } {
  const notes: Array<[Verdict, string]> = [];
  if (!health.database.reachable) notes.push(["fail", "The database cannot be reached: pages and enquiries fail."]);
  const disk = health.disk;
  if (disk && disk.freeBytes < DISK_FAIL_BYTES) {
    notes.push(["fail", "The database's disk is (nearly) full: enquiries cannot be stored."]);
  } else if (disk && (disk.freeBytes < DISK_WARN_BYTES || disk.freeBytes < disk.totalBytes / 20)) {
    notes.push(["warn", "The database's disk is running out of room."]);
  }
  const oldest = health.outbox?.oldestWaitingSeconds;
  if (oldest !== null && oldest !== undefined && oldest >= OUTBOX_BACKLOG_ALERT_MINUTES * 60) {
    notes.push(["warn", `Emails have waited to go for ${Math.floor(oldest / 60)} minutes: is the mail server refusing them?`]);
  }
  const status = notes.some(([verdict]) => verdict === "fail") ? "fail" : notes.length > 0 ? "warn" : "pass";
  return { status, notes: notes.map(([, note]) => note) };
}

/**
 * GET /api/health, for an uptime monitor and the stack's own watch on its web processes: 200 while the
 * site can serve (status "pass", or "warn" with why), 503 when it cannot (the database unreachable, the
 * disk full). The shape follows the IETF draft for health checks (application/health+json). Anyone may
 * read the figures that say whether the site works; with the CRON_SECRET it also gives the database's
 * answer time and file sizes, the failed emails and this process's memory. No address, path or setting
 * is in either.
 */
export async function healthEndpoint(request: Request): Promise<Response> {
  const now = new Date();
  const health = await readServiceHealth(now);
  const { status, notes } = judgeHealth(health);
  const detailed = carriesCronSecret(request);
  const body = {
    status,
    checkedAt: now.toISOString(),
    notes,
    database: detailed ? health.database : { reachable: health.database.reachable },
    outbox: health.outbox && {
      waiting: health.outbox.waiting,
      oldestWaitingSeconds: health.outbox.oldestWaitingSeconds,
      ...(detailed ? { failedLastDay: health.outbox.failedLastDay } : {}),
    },
    disk: health.disk && {
      freeBytes: health.disk.freeBytes,
      totalBytes: health.disk.totalBytes,
      ...(detailed ? { databaseBytes: health.disk.databaseBytes, walBytes: health.disk.walBytes } : {}),
    },
    ...(detailed ? { process: { pid: process.pid, uptimeSeconds: Math.round(process.uptime()), memory: process.memoryUsage() } } : {}),
  };
  return new Response(JSON.stringify(body), {
    status: status === "fail" ? 503 : 200,
    headers: { "Content-Type": "application/health+json", "Cache-Control": "no-store" },
  });
}
