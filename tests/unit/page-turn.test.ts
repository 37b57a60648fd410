import { AsyncLocalStorage, AsyncResource } from "node:async_hooks";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { BUSY_PAGE, createPageTurn } from "@/scripts/build/page-turn.mjs";

/**
 * The page turn of the gallery's web server, on a real HTTP server whose "Next.js" holds each page
 * until the test lets it finish: which pages are made, which wait, and which are answered busy. As
 * Next.js does, each page runs in an async context of its own and answers from inside it, so the end
 * of a page, whose 'close' frees a place, happens in that page's context.
 */
type Held = { url: string; finish: () => void };

let server: http.Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** Until the condition holds (beside the browser tests a loopback request can take a while to arrive). */
const settled = (condition: () => boolean) => expect.poll(condition, { interval: 5, timeout: 10_000 }).toBe(true);

async function startServer(options: { pagesAtOnce?: number; waitLimitMs?: number; waitingLimit?: number }) {
  const held: Held[] = [];
  const pageContext = new AsyncLocalStorage<{ url: string }>();
  /** The async context each page found as it was handed to "Next.js". */
  const contextsAtStart: unknown[] = [];
  let clock = 0;
  const turn = createPageTurn({
    pagesAtOnce: 2,
    ...options,
    now: () => clock,
    handle: (request, response) => {
      contextsAtStart.push(pageContext.getStore());
      const url = request.url ?? "";
      pageContext.run({ url }, () => held.push({ url, finish: AsyncResource.bind(() => response.end(`made ${url}`)) }));
    },
  });
  server = http.createServer((request, response) => turn.pass(request, response));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const ask = (path: string) => {
    const request = http.get({ host: "127.0.0.1", port, path, agent: false });
    const answer = new Promise<{ status: number; retryAfter?: string; body: string }>((resolve, reject) => {
      request.on("response", (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, retryAfter: response.headers["retry-after"], body }));
      });
      request.on("error", reject);
    });
    answer.catch(() => undefined);
    return { answer, giveUp: () => request.destroy() };
  };
  return { held, turn, ask, contextsAtStart, advance: (ms: number) => (clock += ms) };
}

describe("the page turn", () => {
  it("makes two pages at once and the rest in the order they came, each when a place frees", async () => {
    const { held, turn, ask } = await startServer({});
    const pages = ["/a", "/b", "/c", "/d"].map((path) => ask(path));
    await settled(() => held.length === 2 && turn.waiting === 2);
    expect(held.map((page) => page.url)).toEqual(["/a", "/b"]);
    held[1]!.finish();
    await settled(() => held.length === 3);
    expect(held[2]!.url).toBe("/c");
    held[0]!.finish();
    await settled(() => held.length === 4);
    held[2]!.finish();
    held[3]!.finish();
    expect((await Promise.all(pages.map((page) => page.answer))).map((answer) => answer.body)).toEqual([
      "made /a",
      "made /b",
      "made /c",
      "made /d",
    ]);
  });

  it("answers busy at once, with Retry-After, a page that finds the waiting list full", async () => {
    const { held, turn, ask } = await startServer({ waitingLimit: 3 });
    const made = ["/1", "/2", "/3", "/4", "/5"].map((path) => ask(path));
    await settled(() => held.length === 2 && turn.waiting === 3);
    const turnedAway = await ask("/6").answer;
    expect(turnedAway).toEqual({ status: 503, retryAfter: "5", body: BUSY_PAGE.toString() });
    expect(turn.takeBusyCount()).toBe(1);
    expect(turn.takeBusyCount()).toBe(0);
    // Those already waiting keep their places and are made.
    for (let finished = 0; finished < 5; finished += 1) {
      await settled(() => held.length > finished);
      held[finished]!.finish();
    }
    expect((await Promise.all(made.map((page) => page.answer))).every((answer) => answer.status === 200)).toBe(true);
  });

  it("makes room in a full list by letting go of visitors who gave up, before turning anyone away", async () => {
    const { held, turn, ask } = await startServer({ waitingLimit: 3 });
    ["/1", "/2"].forEach((path) => ask(path));
    const waiting = ["/3", "/4", "/5"].map((path) => ask(path));
    await settled(() => held.length === 2 && turn.waiting === 3);
    waiting[0]!.giveUp();
    waiting[1]!.giveUp();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const late = ask("/6");
    await settled(() => turn.waiting === 2);
    held[0]!.finish();
    held[1]!.finish();
    // The places went to the visitor still waiting and the late one; nobody was answered busy.
    await settled(() => held.length === 4);
    expect(held.slice(2).map((page) => page.url)).toEqual(["/5", "/6"]);
    expect(turn.takeBusyCount()).toBe(0);
    held[2]!.finish();
    held[3]!.finish();
    expect((await late.answer).status).toBe(200);
  });

  it("answers busy a page kept past the wait limit: at the sweep, or when its turn comes late", async () => {
    const { held, turn, ask, advance } = await startServer({ waitLimitMs: 10_000 });
    ["/1", "/2"].forEach((path) => ask(path));
    const early = ask("/early");
    await settled(() => turn.waiting === 1);
    advance(6_000);
    const later = ask("/later");
    await settled(() => turn.waiting === 2);
    advance(5_000);
    // 11 s for the first, 5 s for the second: the sweep answers the first and keeps the second.
    turn.sweep();
    expect(await early.answer).toMatchObject({ status: 503, retryAfter: "5" });
    expect(turn.waiting).toBe(1);
    advance(6_000);
    // Its turn comes after 11 s: answered busy, not made, and the place goes to nobody.
    held[0]!.finish();
    expect(await later.answer).toMatchObject({ status: 503 });
    expect(held).toHaveLength(2);
    expect(turn.takeBusyCount()).toBe(2);
  });

  it("begins a waiting page in its own async context, not in that of the page whose end freed its place", async () => {
    const { held, turn, ask, contextsAtStart } = await startServer({ pagesAtOnce: 1 });
    const first = ask("/first");
    await settled(() => held.length === 1);
    const second = ask("/second");
    await settled(() => turn.waiting === 1);
    held[0]!.finish();
    expect((await first.answer).status).toBe(200);
    await settled(() => held.length === 2);
    held[1]!.finish();
    expect((await second.answer).status).toBe(200);
    // Begun from inside the first page's context, the second would have started with { url: "/first" }:
    // each page's stores holding the one before, a chain the heap could never let go of.
    expect(contextsAtStart).toEqual([undefined, undefined]);
  });
});
