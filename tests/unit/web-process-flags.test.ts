import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { WEB_PROCESS_NODE_FLAGS } from "@/scripts/stack/web-process-flags";

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
