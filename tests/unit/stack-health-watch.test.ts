import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { answersWithin } from "@/scripts/stack/start-stack";

const held: ServerResponse[] = [];
afterEach(() => held.splice(0).forEach((response) => response.destroy()));

/*
 * The stack's health watch asks each web process for its health. One stopped between its headers and
 * its body (SIGSTOP, a process swapping) made the body's timeout reject outside the check: an unhandled
 * rejection, which ends the supervisor (Node's default) instead of restarting the web process.
 */
describe("the stack's health watch", () => {
  it("counts an answer whose body never comes as no answer, without an unhandled rejection", async () => {
    const server = createServer((request, response) => {
      if (request.url === "/whole") return response.end("{}");
      response.writeHead(200, { "content-type": "application/health+json", "content-length": "100" });
      response.write("{");
      held.push(response);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      expect(await answersWithin(`${base}/whole`, 1_000)).toBe(true);
      expect(await answersWithin(`${base}/headers-only`, 300)).toBe(false);
      // Give any stray rejection its turn to surface.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
