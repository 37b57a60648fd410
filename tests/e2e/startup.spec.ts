import { spawnSync } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { startMailCatcher } from "@/scripts/support/mail-catcher";
import { ENQUIRY_ENDPOINT, formActionFields, noJavaScriptEnquiry } from "@/scripts/support/no-javascript-enquiry";
import { expect, test } from "./support/fixtures";
import { queryDatabase } from "./support/database";
import { capturedMessages } from "./support/mailbox";
import { startSecondWebProcess } from "./support/second-server";
import { appEnv } from "./support/test-env";

test("a production server without its mail settings and secrets refuses to start, naming each", () => {
  const root = path.resolve(import.meta.dirname, "../..");
  // The build this run serves, started again with only a database: as if deployed without configuration.
  const result = spawnSync("npm", ["start"], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      PORT: "3299",
      HOSTNAME: "127.0.0.1",
      DATABASE_URL: appEnv.DATABASE_URL,
    },
    timeout: 30_000,
    encoding: "utf8",
  });
  expect(result.status).toBe(1);
  const output = `${result.stdout}${result.stderr}`;
  expect(output).toContain("The gallery cannot start: its configuration is incomplete.");
  for (const setting of [
    "SITE_URL",
    "SMTP_HOST",
    "GALLERY_EMAIL",
    "MAIL_FROM",
    "FORM_SIGNING_SECRET",
    "CRON_SECRET",
    "BETTER_AUTH_SECRET",
  ]) {
    expect(output).toContain(`${setting} is required in production`);
  }
});

// Started any way but `npm start`, a production server could not tell one visitor from another: its
// limits would count nothing, or believe the X-Forwarded-For a client writes. It refuses to serve instead.
for (const [way, command, args] of [
  [
    "`next start`",
    path.resolve(import.meta.dirname, "../../node_modules/.bin/next"),
    ["start", "--port", "3297", "--hostname", "127.0.0.1"],
  ],
  ["Next's own .next/standalone/server.js", process.execPath, [path.resolve(import.meta.dirname, "../../.next/standalone/server.js")]],
] as const) {
  test(`a production server started with ${way} refuses to serve, saying how to start it`, () => {
    const result = spawnSync(command, args, {
      cwd: path.resolve(import.meta.dirname, "../.."),
      env: { ...process.env, ...appEnv, PORT: "3297", HOSTNAME: "127.0.0.1" },
      timeout: 45_000,
      encoding: "utf8",
    });
    const output = `${result.stdout}${result.stderr}`;
    expect(result.signal, "it stopped by itself, not at the test's time limit").toBeNull();
    expect(result.status).toBe(1);
    expect(output).toContain("The gallery cannot start this way");
    expect(output).toContain("Start it with `npm start`");
  });
}

test("`npm run build` without the production settings stops at once, naming each, and points to the preview", () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const result = spawnSync("npm", ["run", "build"], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", DATABASE_URL: appEnv.DATABASE_URL },
    timeout: 60_000,
    encoding: "utf8",
  });
  expect(result.status).not.toBe(0);
  const output = `${result.stdout}${result.stderr}`;
  expect(output).toContain("FORM_SIGNING_SECRET is required in production");
  expect(output).toContain("npm run preview");
  // Stopped before Next.js began: the build this run serves is untouched.
  expect(output).not.toContain("Creating an optimized production build");
});

test("when the database cannot be reached, a page says so plainly and offers a way on, not Next's bare error page", async ({ page }) => {
  const root = path.resolve(import.meta.dirname, "../..");
  // The build this run serves, pointed at a database in a folder that does not exist.
  const server = await startSecondWebProcess(3298, {
    DATABASE_URL: `file:${path.join(root, "tmp", "no-such-folder", "gallery.db")}`,
    OUTBOX_DISABLE_BACKGROUND_SWEEP: "true",
  });
  const siteUrl = server.siteUrl;
  try {
    // An uptime monitor is told the site cannot serve, and why, without being told where the file is.
    const health = await fetch(`${siteUrl}/api/health`);
    expect(health.status).toBe(503);
    const body = await health.json();
    expect(body).toMatchObject({ status: "fail", database: { reachable: false }, outbox: null });
    expect(body.notes).toContain("The database cannot be reached: pages and enquiries fail.");
    expect(JSON.stringify(body)).not.toContain("no-such-folder");

    // Signing in must read the database: the staff area's error page takes over from the form.
    await page.goto(`${siteUrl}/staff/sign-in`);
    await page.getByLabel("Email address").fill("anna@bracebridge.test");
    await page.getByLabel("Password").fill("a long and proper password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page could not be shown");
    await expect(page.getByText("If you had just saved a change, check whether it is there")).toBeVisible();
    await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Enquiries" })).toHaveAttribute("href", "/staff");
  } finally {
    server.stop();
  }
});

