/**
 * The standalone server, warmed before it takes traffic. Copied beside Next's own server.js in
 * .next/standalone by scripts/build/after-build.ts; `npm start`, the stack and the systemd units
 * run it. It reads what server.js reads (PORT, HOSTNAME, KEEP_ALIVE_TIMEOUT); the gallery's own
 * settings are read and checked by lib/env.ts inside the server, as before.
 *
 * Next's server.js opens its port first and loads itself while the first visitors wait: here the
 * first artwork page after a start took 500–800 ms. This one builds the same request handler
 * (Next's own getRequestHandlers, which server.js's startServer calls), sends it the first requests
 * itself on a private port, and only then opens PORT: a restarted process behind nginx is passed
 * over until it is ready, and the first visitor is served like the hundredth.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import { Worker } from "node:worker_threads";
import module from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { keepTimersOutsideRequests } from "./connection-timers.mjs";
import { createPageTurn } from "./page-turn.mjs";

const dir = path.dirname(fileURLToPath(import.meta.url));
const require = module.createRequire(import.meta.url);
const { config } = JSON.parse(readFileSync(path.join(dir, ".next/required-server-files.json"), "utf8"));

process.env.NODE_ENV = "production";
process.chdir(dir);
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
// This file answers SIGTERM itself (below), after the server has stopped taking connections.
process.env.NEXT_MANUAL_SIG_HANDLE = "true";

const port = Number.parseInt(process.env.PORT ?? "", 10) || 3000;
const hostname = process.env.HOSTNAME || "0.0.0.0";
const keepAliveTimeout = Number.parseInt(process.env.KEEP_ALIVE_TIMEOUT ?? "", 10);

/** What the first visitors ask for: every kind of public page, so each route's code is loaded. */
const WARM_UP_PATHS = ["/", "/works", "/enquire", "/privacy", "/staff/sign-in", "/sitemap.xml", "/no-such-page"];

require("next");
const { getRequestHandlers } = require("next/dist/server/lib/start-server");

/*
 * Route handlers are not given the socket, so each request carries its peer's address in a header
 * (lib/http/client-address.ts reads it), set here from the socket and replacing whatever a client sent.
 * It is believed only behind this process's own secret, made here before the app loads: no client can
 * write it, and a server started without this file (next start, server.js) is refused at start-up.
 */
const PEER_ADDRESS_HEADER = "x-gallery-peer-address";
const peerSecret = randomBytes(32).toString("base64url");
process.env.GALLERY_PEER_SECRET = peerSecret;

const server = http.createServer();
if (Number.isFinite(keepAliveTimeout) && keepAliveTimeout >= 0) server.keepAliveTimeout = keepAliveTimeout;
const { requestHandler: nextRequestHandler, upgradeHandler } = await getRequestHandlers({
  dir,
  port,
  isDev: false,
  server,
  hostname,
  keepAliveTimeout: server.keepAliveTimeout,
});

/*
 * Bodies are weighed before anyone reads them. Next.js holds a body that passes through the proxy in
 * memory (up to 10 MB), so 32 strangers posting 10 MB each once took this process from 180 to 726 MB.
 * Here, before Next.js sees the request: a body over 256 KB (the largest form, a staff one, is far
 * below it; server actions stop there too) is refused with 413, and a body that does not say its length
 * (chunked) with 411: browsers always send the length of a form, and nginx sends it for what it buffered.
 * The two upload routes are the exception: they check the session first, then count each file as it
 * streams, to its own limit (lib/http/request-body.ts).
 */
const BODY_MAX_BYTES = 256 * 1024;
const STREAMED_UPLOAD = /^\/staff\/(works\/[^/]+\/photographs|import\/upload)\/?(\?|$)/;

function bodyRefusal(request) {
  if (request.method === "GET" || request.method === "HEAD" || STREAMED_UPLOAD.test(request.url ?? "")) return null;
  const length = request.headers["content-length"];
  if (length === undefined) {
    return request.headers["transfer-encoding"] ? [411, "Please send the length of what you post (Content-Length)."] : null;
  }
  return Number(length) > BODY_MAX_BYTES
    ? [413, "That form is too large to send (more than 256 KB): please shorten what you wrote, or email the gallery instead."]
    : null;
}

