import http from "node:http";

export type LargePostAnswer = { status: number | null; milliseconds: number };

/**
 * One large post, written as a script writes it (as fast as the server takes it), with its length or
 * chunked, until the server answers or hangs up: the status, or null for a connection closed unanswered.
 * For the probes (tests/e2e/probes.spec.ts) and `npm run bench:body-flood`.
 */
export function largePost(url: string, options: { chunked: boolean; bytes: number; origin: string }): Promise<LargePostAnswer> {
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const settle = (status: number | null) => {
      if (settled) return;
      settled = true;
      resolve({ status, milliseconds: performance.now() - started });
    };
    const request = http.request(url, {
      method: "POST",
      agent: false,
      headers: {
        "content-type": "multipart/form-data; boundary=large-post",
        origin: options.origin,
        ...(options.chunked ? { "transfer-encoding": "chunked" } : { "content-length": String(options.bytes) }),
      },
    });
    request.on("response", (response) => {
      response.resume();
      settle(response.statusCode ?? null);
      request.destroy();
    });
    request.on("error", () => settle(null));
    const piece = Buffer.alloc(Math.min(64 * 1024, options.bytes), "a");
    let written = 0;
    const writeMore = () => {
      while (written < options.bytes && !settled) {
        written += piece.length;
        if (!request.write(piece)) return void request.once("drain", writeMore);
      }
      if (!settled) request.end();
    };
    writeMore();
  });
}
