import { AsyncLocalStorage, AsyncResource } from "node:async_hooks";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { BUSY_PAGE, createPageTurn, type PageTurn } from "@/scripts/build/page-turn.mjs";

/**
 * The page turn of the gallery's web server, on a real HTTP server whose "Next.js" holds each page
 * until the test lets it finish: which pages are made, which wait, and which are answered busy.
 */
type Held = { url: string; finish: () => void };

let server: http.Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

async function startServer(options: { waitLimitMs?: number; waitingLimit?: number }) {
  const held: Held[] = [];
  let clock = 0;
  const turn: PageTurn = createPageTurn({
    pagesAtOnce: 2,
    ...options,
    now: () => clock,
    handle: (request: IncomingMessage, response: ServerResponse) =>
      held.push({ url: request.url ?? "", finish: () => response.end(`made ${request.url}`) }),
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
  // Generous: beside the browser tests a loopback request can take a while to arrive.
  const until = async (condition: () => boolean) => {
    for (const deadline = Date.now() + 10_000; !condition();) {
      if (Date.now() > deadline) throw new Error("the server never got there");
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  return { held, turn, ask, until, advance: (ms: number) => (clock += ms) };
}

describe("the page turn", () => {
  it("makes two pages at once and the rest in the order they came, each when a place frees", async () => {
    const { held, turn, ask, until } = await startServer({});
    const pages = ["/a", "/b", "/c", "/d"].map((path) => ask(path));
    await until(() => held.length === 2 && turn.waiting === 2);
    expect(held.map((page) => page.url)).toEqual(["/a", "/b"]);
    held[1]!.finish();
    await until(() => held.length === 3);
    expect(held[2]!.url).toBe("/c");
    held[0]!.finish();
    await until(() => held.length === 4);
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
    const { held, turn, ask, until } = await startServer({ waitingLimit: 3 });
    const made = ["/1", "/2", "/3", "/4", "/5"].map((path) => ask(path));
    await until(() => held.length === 2 && turn.waiting === 3);
    const turnedAway = await ask("/6").answer;
    expect(turnedAway).toEqual({ status: 503, retryAfter: "5", body: BUSY_PAGE.toString() });
    expect(turn.takeBusyCount()).toBe(1);
    expect(turn.takeBusyCount()).toBe(0);
    // Those already waiting keep their places and are made.
    for (let finished = 0; finished < 5; finished += 1) {
      await until(() => held.length > finished);
      held[finished]!.finish();
    }
    expect((await Promise.all(made.map((page) => page.answer))).every((answer) => answer.status === 200)).toBe(true);
  });

  it("makes room in a full list by letting go of visitors who gave up, before turning anyone away", async () => {
    const { held, turn, ask, until } = await startServer({ waitingLimit: 3 });
    ["/1", "/2"].forEach((path) => ask(path));
    const waiting = ["/3", "/4", "/5"].map((path) => ask(path));
    await until(() => held.length === 2 && turn.waiting === 3);
    waiting[0]!.giveUp();
    waiting[1]!.giveUp();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const late = ask("/6");
    await until(() => turn.waiting === 2);
    held[0]!.finish();
    held[1]!.finish();
    // The places went to the visitor still waiting and the late one; nobody was answered busy.
    await until(() => held.length === 4);
    expect(held.slice(2).map((page) => page.url)).toEqual(["/5", "/6"]);
    expect(turn.takeBusyCount()).toBe(0);
    held[2]!.finish();
    held[3]!.finish();
    expect((await late.answer).status).toBe(200);
  });

  it("answers busy a page kept past the wait limit: at the sweep, or when its turn comes late", async () => {
    const { held, turn, ask, until, advance } = await startServer({ waitLimitMs: 10_000 });
    ["/1", "/2"].forEach((path) => ask(path));
    const early = ask("/early");
    await until(() => turn.waiting === 1);
    advance(6_000);
    const later = ask("/later");
    await until(() => turn.waiting === 2);
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
    // As Next.js does, each page runs in a store of its own and answers from inside it (the answer is
    // bound to the page's context), so the end of one page, whose 'close' frees the place, happens in
    // that page's context.
    const pageContext = new AsyncLocalStorage<{ url: string }>();
    const seenAtStart: unknown[] = [];
    const held: Array<() => void> = [];
    const turn = createPageTurn({
      pagesAtOnce: 1,
      handle: (request: IncomingMessage, response: ServerResponse) => {
        seenAtStart.push(pageContext.getStore());
        pageContext.run({ url: request.url ?? "" }, () => held.push(AsyncResource.bind(() => response.end("made"))));
      },
    });
    server = http.createServer((request, response) => turn.pass(request, response));
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    const ask = (path: string) =>
      new Promise<number>((resolve, reject) =>
        http
          .get({ host: "127.0.0.1", port, path, agent: false }, (response) =>
            response.resume().on("end", () => resolve(response.statusCode ?? 0)),
          )
          .on("error", reject),
      );
    const first = ask("/first");
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = ask("/second");
    for (const deadline = Date.now() + 10_000; turn.waiting === 0;) {
      if (Date.now() > deadline) throw new Error("the second page never waited");
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    held[0]!();
    await first;
    for (const deadline = Date.now() + 10_000; held.length < 2;) {
      if (Date.now() > deadline) throw new Error("the second page never began");
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    held[1]!();
    expect(await second).toBe(200);
    // Begun from inside the first page's context, the second would have started with { url: "/first" }:
    // each page's stores holding the one before, a chain the heap could never let go of.
    expect(seenAtStart).toEqual([undefined, undefined]);
  });
});