/*
 * The site answers for its own address only (SITE_URL's host): a request naming another host (a forged
 * Host, an IP scan) is refused before the app sees it, so no page, redirect or cache entry is made for a
 * host the gallery does not own. A request from this machine to a loopback address (a health check, the
 * stack's own probes) is let through. X-Forwarded-Host is dropped: the Host is what is pinned (nginx passes
 * the browser's own), and anyone could write the other.
 */
const siteHost = (() => {
  try {
    return process.env.SITE_URL ? new URL(process.env.SITE_URL).host.toLowerCase() : null;
  } catch {
    return null; // lib/env.ts refuses the setting itself, naming it
  }
})();
const LOOPBACK_PEER = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/i;
const LOOPBACK_HOST = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/i;

function hostRefusal(request) {
  const host = (request.headers.host ?? "").toLowerCase();
  if (!siteHost || host === siteHost) return null;
  if (LOOPBACK_HOST.test(host) && LOOPBACK_PEER.test(request.socket.remoteAddress ?? "")) return null;
  return [421, `This server answers for ${siteHost} only.`];
}

/*
 * Each connection of the public server, with how many requests it has had answered and has under way,
 * so that a stop closes only connections with nothing to say. Node's own server.close() (and
 * closeIdleConnections) also closes a connection that was just accepted and whose request has not been
 * read yet: with sixteen enquiries in flight at a deploy's SIGTERM, three were reset here, after
 * the collectors had sent them.
 */
const connections = new Map();
const responsesUnderway = new Set();
let stopping = false;

function countRequest(request, response) {
  const connection = connections.get(request.socket);
  if (!connection) return; // the warm-up server's
  connection.active += 1;
  responsesUnderway.add(response);
  // A keep-alive connection is not offered again once the process is stopping: it ends with the answer.
  if (stopping) response.setHeader("Connection", "close");
  response.once("close", () => {
    connection.active -= 1;
    connection.answered += 1;
    responsesUnderway.delete(response);
  });
}

function requestHandler(request, response) {
  countRequest(request, response);
  const refusal = hostRefusal(request) ?? bodyRefusal(request);
  if (refusal) {
    // Answered at once, and not a byte of the body is read: the client's writes stall against a full
    // socket while it reads the answer. The connection is closed a moment later, not at once: closing a
    // socket with unread data resets it, and a reset can reach the client before the answer does.
    request.pause();
    const text = Buffer.from(refusal[1]);
    response.writeHead(refusal[0], {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Length": String(text.length),
      "Cache-Control": "no-store",
      Connection: "close",
    });
    response.write(text);
    setTimeout(() => {
      response.end();
      request.socket.destroy();
    }, 1_000).unref();
    return;
  }
  request.headers[PEER_ADDRESS_HEADER] = `${peerSecret} ${request.socket.remoteAddress ?? ""}`;
  delete request.headers["x-forwarded-host"];
  const enquiryEndpoint = globalThis[ENQUIRY_ENDPOINT];
  if (request.method === "POST" && typeof enquiryEndpoint === "function" && ENQUIRY_PATH.test(request.url ?? "")) {
    return answerEnquiry(enquiryEndpoint, request, response);
  }
  return passToNext(request, response);
}

/*
 * Pages (GET and HEAD) take their turn for Next.js, eight at once, and wait at most 10 s and 200 deep
 * (page-turn.mjs says why). A post does not wait: it is not what a crawler sends, and one that waited
 * for its body to arrive would hold a place while the sender dawdled. The health check never waits; the
 * enquiry has its own way in (answerEnquiry).
 */
const NEVER_WAITS = /^\/api\/health(\?|$)/;
const pageTurn = createPageTurn({ handle: (request, response) => nextRequestHandler(request, response) });
setInterval(() => pageTurn.waiting > 0 && pageTurn.sweep(), 500).unref();
// One line a minute at most, for whoever reads the logs: how many pages were turned away, not each one.
setInterval(() => {
  const busy = pageTurn.takeBusyCount();
  if (busy > 0)
    console.warn(
      `Answered ${busy} page requests "busy" (503) in the last minute: pages were asked for faster than this process makes them`,
    );
}, 60_000).unref();