test("a deploy's SIGTERM with 16 enquiries in flight, 8 of them not yet accepted: each is answered, the process is gone within 10 s, and the emails it held go at once", async () => {
  test.setTimeout(90_000);
  // A mail server that takes 300 ms over each message: when the signal comes, the emails of the enquiries
  // just answered are still being sent by this process (after each response), or waiting their turn.
  const mail = await startMailCatcher();
  mail.answerAfter(300);
  const server = await startSecondWebProcess(3296, { SMTP_PORT: String(mail.port), TRUSTED_PROXIES: "loopback" });
  let paused = false;
  try {
    const work = "/works/69-gossips";
    const fields = await formActionFields(`${server.siteUrl}${work}`);
    const run = Date.now().toString(36);
    // Sixteen collectors, each from an address of its own that has not enquired before (the limits count by address).
    const network = 1 + Math.floor(Math.random() * 250);
    // Each enquiry on its own connection, the signal sent once all sixteen have been written out in full.
    // The first eight reach a running process (some perhaps already answered when it is told to stop); the
    // other eight are sent while it is paused (SIGSTOP), so the kernel completes their connections and holds
    // them in the port's queue, unaccepted, when the signal comes. The event loop takes one connection
    // from that queue a turn: closing the port while any is waiting resets it after it was sent.
    const sendEnquiry = async (index: number) => {
      const form = noJavaScriptEnquiry(fields, appEnv.FORM_SIGNING_SECRET!, {
        artworkSlug: "69-gossips",
        name: `Deploy Collector ${index}`,
        email: `deploy-${run}-${index}@collectors.test`,
        message: `Enquiry ${index}, sent as the server is told to stop`,
      });
      const encoder = new Response(form);
      const body = Buffer.from(await encoder.arrayBuffer());
      let written!: Promise<void>;
      const answer = new Promise<{ status: number; location: string } | Error>((resolve) => {
        const request = http.request(`${server.siteUrl}${ENQUIRY_ENDPOINT}`, {
          method: "POST",
          agent: false,
          headers: {
            "content-type": encoder.headers.get("content-type")!,
            "content-length": String(body.length),
            origin: server.siteUrl,
            "x-forwarded-for": `10.${network}.0.${index + 1}`,
          },
        });
        written = new Promise((done) => request.once("finish", () => done()));
        request.once("response", (response) => {
          response.resume();
          resolve({ status: response.statusCode ?? 0, location: String(response.headers.location ?? "") });
        });
        request.once("error", resolve);
        request.end(body);
      });
      return { written, answer };
    };
    const toRunning = await Promise.all(Array.from({ length: 8 }, (_, index) => sendEnquiry(index)));
    await Promise.all(toRunning.map((sent) => sent.written));
    server.child.kill("SIGSTOP");
    paused = true;
    const toPaused = await Promise.all(Array.from({ length: 8 }, (_, index) => sendEnquiry(8 + index)));
    await Promise.all(toPaused.map((sent) => sent.written));
    const signalledAt = Date.now();
    server.child.kill("SIGTERM");
    server.child.kill("SIGCONT");
    paused = false;
    const answers = [...toRunning, ...toPaused].map((sent) => sent.answer);
    const settled = await Promise.all(answers);
    const exitedAt = await new Promise<number>((resolve) => {
      if (server.child.exitCode !== null) resolve(Date.now());
      else server.child.once("exit", () => resolve(Date.now()));
    });
    if (!server.child.stdout?.closed) await new Promise((resolve) => server.child.once("close", resolve));
    expect(exitedAt - signalledAt, `the process is gone within 10 s of the signal:\n${server.output()}`).toBeLessThan(10_000);
    // The enquiries were answered by the server's own way in (scripts/build/warm-server.mjs), not Next.js's.
    expect(server.output()).toContain("Gallery web server ready");
    expect(server.output()).not.toContain("enquiries go through Next.js");
    // Everything it printed read, up to its last line.
    if (!server.child.stdout?.closed) await new Promise((resolve) => server.child.once("close", resolve));
    expect(server.child.exitCode, `it stopped by itself, cleanly:\n${server.output()}`).toBe(0);
    // Each collector was answered with a reference, or (had the process already closed its door) refused
    // plainly; and nothing was stored whose answer was not sent.
    expect(settled.map((answer) => (answer instanceof Error ? answer.message : answer.status))).toEqual(settled.map(() => 303));
    const shown = settled.map((answer) => (answer instanceof Error ? "" : (/ENQ-\d{4}-\d{6}/.exec(answer.location)?.[0] ?? "")));
    expect(shown.every(Boolean)).toBe(true);
    const stored = queryDatabase<{ reference: string }>(
      `SELECT reference FROM Enquiry WHERE email LIKE ?`,
      `deploy-${run}-%@collectors.test`,
    );
    expect(stored.map((row) => row.reference).sort()).toEqual([...shown].sort());

    // What the process had claimed and not sent, it handed back as it stopped...
    const stopLine = server
      .output()
      .split("\n")
      .find((line) => line.includes("Background work stopped"));
    expect(stopLine, `the process said what it handed back:\n${server.output()}`).toBeDefined();
    const stopped = JSON.parse(stopLine!) as { released: number; unfinished: number };
    expect(stopped.unfinished).toBe(0);
    expect(stopped.released, "some emails were still waiting their turn when the signal came").toBeGreaterThan(0);
    // ...so the test server's own process sends them within seconds (its sweep every 2 s), not after their
    // two-minute claim ran out: each enquiry's two emails (to the gallery, to the collector), once each.
    const sentOf = (reference: string) =>
      [...mail.messages, ...capturedMessages()].filter((message) => message.subject.includes(reference)).length;
    await expect.poll(() => shown.map((reference) => sentOf(reference)), { timeout: 15_000 }).toEqual(shown.map(() => 2));
    const statuses = queryDatabase<{ status: string; count: number }>(
      `SELECT o.status, COUNT(*) AS count FROM OutboxEmail o JOIN Enquiry e ON e.id = o.enquiryId WHERE e.email LIKE ? GROUP BY o.status`,
      `deploy-${run}-%@collectors.test`,
    );
    expect(statuses).toEqual([{ status: "sent", count: 32 }]);
  } finally {
    if (paused) server.child.kill("SIGCONT");
    server.stop();
    await mail.close();
  }
});

