import { afterEach, describe, expect, it, vi } from "vitest";

/** Each case loads the modules afresh: the configuration is read once per process, as on a server. */
async function sweeperWith(settings: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [key, value] of Object.entries(settings)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  return import("@/lib/jobs/background-sweeper");
}

const started = () => Boolean((globalThis as { galleryOutboxSweeper?: unknown }).galleryOutboxSweeper);

afterEach(async () => {
  const running = (globalThis as { galleryOutboxSweeper?: { stop: () => Promise<void> } }).galleryOutboxSweeper;
  await running?.stop();
  delete (globalThis as { galleryOutboxSweeper?: unknown }).galleryOutboxSweeper;
  delete process.env.VERCEL;
  delete process.env.OUTBOX_DELIVERY;
});

describe("the background sweeper inside a web process", () => {
  it("runs on a Node server by default", async () => {
    const { startBackgroundSweeper } = await sweeperWith({ VERCEL: undefined, OUTBOX_DELIVERY: undefined });
    startBackgroundSweeper();
    expect(started()).toBe(true);
  });

  it("does not run on Vercel, whose functions live only as long as requests: Vercel Cron calls the sweep route", async () => {
    const { startBackgroundSweeper } = await sweeperWith({ VERCEL: "1", OUTBOX_DELIVERY: undefined });
    startBackgroundSweeper();
    expect(started()).toBe(false);
  });

  it("does not run where a separate worker process sends (the Node stack)", async () => {
    const { startBackgroundSweeper } = await sweeperWith({ VERCEL: undefined, OUTBOX_DELIVERY: "worker" });
    startBackgroundSweeper();
    expect(started()).toBe(false);
  });
});

describe("the outbox loop (a web process's, or the worker's)", () => {
  it("queues the day's digest by itself once its time has come", async () => {
    const { startOutboxLoop } = await sweeperWith({ VERCEL: undefined, OUTBOX_DELIVERY: undefined });
    const { db } = await import("@/lib/db/client");
    await db.gallerySettings.update({ where: { id: 1 }, data: { digestEnabled: true, digestTime: "00:00", digestOnClosedDays: true } });
    const loop = startOutboxLoop(50, { keepProcessAlive: false });
    try {
      await expect.poll(async () => db.digestRun.count(), { timeout: 10_000 }).toBe(1);
    } finally {
      await loop.stop();
    }
  });
});
