import { describe, expect, it } from "vitest";
import { readOutboxBacklog } from "@/lib/data/outbox";
import { storedOutboxEmail } from "./support/outbox-rows";

const email = (subject: string, status: string, minutesAgo: number, now: Date) =>
  storedOutboxEmail({ subject, status, createdAt: new Date(now.getTime() - minutesAgo * 60_000) });

describe("the outbox's backlog", () => {
  it("is nothing while mail goes out within a quarter of an hour, and says how many wait and for how long once one waits longer", async () => {
    const now = new Date("2026-12-06T12:00:00Z");
    await email("sent long ago", "sent", 300, now);
    await email("failed long ago", "failed", 300, now);
    await email("just queued", "pending", 5, now);
    expect(await readOutboxBacklog(now)).toBeNull();

    await email("stuck", "pending", 20, now);
    await email("claimed and stuck", "sending", 16, now);
    expect(await readOutboxBacklog(now)).toEqual({ waiting: 3, oldestMinutes: 20 });
  });
});
