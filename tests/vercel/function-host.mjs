/**
 * Serves one Vercel function, laid out as Vercel unpacks it, on 127.0.0.1: what `vercel dev` would
 * need a network for. Provides the request context Vercel gives a function (its `waitUntil`, which
 * Next's `after()` uses) and keeps the process alive until every waitUntil promise has settled.
 *
 *   node tests/vercel/function-host.mjs <laid-out function folder> <port>
 */
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const [folder, port] = process.argv.slice(2);
const config = JSON.parse(readFileSync(path.join(folder, ".vc-config.json"), "utf8"));
const pending = new Set();
globalThis[Symbol.for("@vercel/request-context")] = {
  get: () => ({
    waitUntil: (promise) => {
      pending.add(promise);
      promise.finally(() => pending.delete(promise));
    },
  }),
};
// On Vercel a function's files are read-only: say whether this host reproduces that.
try {
  writeFileSync(path.join(folder, ".write-probe"), "");
  console.log("filesystem: writable");
} catch (error) {
  console.log(`filesystem: ${error.code}`);
}
// A function runs with its own folder as the working directory (/var/task on Vercel).
process.chdir(folder);
const launcher = createRequire(path.join(folder, "index.js"))(path.join(folder, config.handler));
const handler = typeof launcher === "function" ? launcher : (launcher.default ?? launcher.handler);
if (typeof handler !== "function") throw new Error(`${config.handler} exports no request handler`);

createServer((request, response) => {
  Promise.resolve(handler(request, response)).catch((error) => {
    console.error(error);
    if (!response.headersSent) response.writeHead(500);
    response.end();
  });
}).listen(Number(port), "127.0.0.1", () => console.log(`function ${path.basename(folder)} on 127.0.0.1:${port}`));