function passToNext(request, response) {
  const waits = (request.method === "GET" || request.method === "HEAD") && !NEVER_WAITS.test(request.url ?? "");
  if (!waits) return nextRequestHandler(request, response);
  return pageTurn.pass(request, response);
}

/*
 * The enquiry, answered here rather than through Next.js: its route module offers the endpoint under
 * this name when it loads (lib/routes/enquiry-endpoint.ts, offerEnquiryEndpointToServer; the warm-up
 * below loads it), and it is the same code the route runs. Next.js's routing, request adapters and
 * per-request cache set-up cost about as much again as storing the enquiry (7.1 CPU-ms an enquiry
 * through Next.js, 4.0 here), and at a busy day's peak the CPU is what runs out first
 * (npm run bench:stack-enquiries). Until the module has loaded, Next.js answers.
 */
const ENQUIRY_ENDPOINT = Symbol.for("gallery.enquiryEndpoint");
const ENQUIRY_PATH = /^\/api\/enquiries(\?|$)/;

/**
 * The request's body as a web stream. Not Readable.toWeb: when the endpoint stops reading (a form over
 * its limit, a body that is no form), that destroys the request, and with it the connection the answer
 * has just gone out on; the client, reusing it for its next request, met a reset (found by the e2e
 * suite: the post after a refused one). Here the rest is read and dropped (at most 256 KB, bodyRefusal
 * above) and the connection stays good for the next request.
 */
function bodyOf(request) {
  let dropping = false;
  const drop = () => {
    dropping = true;
    request.resume();
  };
  const stream = new ReadableStream({
    start(controller) {
      request.on("data", (chunk) => {
        if (dropping) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) request.pause();
      });
      request.once("end", () => dropping || controller.close());
      request.once("error", (error) => dropping || controller.error(error));
      request.pause();
    },
    pull() {
      request.resume();
    },
    cancel: drop,
  });
  // Also once the answer is written, whether or not the endpoint read the body at all (a post from another site).
  return { stream, drop };
}

async function answerEnquiry(endpoint, request, response) {
  let requestBody = null;
  try {
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (Array.isArray(value)) for (const each of value) headers.append(name, each);
      else if (value !== undefined) headers.set(name, value);
    }
    const url = new URL(request.url ?? "/", `http://${request.headers.host ?? "localhost"}`);
    requestBody = bodyOf(request);
    const answer = await endpoint(new Request(url, { method: "POST", headers, body: requestBody.stream, duplex: "half" }));
    const body = Buffer.from(await answer.arrayBuffer());
    response.statusCode = answer.status;
    for (const [name, value] of answer.headers) if (name !== "set-cookie") response.setHeader(name, value);
    const cookies = answer.headers.getSetCookie();
    if (cookies.length > 0) response.setHeader("Set-Cookie", cookies);
    response.setHeader("Content-Length", String(body.length));
    response.end(body);
  } catch (error) {
    console.error("An enquiry could not be answered", error);
    if (response.headersSent) return void response.destroy();
    const text = Buffer.from("Sorry, something went wrong on our side and your enquiry was not sent. Please try again in a moment.");
    response.writeHead(500, {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Length": String(text.length),
      "Cache-Control": "no-store",
    });
    response.end(text);
  } finally {
    requestBody?.drop();
  }
}

function listen(target, listenPort, listenHost) {
  return new Promise((resolve, reject) => {
    target.once("error", reject);
    target.listen(listenPort, listenHost, () => resolve(target.address()));
  });
}

function get(url) {
  return new Promise((resolve) => {
    http
      .get(url, { headers: { "user-agent": "gallery-warm-up" } }, (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode));
      })
      .on("error", () => resolve(0));
  });
}

