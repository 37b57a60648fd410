import http from "node:http";
/**
 * The Node stack as a server runs it (`npm run start:stack`): nginx in front, two standalone web
 * processes sharing the SQLite file, and the outbox worker, all from the build the other e2e tests use.
 */
import path from "node:path";
import { startStack, type RunningStack } from "@/scripts/stack/start-stack";
import { ENQUIRY_ENDPOINT, formActionFields, noJavaScriptEnquiry } from "@/scripts/support/no-javascript-enquiry";
import { expect, test } from "./support/fixtures";
import { queryDatabase } from "./support/database";
import { capturedMessages } from "./support/mailbox";
import { createStaffAccount, signIn } from "./support/staff";
import { appEnv, e2eRoot } from "./support/test-env";

const STACK_PORT = 3300;
const stackUrl = `http://127.0.0.1:${STACK_PORT}`;
const STAFF_EMAIL = "stack.editor@bracebridge.test";
const STAFF_PASSWORD = "the stack editor's long password";
const WORK = "/works/69-gossips";

let stack: RunningStack;
/** Everything the stack's processes printed, "[worker] …" and so on. */
const stackLog: string[] = [];

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  stack = await startStack({
    port: STACK_PORT,
    runtimeDir: path.join(e2eRoot, "stack"),
    env: { ...process.env, ...appEnv },
    log: (line) => stackLog.push(line),
    // Watched closely here, so that a web process that stops answering is replaced within seconds.
    healthWatch: { intervalMs: 1_000, timeoutMs: 3_000, failuresBeforeRestart: 3 },
  });
  createStaffAccount(STAFF_EMAIL, STAFF_PASSWORD, "Stack Editor");
});

test.afterAll(async () => {
  await stack?.stop();
});

async function titleThroughNginx(): Promise<string> {
  const page = await (await fetch(`${stackUrl}${WORK}`)).text();
  return /<h1[^>]*id="artwork-title"[^>]*>([^<]*)/.exec(page)?.[1] ?? "";
}

test("nginx serves build files with their precompressed copies and public pages from a one-second cache, never staff pages", async () => {
  const home = await (await fetch(stackUrl)).text();
  const script = /\/_next\/static\/[^"]+\.js/.exec(home)?.[0];
  expect(script).toBeDefined();
  const brotli = await fetch(`${stackUrl}${script}`, { headers: { "Accept-Encoding": "br" } });
  expect(brotli.headers.get("content-encoding")).toBe("br");
  expect(brotli.headers.get("cache-control")).toContain("immutable");
  const gzip = await fetch(`${stackUrl}${script}`, { headers: { "Accept-Encoding": "gzip" } });
  expect(gzip.headers.get("content-encoding")).toBe("gzip");

  await fetch(`${stackUrl}${WORK}`);
  const cached = await fetch(`${stackUrl}${WORK}`);
  expect(cached.headers.get("x-cache")).toMatch(/HIT|UPDATING|STALE/);
  // A visitor with a staff session cookie is never answered from the shared cache, nor stored in it.
  const withSession = await fetch(`${stackUrl}${WORK}`, { headers: { cookie: "better-auth.session_token=any-session" } });
  expect(withSession.headers.get("x-cache")).toBe("BYPASS");
  // Nor is a POST: nginx does not even look in the cache for one, so it reports no cache status.
  const posted = await fetch(`${stackUrl}${WORK}`, { method: "POST", body: new FormData() });
  expect(posted.headers.get("x-cache")).toBeNull();
  const staff = await fetch(`${stackUrl}/staff/sign-in`);
  expect(staff.headers.get("x-cache")).toBeNull();
  expect(staff.headers.get("cache-control")).toContain("no-store");
  // The form token is personal to each page view: never shared through the cache.
  const [first, second] = await Promise.all([fetch(`${stackUrl}/api/enquiries/form-token`), fetch(`${stackUrl}/api/enquiries/form-token`)]);
  expect(first.headers.get("x-cache")).toBeNull();
  expect(second.headers.get("x-cache")).toBeNull();
});

test("nginx answers for the site's host alone, and refuses a large body before passing it on", async () => {
  // Another Host (an address scan, a forged name): the connection is closed with no answer (444).
  const otherHost = await new Promise<number | "closed">((resolve) => {
    http
      .get(`${stackUrl}/`, { headers: { host: "evil.example" } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      })
      .on("error", () => resolve("closed"));
  });
  expect(otherHost).toBe("closed");
  // Past 256 KB, nginx itself says no; the two upload routes alone take more.
  const large = await fetch(`${stackUrl}/enquire`, { method: "POST", body: new Uint8Array(300 * 1024), headers: { origin: stackUrl } });
  expect(large.status).toBe(413);
});

test("a staff edit made through the stack shows on the public page, from either web process, within 2 s", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: stackUrl });
  const page = await context.newPage();
  await signIn(page, STAFF_EMAIL, STAFF_PASSWORD);
  expect(await titleThroughNginx()).toBe("Gossips");

  await page.goto("/staff/works");
  await page.getByRole("link", { name: "69 Gossips" }).click();
  await page.getByLabel("Title", { exact: true }).fill("Gossips at the Stack");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").first()).toHaveText("Saved. The public pages show the change now.");

  // A visitor without a staff session, through nginx's cache; then each web process directly.
  await expect.poll(titleThroughNginx, { timeout: 2_000, intervals: [100] }).toBe("Gossips at the Stack");
  for (const port of stack.webPorts) {
    const direct = await (await fetch(`http://127.0.0.1:${port}${WORK}`)).text();
    expect(direct).toContain("Gossips at the Stack");
  }

  await page.goto("/staff/works");
  await page.getByRole("link", { name: "69 Gossips at the Stack" }).click();
  await page.getByLabel("Title", { exact: true }).fill("Gossips");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").first()).toHaveText("Saved. The public pages show the change now.");
  await context.close();
});

