/**
 * The turn pages take for Next.js in the gallery's web server (warm-server.mjs, which this file is
 * copied beside). Pages are handed to Next.js a few at once and the rest wait here, first come first
 * served. A page nobody has asked for yet costs tens of milliseconds of CPU to make; a crawler walking
 * a fresh import of 5,000 works asks for more of them a second than two cores make, and with every
 * request inside Next.js at once each was answered only when all were, the health check's too: the
 * stack killed both web processes as unresponsive, and they started again cold.
 *
 * The wait is bounded. A page that has waited `waitLimitMs`, or that finds `waitingLimit` pages waiting
 * before it, is answered at once with 503 and Retry-After rather than held: nginx then tries the other
 * web process, or serves the copy it kept (proxy_cache_use_stale). Without the bound, a flood of pages
 * asked for faster than they were made kept visitors waiting as long as the flood lasted, and kept the
 * entries of those who had given up (each a socket and a request) until their turn came.
 *
 * A waiting page is begun in its own async context, not in that of the page whose end freed its place:
 * begun from the 'close' of the page before it, each page's AsyncLocalStorage stores (Next.js's) took
 * in those of the page before, which took in the one before that, and none of them could be let go.
 * Heap snapshots at a web process's 160 MB limit under the soak's load held 2,470 finished responses
 * in such a chain.
 *
 * Plain JavaScript: the server loads it from .next/standalone as it is.
 */
import { AsyncResource } from "node:async_hooks";

/** What a visitor turned away reads: the page they asked for is not lost, only not made now. */
export const BUSY_PAGE = Buffer.from(
  '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    "<title>Very busy: please try again</title></head><body><h1>The gallery’s site is very busy just now</h1>" +
    "<p>Please try again in a few seconds.</p></body></html>",
);
export const RETRY_AFTER_SECONDS = 5;

/**
 * @param {object} options
 * @param {(request: import("node:http").IncomingMessage, response: import("node:http").ServerResponse) => unknown} options.handle Next.js's handler.
 * @param {number} [options.pagesAtOnce] Pages inside Next.js at once.
 * @param {number} [options.waitLimitMs] The longest a page waits before it is answered busy.
 * @param {number} [options.waitingLimit] The most pages waiting; the next is answered busy at once.
 * @param {() => number} [options.now] Milliseconds, for the waits (a test passes its own clock).
 */
export function createPageTurn({ handle, pagesAtOnce = 8, waitLimitMs = 10_000, waitingLimit = 200, now = () => performance.now() }) {
  let underway = 0;
  let answeredBusy = 0;
  /** Pages waiting their turn, oldest first, each with when it began waiting and the async context it arrived in. */
  const waiting = [];

  function begin(request, response) {
    underway += 1;
    response.once("close", () => {
      underway -= 1;
      takeNext();
    });
    return handle(request, response);
  }

  /** Whether a waiting page is still to be made: not once its visitor has gone, nor (answered busy now) once it has waited past the limit. */
  function stillToMake({ request, response, since }, at) {
    if (request.socket.destroyed) return false;
    if (at - since <= waitLimitMs) return true;
    answerBusy(response);
    return false;
  }

  /** The next pages still to be made, as places free. */
  function takeNext() {
    while (waiting.length > 0 && underway < pagesAtOnce) {
      const entry = waiting.shift();
      if (stillToMake(entry, now())) entry.context.runInAsyncScope(begin, null, entry.request, entry.response);
    }
  }

  /** Lets go of the waiting pages whose visitors have gone, and answers those kept past the limit. */
  function sweep() {
    const at = now();
    let kept = 0;
    for (const entry of waiting) if (stillToMake(entry, at)) waiting[kept++] = entry;
    waiting.length = kept;
  }

  function answerBusy(response) {
    if (response.headersSent || response.destroyed) return;
    answeredBusy += 1;
    // (A HEAD request's answer carries no body: Node leaves it out.)
    response.writeHead(503, {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Length": String(BUSY_PAGE.length),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "Retry-After": String(RETRY_AFTER_SECONDS),
    });
    response.end(BUSY_PAGE);
  }

  return {
    /** A page for Next.js: made now, or waiting its turn, or (past the limit) answered busy at once. */
    pass(request, response) {
      if (underway < pagesAtOnce) return begin(request, response);
      if (waiting.length >= waitingLimit) sweep();
      if (waiting.length >= waitingLimit) return answerBusy(response);
      waiting.push({ request, response, since: now(), context: new AsyncResource("gallery.page-turn") });
    },
    /** To be called every half second or so: without it, eight slow pages would keep everyone behind them past the limit. */
    sweep,
    /** How many were answered busy since the last call (for the server's log). */
    takeBusyCount() {
      const count = answeredBusy;
      answeredBusy = 0;
      return count;
    },
    get waiting() {
      return waiting.length;
    },
  };
}