/** The catalogue check's answer, or null when it could not be asked. */
function post(url) {
  return new Promise((resolve) => {
    // The route is a machine's (lib/auth/cron-secret.ts): this process proves itself with the CRON_SECRET.
    const headers = { "user-agent": "gallery-warm-up", authorization: `Bearer ${process.env.CRON_SECRET ?? ""}` };
    const request = http.request(url, { method: "POST", headers }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (text += chunk));
      response.on("end", () => resolve(response.statusCode === 200 ? text : null));
    });
    request.on("error", () => resolve(null));
    request.end();
  });
}

const started = performance.now();
const warmUp = http.createServer(requestHandler);
const { port: warmUpPort } = await listen(warmUp, 0, "127.0.0.1");
// First, before any page is warmed: if the catalogue was written while no server ran (an import,
// a restore), every cached catalogue page is refreshed, so the lists show the database as it is.
const catalogueCheck = await post(`http://127.0.0.1:${warmUpPort}/api/catalogue/refresh-if-changed`);
if (catalogueCheck === null) console.error("Could not check whether the catalogue changed while the site was stopped");
// One artwork page too: the first in the sitemap, whichever catalogue this is.
const sitemap = await new Promise((resolve) => {
  http
    .get(`http://127.0.0.1:${warmUpPort}/sitemap.xml`, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (text += chunk.length + text.length < 200_000 ? chunk : ""));
      response.on("end", () => resolve(text));
    })
    .on("error", () => resolve(""));
});
const firstWork = /<loc>[^<]*?(\/works\/[a-z0-9-]+)<\/loc>/.exec(sitemap)?.[1];
for (const warmPath of [...WARM_UP_PATHS, ...(firstWork ? [firstWork] : [])]) await get(`http://127.0.0.1:${warmUpPort}${warmPath}`);
// The enquiry's route module, loaded by a post it refuses (no Origin): loading it offers its endpoint to this server.
await new Promise((resolve) => {
  const refused = http.request(
    `http://127.0.0.1:${warmUpPort}/api/enquiries`,
    { method: "POST", headers: { "content-length": "0" } },
    (answer) => {
      answer.resume();
      answer.on("end", resolve);
    },
  );
  refused.on("error", resolve);
  refused.end();
});
await new Promise((resolve) => warmUp.close(resolve));

server.on("request", requestHandler);
server.on("upgrade", upgradeHandler);
await listen(server, port, hostname);
console.log(
  `Gallery web server ready on http://${hostname}:${port} (warmed in ${Math.round(performance.now() - started)} ms)` +
    (typeof globalThis[ENQUIRY_ENDPOINT] === "function" ? "" : "; enquiries go through Next.js (its endpoint was not offered)"),
);

/*
 * A deploy's SIGTERM: the port is closed to new connections; requests under way (and those already sent
 * on a connection the server had accepted) are answered, each with "Connection: close"; a keep-alive
 * connection is closed once it falls idle. Then the app stops its background work
 * (lib/jobs/server-startup.ts): emails it had claimed and not begun are handed back at once, so the next
 * process or the worker sends them now rather than when their claim runs out. Background work stops once
 * the last answer has gone (an enquiry answered meanwhile still tries its emails at once), or 4 s after
 * the signal if a connection lingers; whatever is still open after 9 s is cut: gone within 10 s.
 */
const STOP_WITHIN_MS = 9_000;
const BACKGROUND_STOP_LATEST_MS = 4_000;
/** A connection accepted this long ago that has sent nothing is not going to (a client's spare). */
const SILENT_CONNECTION_MS = 1_000;
/** After the signal, the port is closed once no connection is waiting and none has come for this long... */
const ACCEPT_QUIET_MS = 100;
/** ...or, this long after the signal, as soon as none is waiting... */
const ACCEPT_LATEST_MS = 1_000;
/** ...and this long after it whatever is waiting: clients that never stop connecting do not hold the stop up. */
const ACCEPT_LAST_MS = 2_000;
let lastAcceptedAt = 0;
let acceptedCount = 0;

server.on("connection", (socket) => {
  lastAcceptedAt = Date.now();
  acceptedCount += 1;
  connections.set(socket, { acceptedAt: lastAcceptedAt, active: 0, answered: 0, seenSilent: false });
  socket.once("close", () => connections.delete(socket));
  keepTimersOutsideRequests(socket);
});

