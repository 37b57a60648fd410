import "server-only";
import { db } from "@/lib/db/client";
import { databaseDisk, type DatabaseDisk } from "@/lib/db/disk-space";

/** How long the database may take to answer before a health check calls it unreachable. */
const DATABASE_ANSWER_MS = 3_000;

export type OutboxState = {
  /** Emails stored and not yet accepted by the mail server (waiting, or being sent). */
  waiting: number;
  /** How long the oldest of them has waited, in whole seconds; null when none waits. */
  oldestWaitingSeconds: number | null;
  /** Emails given up in the last day (a mail server's refusal, or three days unreachable). */
  failedLastDay: number;
};

export type ServiceHealth = {
  database: { reachable: true; answerMs: number } | { reachable: false; reason: string };
  /** Null when the database could not be read. */
  outbox: OutboxState | null;
  /** Null for a hosted database, or when the disk could not be read. */
  disk: DatabaseDisk | null;
};

function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
    work.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

async function readOutboxState(now: Date): Promise<OutboxState> {
  const [waiting, failedLastDay] = await Promise.all([
    db.outboxEmail.aggregate({ where: { status: { in: ["pending", "sending"] } }, _count: true, _min: { createdAt: true } }),
    db.outboxEmail.count({ where: { status: "failed", updatedAt: { gte: new Date(now.getTime() - 86_400_000) } } }),
  ]);
  const oldest = waiting._min.createdAt;
  return {
    waiting: waiting._count,
    oldestWaitingSeconds: oldest ? Math.max(0, Math.floor((now.getTime() - oldest.getTime()) / 1000)) : null,
    failedLastDay,
  };
}

/**
 * What an uptime monitor asks: can the database be read (and how fast), how far behind is the outbox,
 * how much room is left on the database's disk. Each part is read on its own, so a database that cannot
 * be reached still leaves the disk reported, and the other way round.
 */
export async function readServiceHealth(now = new Date()): Promise<ServiceHealth> {
  const started = performance.now();
  const [outbox, disk] = await Promise.allSettled([withinDeadline(readOutboxState(now), DATABASE_ANSWER_MS), databaseDisk()]);
  return {
    database:
      outbox.status === "fulfilled"
        ? { reachable: true, answerMs: Math.round(performance.now() - started) }
        : { reachable: false, reason: outbox.reason instanceof Error ? outbox.reason.message.split("\n")[0]!.slice(0, 200) : "unknown" },
    outbox: outbox.status === "fulfilled" ? outbox.value : null,
    disk: disk.status === "fulfilled" ? disk.value : null,
  };
}