test("both web processes take enquiries at once while the worker sends: none lost, none sent twice", async () => {
  test.setTimeout(90_000);
  const fields = await formActionFields(`${stackUrl}${WORK}`);
  const total = 40;
  const references = await Promise.all(
    Array.from({ length: total }, async (_, index) => {
      const port = stack.webPorts[index % 2]!;
      const form = noJavaScriptEnquiry(fields, appEnv.FORM_SIGNING_SECRET!, {
        artworkSlug: "69-gossips",
        name: `Stack Collector ${index}`,
        email: `stack-${index}@collectors.test`,
        message: `Enquiry ${index} through web process ${port}`,
      });
      const response = await fetch(`http://127.0.0.1:${port}${ENQUIRY_ENDPOINT}`, {
        method: "POST",
        body: form,
        redirect: "manual",
        // As nginx would set it: each collector from their own address.
        headers: { origin: `http://127.0.0.1:${port}`, "x-forwarded-for": `203.0.113.${index + 1}` },
      });
      expect(response.status).toBe(303);
      return /ENQ-\d{4}-\d{6}/.exec(response.headers.get("location") ?? "")?.[0];
    }),
  );
  expect(new Set(references).size).toBe(total);
  expect(references.every(Boolean)).toBe(true);

  // The web processes only stored the emails; the worker sends each exactly once.
  const galleryCopies = () =>
    capturedMessages().filter((message) => references.some((reference) => message.subject.startsWith(`Enquiry ${reference}:`)));
  await expect.poll(() => galleryCopies().length, { timeout: 60_000 }).toBe(total);
  const bySubject = new Map<string, number>();
  for (const message of galleryCopies()) bySubject.set(message.subject, (bySubject.get(message.subject) ?? 0) + 1);
  expect([...bySubject.values()].every((count) => count === 1)).toBe(true);
  const stored = queryDatabase<{ status: string; count: number }>(
    `SELECT o.status, COUNT(*) AS count FROM OutboxEmail o JOIN Enquiry e ON e.id = o.enquiryId WHERE e.email LIKE 'stack-%@collectors.test' AND o.kind = 'gallery_notification' GROUP BY o.status`,
  );
  expect(stored).toEqual([{ status: "sent", count: total }]);
  // The other e2e server shares this database and sweeps it too, so the worker's own health is checked
  // here: it started, and no process of the stack has died and been restarted since. It may say so after
  // the other server has sent these emails (a CI run had all forty sent 2.7 s in, before the worker,
  // starting through tsx's loader on a busy machine, had logged its start).
  await expect
    .poll(() => stackLog.some((line) => line.startsWith("[worker]") && line.includes('"msg":"Outbox worker started"')), { timeout: 30_000 })
    .toBe(true);
  expect(stack.processes.map((managed) => `${managed.name}: ${managed.restarts}`)).toEqual(
    stack.processes.map((managed) => `${managed.name}: 0`),
  );
});