test("a hundred pages asked for at once, half of them given up while they wait: the rest are answered, and so is what comes after", async () => {
  test.setTimeout(90_000);
  // Pages wait their turn for Next.js (scripts/build/page-turn.mjs, eight at once): none is lost in
  // the wait, a client that gives up is passed over without holding a place, and the health check is
  // answered meanwhile. (What the turn changes under load is shown by npm run bench:soak, not timed here.)
  const server = await startSecondWebProcess(3295, {});
  try {
    const ask = (address: string, giveUpAfterMs?: number) =>
      new Promise<number>((resolve) => {
        const request = http.get(`${server.siteUrl}${address}`, { agent: false }, (response) => {
          response.resume();
          response.on("end", () => resolve(response.statusCode ?? 0));
        });
        request.on("error", () => resolve(0));
        if (giveUpAfterMs !== undefined) setTimeout(() => request.destroy(), giveUpAfterMs);
      });
    // Pages made on each visit (All works takes its filters from the address), each on a connection of
    // its own, as a crawler's would come; every other one given up 20 ms after it was sent.
    const sorts = ["number", "title", "size"];
    const pages = Array.from({ length: 100 }, (_, index) =>
      ask(`/works?sort=${sorts[index % 3]}&page=${1 + (index % 4)}&visit=${index}`, index % 2 === 1 ? 20 : undefined),
    );
    expect(await ask("/api/health")).toBe(200);
    const statuses = await Promise.all(pages);
    expect(statuses.filter((_, index) => index % 2 === 0).every((status) => status === 200)).toBe(true);
    // No place was kept by a page given up: twenty more, all at once, are all answered.
    const after = await Promise.all(Array.from({ length: 20 }, (_, index) => ask(`/works?sort=title&visit=after-${index}`)));
    expect(after.every((status) => status === 200)).toBe(true);
  } finally {
    server.stop();
  }
});
