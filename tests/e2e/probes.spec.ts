import http from "node:http";
import { expect, test } from "./support/fixtures";
import { largePost } from "@/scripts/support/large-post";
import { ENQUIRY_ENDPOINT } from "@/scripts/support/no-javascript-enquiry";
import { baseURL } from "./support/test-env";

/*
 * What an attacker's probes meet through `npm start`: large bodies are refused before anything reads
 * them (scripts/build/warm-server.mjs), and a stranger's post to a staff page is sent to sign in unread.
 * The memory a flood of them costs is measured by `npm run bench:body-flood`.
 */

const TEN_MB = 10 * 1024 * 1024;

function largePostHere(path: string, options: { chunked: boolean }) {
  return largePost(`${baseURL}${path}`, { ...options, bytes: TEN_MB, origin: baseURL });
}

test("10 MB posted to public pages, the enquiry endpoint and staff pages is refused before it is read: 413 with a length, 411 chunked", async () => {
  for (const path of ["/works/42-second-retreat-from-russia", "/enquire", ENQUIRY_ENDPOINT, "/staff", "/staff/works", "/staff/import"]) {
    const withLength = await largePostHere(path, { chunked: false });
    expect(withLength.status, `${path} with its length`).toBe(413);
    const chunked = await largePostHere(path, { chunked: true });
    expect(chunked.status, `${path} chunked`).toBe(411);
    // Answered at once, not after 10 MB had arrived.
    expect(Math.max(withLength.milliseconds, chunked.milliseconds), path).toBeLessThan(5_000);
  }
});

test("the enquiry, answered by the gallery's own server ahead of Next.js, carries every header the site's other answers carry", async ({
  request,
}) => {
  // Another route of the same folder, answered by Next.js with next.config.ts's headers.
  const byNext = (await request.get("/api/enquiries/form-token")).headers();
  // A post without a form token: the bot checks answer it (nothing is stored).
  const enquiry = await request.post(ENQUIRY_ENDPOINT, {
    multipart: { name: "Header Check", email: "header-check@example.test", message: "headers" },
    headers: { origin: baseURL, accept: "application/json" },
  });
  expect(enquiry.status()).toBe(200);
  const answered = enquiry.headers();
  for (const header of ["x-content-type-options", "referrer-policy", "x-frame-options", "permissions-policy", "content-security-policy"]) {
    expect(byNext[header], header).toBeTruthy();
    expect(answered[header], header).toBe(byNext[header]);
  }
  expect(answered["cache-control"]).toBe("private, no-store");
});

test("an enquiry refused part-read (over its limit) leaves the connection good: the next request on it is answered", async () => {
  // One kept-alive connection for both, as a browser or a proxy reuses its own.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const post = (body: string, contentType: string) =>
    new Promise<{ status: number; socket: unknown }>((resolve, reject) => {
      const request = http.request(
        `${baseURL}${ENQUIRY_ENDPOINT}`,
        {
          method: "POST",
          agent,
          headers: { origin: baseURL, "content-type": contentType, "content-length": String(Buffer.byteLength(body)) },
        },
        (response) => {
          response.resume();
          response.on("end", () => resolve({ status: response.statusCode ?? 0, socket: request.socket }));
        },
      );
      request.on("error", reject);
      request.end(body);
    });
  try {
    // Under the server's own 256 KB cap, over the enquiry's: the endpoint stops reading part-way.
    const boundary = "----probe";
    const oversized = `--${boundary}\r\nContent-Disposition: form-data; name="message"\r\n\r\n${"x".repeat(200_000)}\r\n--${boundary}--\r\n`;
    const refused = await post(oversized, `multipart/form-data; boundary=${boundary}`);
    expect(refused.status).toBe(413);
    const next = await post(JSON.stringify({ name: "Eve" }), "application/json");
    expect(next.status).toBe(415);
    expect(next.socket, "the same connection carried both").toBe(refused.socket);
  } finally {
    agent.destroy();
  }
});

test("a stranger's small post to a staff page is sent to sign in (303), its body unread", async ({ request }) => {
  const response = await request.post("/staff/works", {
    multipart: { title: "Forged work" },
    headers: { origin: baseURL },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(303);
  expect(response.headers()["location"]).toMatch(/\/staff\/sign-in$/);
});

test("a request naming another host is refused (421); a forged X-Forwarded-Host does not make another site's form this one's", async () => {
  const answer = (path: string, headers: Record<string, string>, method = "GET") =>
    new Promise<number>((resolve, reject) => {
      const request = http.request(`${baseURL}${path}`, { method, headers, agent: false }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on("error", reject);
      request.end(method === "POST" ? "name=x" : undefined);
    });
  expect(await answer("/", { host: "evil.example" })).toBe(421);
  expect(await answer("/staff/sign-in", { host: "gallery.evil.example" })).toBe(421);
  expect(await answer("/", {})).toBe(200);
  // A form posted from evil.example, claiming through X-Forwarded-Host to be addressed there.
  expect(
    await answer(
      "/works/42-second-retreat-from-russia",
      {
        origin: "https://evil.example",
        "x-forwarded-host": "evil.example",
        "content-type": "application/x-www-form-urlencoded",
        "content-length": "6",
      },
      "POST",
    ),
  ).toBe(403);
});

test("the starting server's catalogue check is a machine route: without the CRON_SECRET it refreshes nothing (401)", async ({
  request,
}) => {
  expect((await request.post("/api/catalogue/refresh-if-changed")).status()).toBe(401);
  expect((await request.post("/api/catalogue/refresh-if-changed", { headers: { authorization: "Bearer guessed" } })).status()).toBe(401);
});