/**
 * Ended, not destroyed: destroying a socket the instant its answer is handed to the system can reset the
 * connection before the client has read the answer (here, several of sixteen enquiries' answers were lost
 * that way). Ending it sends what is left, then closes it as the client closes its side.
 *
 * A connection that has sent nothing is ended only when it was seen so at two of these checks in a row:
 * the event loop reads every connection with something to read between two timers, while a single busy
 * turn of the loop (an enquiry waiting on the database's lock) can outlast SILENT_CONNECTION_MS with the
 * request already waiting, unread, in the kernel.
 */
function closeIdleConnections() {
  const now = Date.now();
  for (const [socket, connection] of connections) {
    if (connection.active > 0 || socket.writableEnded) continue;
    if (connection.answered > 0) socket.end();
    else if (socket.bytesRead === 0 && now - connection.acceptedAt > SILENT_CONNECTION_MS) {
      if (connection.seenSilent) socket.end();
      else connection.seenSilent = true;
    }
  }
}

/**
 * Node's event loop (libuv 1.45 on) takes one connection a turn from the kernel's queue, in the turn's
 * poll phase, and a turn lasts as long as the work it finds: sixteen collectors who connected at once
 * are taken over sixteen turns, each perhaps storing an enquiry. Closing the port resets every connection
 * still queued (under load, up to five of sixteen enquiries were, after their collectors had sent them;
 * a quiet spell in time alone is no sign the queue is empty). So the port is closed only after a turn
 * whose poll took no connection: the count is read in a timer, before that turn's poll, and again in
 * setImmediate, after it.
 */
function closePortWhenQuiet(signalledAt, resolve) {
  setTimeout(() => {
    const acceptedBeforePoll = acceptedCount;
    setImmediate(() => {
      const now = Date.now();
      const noneWaiting = acceptedCount === acceptedBeforePoll;
      const quiet = noneWaiting && (now - lastAcceptedAt >= ACCEPT_QUIET_MS || now - signalledAt >= ACCEPT_LATEST_MS);
      if (quiet || now - signalledAt >= ACCEPT_LAST_MS) net.Server.prototype.close.call(server, resolve);
      else closePortWhenQuiet(signalledAt, resolve);
    });
  }, ACCEPT_QUIET_MS).unref();
}

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    setTimeout(() => process.exit(0), STOP_WITHIN_MS).unref();
    // And a deadline the event loop cannot miss: the database drivers are synchronous, so a statement
    // waiting on another process's lock (or a slow disk) holds this thread, and the timer above with
    // it; in one CI run a stopping process was still there after 50 s. A thread of its own ends the
    // process at 9.8 s whatever this one is doing.
    new Worker(`setTimeout(() => process.kill(${process.pid}, "SIGKILL"), ${STOP_WITHIN_MS + 800});`, { eval: true }).unref();
    for (const response of responsesUnderway) if (!response.headersSent) response.setHeader("Connection", "close");
    // Connections the kernel has completed but this process has not yet accepted would be reset by
    // closing the port at once (with sixteen enquiries in flight, up to six were): it stays open until
    // none is waiting (closePortWhenQuiet). net.Server's close then stops listening and waits for the
    // connections to end, without http.Server's closing of "idle" ones, which also resets a request sent
    // but not yet read.
    const closed = new Promise((resolve) => closePortWhenQuiet(started, resolve));
    setInterval(closeIdleConnections, 100).unref();
    const stopBackgroundWork = globalThis[Symbol.for("gallery.stopBackgroundWork")];
    void Promise.race([closed, new Promise((resolve) => setTimeout(resolve, BACKGROUND_STOP_LATEST_MS).unref())])
      .then(() =>
        typeof stopBackgroundWork === "function" ? stopBackgroundWork(Math.max(0, STOP_WITHIN_MS - 500 - (Date.now() - started))) : null,
      )
      .then(() => closed)
      .catch((error) => console.error("Stopping background work failed", error))
      .finally(() => process.exit(0));
  });
}
