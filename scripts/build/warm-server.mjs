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
import { readFileSync } from "node:fs";
import http from "node:http";
import module from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

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
 */
const PEER_ADDRESS_HEADER = "x-gallery-peer-address";

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

function requestHandler(request, response) {
  request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
  return nextRequestHandler(request, response);
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
    const request = http.request(url, { method: "POST", headers: { "user-agent": "gallery-warm-up" } }, (response) => {
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
await new Promise((resolve) => warmUp.close(resolve));

server.on("request", requestHandler);
server.on("upgrade", upgradeHandler);
await listen(server, port, hostname);
console.log(`Gallery web server ready on http://${hostname}:${port} (warmed in ${Math.round(performance.now() - started)} ms)`);

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections?.();
    // Connections still open after 10 s are cut, as Next's own server does on a second signal.
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
