import { AsyncLocalStorage } from "node:async_hooks";
import http from "node:http";
import net, { type AddressInfo, type Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { keepTimersOutsideRequests } from "@/scripts/build/connection-timers.mjs";

/**
 * What a keep-alive connection's idle timer keeps once its request is answered: the async context it
 * was made in is the one its callback runs in, so the store read there is the one the timer holds.
 */
async function storeKeptByIdleTimer(withTheFix: boolean): Promise<unknown> {
  const requestContext = new AsyncLocalStorage<{ request: string }>();
  const server = http.createServer((request, response) =>
    requestContext.run({ request: request.url ?? "" }, () => response.end("answered")),
  );
  server.keepAliveTimeout = 100;
  const keptStore = new Promise<unknown>((resolve) => {
    server.on("connection", (socket: Socket) => {
      if (withTheFix) keepTimersOutsideRequests(socket);
      socket.on("timeout", () => resolve(requestContext.getStore()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  // A client that keeps the connection open after its answer, as nginx's pool of upstream connections does
  // (Node's own agent would close it itself, on the server's Keep-Alive hint).
  const client = net.connect((server.address() as AddressInfo).port, "127.0.0.1");
  try {
    client.write("GET /a-finished-request HTTP/1.1\r\nHost: gallery.test\r\nConnection: keep-alive\r\n\r\n");
    await new Promise<void>((resolve) => client.on("data", (chunk: Buffer) => chunk.toString().includes("answered") && resolve()));
    return await keptStore;
  } finally {
    client.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

describe("a keep-alive connection's idle timer", () => {
  it("keeps the answered request's context when Node makes it inside the request (why the fix is there)", async () => {
    expect(await storeKeptByIdleTimer(false)).toEqual({ request: "/a-finished-request" });
  });

  it("keeps nothing of the request once made outside requests", async () => {
    expect(await storeKeptByIdleTimer(true)).toBeUndefined();
  });
});
