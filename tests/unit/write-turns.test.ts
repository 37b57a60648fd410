import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, expect, inject, it } from "vitest";
import { db, executeSql, writeTransaction } from "@/lib/db/client";
import { databaseFilePath } from "@/lib/env";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * How long this thread went without running a timer, up to now: a thread held all along (a busy
 * handler sleeping on it) never lets the ticker run at all, so the wait since the last tick counts too.
 */
function watchEventLoop(everyMs: number) {
  let lastTick = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    longest = Math.max(longest, performance.now() - lastTick);
    lastTick = performance.now();
  }, everyMs);
  return {
    longestGap: () => Math.max(longest, performance.now() - lastTick),
    stop: () => clearInterval(ticker),
  };
}

/*
 * One process, two connections to the database (Prisma's, and the enquiry's and outbox's own): a
 * Prisma transaction that has written holds SQLite's write lock across its awaits. A write on the other
 * connection meanwhile used to wait inside SQLite's busy handler, holding the only thread, so the
 * transaction could not finish: the process stood still for the whole busy timeout (10 s) per statement.
 */
describe("the process's two connections", () => {
  it("take turns to write: a write on one waits for the other's transaction without stopping the process", async () => {
    const eventLoop = watchEventLoop(10);
    try {
      let transactionHasWritten!: () => void;
      const writtenInTransaction = new Promise<void>((resolve) => (transactionHasWritten = resolve));
      const transaction = db.$transaction(async (tx) => {
        await tx.gallerySettings.update({ where: { id: 1 }, data: { digestTime: "07:15" } });
        transactionHasWritten();
        // Between its statements, as any transaction that awaits something.
        await sleep(300);
        await tx.gallerySettings.update({ where: { id: 1 }, data: { digestTime: "07:30" } });
      });
      // Not a fixed pause: on a busy machine (CI, beside the browser tests) the transaction had not begun
      // after 50 ms, the other write went first, and the transaction's later write then overwrote it.
      await writtenInTransaction;
      const started = performance.now();
      expect(await executeSql(`UPDATE "GallerySettings" SET "digestTime" = ? WHERE "id" = 1`, ["08:45"])).toBe(1);
      const waited = performance.now() - started;
      await transaction;
      // It waited for the transaction (about a quarter of a second), not for SQLite's busy timeout.
      expect(waited).toBeLessThan(3_000);
      expect(eventLoop.longestGap()).toBeLessThan(1_000);
      // And it came after the transaction, whose writes it follows.
      expect((await db.gallerySettings.findUniqueOrThrow({ where: { id: 1 } })).digestTime).toBe("08:45");
    } finally {
      eventLoop.stop();
    }
  });
});

/*
 * Another process (the other web process, the worker) holding the write lock: SQLite's own busy
 * handler waits by sleeping on the thread that asked, so every request the process had open stopped
 * with it, for up to 25 ms a sleep. The group commit waits for the lock without holding the thread.
 */
describe.runIf(inject("databaseMode") === "file")("a writer in another process", () => {
  it("is waited for while this process goes on answering, and the transaction then stores", async () => {
    const holder = spawn(
      process.execPath,
      [
        "-e",
        `const db = new (require("better-sqlite3"))(process.argv[1], { timeout: 10000 });
         db.exec("BEGIN IMMEDIATE; UPDATE GallerySettings SET digestTime = '06:00' WHERE id = 1;");
         console.log("holding");
         Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 400);
         db.exec("COMMIT");`,
        databaseFilePath()!,
      ],
      { cwd: process.cwd(), stdio: ["ignore", "pipe", "inherit"] },
    );
    await once(holder.stdout!, "data");
    const eventLoop = watchEventLoop(5);
    try {
      const started = performance.now();
      const stored = await writeTransaction((sql) => sql.run(`UPDATE "GallerySettings" SET "digestTime" = ? WHERE "id" = 1`, ["06:30"]));
      const waited = performance.now() - started;
      const longestGap = eventLoop.longestGap();
      expect(stored).toBe(1);
      // It waited for the other process (about 0.4 s)…
      expect(waited).toBeGreaterThan(200);
      // …without stopping this one (SQLite's own wait held the thread for all of it).
      expect(longestGap).toBeLessThan(100);
      expect((await db.gallerySettings.findUniqueOrThrow({ where: { id: 1 } })).digestTime).toBe("06:30");
    } finally {
      eventLoop.stop();
      await once(holder, "exit");
    }
  });
});