test("a web process or the worker that stops is restarted alone, and nginx keeps serving meanwhile", async () => {
  test.setTimeout(90_000);
  const webOne = stack.processes.find((managed) => managed.name === "web-1")!;
  const restartsBefore = webOne.restarts;
  stack.restart("web-1");
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const response = await fetch(`${stackUrl}/works/50-the-taxman?attempt=${attempt}`);
    expect(response.status).toBe(200);
  }
  // A web process finishes its open requests first (up to the supervisor's 10 s), then is started again.
  await expect.poll(() => webOne.restarts, { timeout: 20_000 }).toBe(restartsBefore + 1);
  await expect
    .poll(async () => (await fetch(`http://127.0.0.1:${stack.webPorts[0]}/`).catch(() => null))?.status ?? 0, { timeout: 30_000 })
    .toBe(200);

  // The worker too: stopped mid-life, it comes back alone and goes on sending.
  const worker = stack.processes.find((managed) => managed.name === "worker")!;
  const workerRestarts = worker.restarts;
  const workerPid = worker.child?.pid;
  stack.restart("worker");
  await expect.poll(() => worker.restarts, { timeout: 20_000 }).toBe(workerRestarts + 1);
  await expect.poll(() => worker.child?.pid !== workerPid && worker.child?.exitCode === null, { timeout: 10_000 }).toBe(true);
  const form = noJavaScriptEnquiry(await formActionFields(`${stackUrl}${WORK}`), appEnv.FORM_SIGNING_SECRET!, {
    artworkSlug: "69-gossips",
    name: "After The Restart",
    email: "after-restart@collectors.test",
    message: "Sent after the worker was restarted",
  });
  const port = stack.webPorts[1]!;
  const response = await fetch(`http://127.0.0.1:${port}${ENQUIRY_ENDPOINT}`, {
    method: "POST",
    body: form,
    headers: { origin: `http://127.0.0.1:${port}`, "x-forwarded-for": "203.0.113.200" },
  });
  // Followed, as a browser does, to the confirmation page, which shows the reference.
  expect(response.url).toContain("/enquire/sent?");
  const reference = /ENQ-\d{4}-\d{6}/.exec(await response.text())?.[0];
  expect(reference).toBeDefined();
  await expect
    .poll(() => capturedMessages().some((message) => message.subject.startsWith(`Enquiry ${reference}:`)), { timeout: 20_000 })
    .toBe(true);
});

test("the health check answers through nginx, uncached; a web process that stops answering is killed and started again", async () => {
  test.setTimeout(90_000);
  const first = await fetch(`${stackUrl}/api/health`);
  expect(first.status).toBe(200);
  expect(first.headers.get("x-cache")).toBeNull();
  expect(await first.json()).toMatchObject({ status: "pass", database: { reachable: true }, outbox: { waiting: expect.any(Number) } });

  // Stopped, not dead: it holds its port and its connections, and answers nothing (a process stuck in a
  // loop, or swapping). Only a check that expects an answer can tell.
  const webOne = stack.processes.find((managed) => managed.name === "web-1")!;
  const stuck = webOne.child!;
  const restartsBefore = webOne.restarts;
  process.kill(stuck.pid!, "SIGSTOP");
  await expect.poll(() => stuck.signalCode, { timeout: 20_000 }).toBe("SIGKILL");
  expect(stackLog.some((line) => line.includes("web-1 has not answered its health check 3 times in a row; killing it"))).toBe(true);
  await expect.poll(() => webOne.restarts, { timeout: 5_000 }).toBe(restartsBefore + 1);
  await expect
    .poll(async () => (await fetch(`http://127.0.0.1:${stack.webPorts[0]}/api/health`).catch(() => null))?.status ?? 0, { timeout: 30_000 })
    .toBe(200);
  // And the site is served through nginx as before.
  expect((await fetch(`${stackUrl}/works/50-the-taxman?after=health`)).status).toBe(200);
});
