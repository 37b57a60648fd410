/**
 * A keep-alive connection's idle timer, made outside any request (warm-server.mjs calls this for each
 * connection; this file is copied beside it).
 *
 * Node's http server makes the connection's timer again after every answer (socket.setTimeout as a
 * response finishes), inside that request's async context, and a timer keeps the AsyncLocalStorage
 * stores of the context it was made in: Next.js's, which reach the request and its response. So each
 * idle keep-alive connection (nginx keeps up to 64 a worker) held its last request whole, and the chain
 * of finished responses page-turn.mjs describes ran through these timers too (heap snapshots under the
 * soak's load). Made in the connection's own context, the timer holds nothing of a request.
 *
 * Plain JavaScript: the server loads it from .next/standalone as it is.
 */
import { AsyncResource } from "node:async_hooks";

/** @param {import("node:net").Socket} socket A connection just accepted (its context holds no request). */
export function keepTimersOutsideRequests(socket) {
  const outsideRequests = new AsyncResource("gallery.connection-timer");
  const setTimeout = socket.setTimeout;
  socket.setTimeout = function (...args) {
    return outsideRequests.runInAsyncScope(setTimeout, this, ...args);
  };
}
