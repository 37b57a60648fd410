import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderNginxConfig } from "@/scripts/stack/nginx-config";
import { WEB_PROCESS_NODE_FLAGS, WORKER_PROCESS_NODE_FLAGS, WORKER_SCRIPT_ARGS } from "@/scripts/stack/node-process-flags";

const projectRoot = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(path.join(projectRoot, file), "utf8");

// package.json and the systemd unit cannot import the flags: a change made in one place only would leave
// `npm start` or a deployed server with another heap than the stack, the preview and the tests.
describe("every way a web process is started gives it the same heap", () => {
  it("npm start", () => {
    const start = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts.start!;
    expect(start).toMatch(/ node /);
    expect(start).toContain(` ${WEB_PROCESS_NODE_FLAGS.join(" ")} .next/standalone/warm-server.mjs`);
    expect(start.match(/--max-[a-z-]+=\d+/g)).toEqual(WEB_PROCESS_NODE_FLAGS);
  });

  it("the systemd unit of a deployed server", () => {
    const execStart = read("deploy/systemd/gallery-web@.service")
      .split("\n")
      .find((line) => line.startsWith("ExecStart="));
    expect(execStart).toBe(`ExecStart=/usr/bin/node ${WEB_PROCESS_NODE_FLAGS.join(" ")} /srv/gallery/.next/standalone/warm-server.mjs`);
  });
});

describe("every way the outbox worker is started runs it as one node process with the same heap", () => {
  const command = `node ${[...WORKER_PROCESS_NODE_FLAGS, ...WORKER_SCRIPT_ARGS].join(" ")}`;

  it("npm run worker", () => {
    const worker = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts.worker!;
    expect(worker).toBe(command);
  });

  it("the systemd unit of a deployed worker, run from the project's folder (tsx and the script are found from it)", () => {
    const unit = read("deploy/systemd/gallery-worker.service").split("\n");
    expect(unit.find((line) => line.startsWith("ExecStart="))).toBe(`ExecStart=/usr/bin/${command}`);
    expect(unit).toContain("WorkingDirectory=/srv/gallery");
  });
});

// nginx keeps idle connections to the web processes for reuse. Whichever side's timer ends first closes
// one; when it was the web process, nginx could send a request on a connection at the moment it closed,
// and the collector got a 502 for an enquiry never read (seen after a pause in traffic).
describe("nginx lets an idle connection to a web process go before the web process would", () => {
  it("its upstream keep-alive time is below Node's, which no way of starting a web process changes", () => {
    const config = renderNginxConfig({
      listen: "127.0.0.1:8080",
      serverName: "gallery.test",
      projectRoot,
      runtimeDir: "/tmp/gallery-nginx",
      upstreams: ["127.0.0.1:3001", "127.0.0.1:3002"],
    });
    const upstream = /upstream gallery_web \{([^}]*)\}/.exec(config)?.[1] ?? "";
    const seconds = Number(/^\s*keepalive_timeout (\d+)s;/m.exec(upstream)?.[1]);
    expect(seconds * 1000).toBeLessThan(http.createServer().keepAliveTimeout);
    for (const file of ["package.json", "deploy/systemd/gallery-web@.service", "scripts/stack/start-stack.ts"])
      expect(read(file)).not.toContain("KEEP_ALIVE_TIMEOUT");
  });
});
