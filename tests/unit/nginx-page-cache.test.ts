import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderNginxConfig } from "@/scripts/stack/nginx-config";

/*
 * nginx's one-second page cache, in front of a stand-in for the web processes that counts the requests it
 * has open at once. With proxy_cache_lock, a request for a page not in the cache waited while another
 * fetched it, and checked again only every 500 ms (nginx's own step): for a page the application marks
 * private (the enquiry form, with its personal token), which is never stored, every visitor who came
 * while another's request was open waited half a second or a whole one (in the soak, /enquire and /works
 * had a p99 of 1,032–1,040 ms, and a p50 of 25 ms).
 */
const projectRoot = path.resolve(import.meta.dirname, "../..");
const SERVER_NAME = "127.0.0.1";
const haveNginx = !spawnSync("nginx", ["-v"]).error;

let nginx: ChildProcess | undefined;
let upstream: http.Server;
let nginxPort = 0;
let open = 0;
let mostOpen = 0;

beforeAll(async () => {
  if (!haveNginx) return;
  upstream = http.createServer((request, response) => {
    open += 1;
    mostOpen = Math.max(mostOpen, open);
    // Long enough for every request of a burst to arrive while the first is still open.
    setTimeout(() => {
      open -= 1;
      const privatePage = request.url?.startsWith("/enquire");
      response.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "cache-control": privatePage ? "private, no-cache, no-store, max-age=0, must-revalidate" : "s-maxage=31536000",
      });
      response.end(`<p>${request.url}</p>`);
    }, 300);
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  const runtimeDir = mkdtempSync(path.join(os.tmpdir(), "gallery-nginx-cache-"));
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  nginxPort = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  const configPath = path.join(runtimeDir, "nginx.conf");
  writeFileSync(
    configPath,
    renderNginxConfig({
      listen: `127.0.0.1:${nginxPort}`,
      serverName: SERVER_NAME,
      projectRoot,
      runtimeDir,
      upstreams: [`127.0.0.1:${(upstream.address() as AddressInfo).port}`],
      user: process.getuid?.() === 0 ? os.userInfo().username : undefined,
    }),
  );
  nginx = spawn("nginx", ["-c", configPath, "-e", path.join(runtimeDir, "error.log"), "-g", "daemon off;"], { stdio: "ignore" });
  for (let tries = 0; ; tries += 1) {
    const answered = await fetch(`http://127.0.0.1:${nginxPort}/`).then(
      () => true,
      () => false,
    );
    if (answered) break;
    if (tries > 100) throw new Error("nginx did not start");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
});

afterAll(async () => {
  nginx?.kill("SIGQUIT");
  await new Promise<void>((resolve) => (upstream ? upstream.close(() => resolve()) : resolve()));
});

/** Four visitors asking for the same page at the same moment; how many requests the web process had open at once. */
async function burst(page: string): Promise<{ statuses: number[]; cacheStatuses: Array<string | null>; mostOpenAtOnce: number }> {
  mostOpen = 0;
  const answers = await Promise.all(Array.from({ length: 4 }, () => fetch(`http://127.0.0.1:${nginxPort}${page}`)));
  await Promise.all(answers.map((answer) => answer.text()));
  return {
    statuses: answers.map((answer) => answer.status),
    cacheStatuses: answers.map((answer) => answer.headers.get("x-cache")),
    mostOpenAtOnce: mostOpen,
  };
}

describe.runIf(haveNginx)("nginx's page cache in front of the web processes", () => {
  it("passes every visitor's request for a private page on at once, none waiting on another's", async () => {
    const { statuses, cacheStatuses, mostOpenAtOnce } = await burst("/enquire");
    expect(statuses).toEqual([200, 200, 200, 200]);
    expect(cacheStatuses).toEqual(["MISS", "MISS", "MISS", "MISS"]);
    expect(mostOpenAtOnce).toBe(4);
  });

  it("still keeps a public page, and answers from it once it is there", async () => {
    const first = await burst("/works/a-drawing");
    expect(first.statuses).toEqual([200, 200, 200, 200]);
    const again = await fetch(`http://127.0.0.1:${nginxPort}/works/a-drawing`);
    expect(again.headers.get("x-cache")).toMatch(/HIT|UPDATING|STALE/);
  });
});
