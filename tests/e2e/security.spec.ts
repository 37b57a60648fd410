/** Issue 21: the Content-Security-Policy's nonce on pages made per request, its reports, and the security lines in the log. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { craftZip, unpackedSize, zerosStream } from "../support/crafted-zips";
import { expect, test } from "./support/fixtures";
import { createStaffAccount, signedInPage } from "./support/staff";
import { queryDatabase } from "./support/database";
import { baseURL, serverLogFile, standaloneDir } from "./support/test-env";

test.describe.configure({ mode: "serial" });

const STAFF = { email: "carla.csp@bracebridge.test", password: "carla's long and private password" };

test.beforeAll(() => {
  createStaffAccount(STAFF.email, STAFF.password, "Carla Csp");
});

type LogLine = Record<string, unknown> & { security?: string; msg?: string };

/** The server's log lines since the test began (one JSON object a line; npm's own lines are skipped). */
function logLinesAfter(offset: number): LogLine[] {
  return readFileSync(serverLogFile, "utf8")
    .slice(offset)
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as LogLine);
}

const logLength = () => readFileSync(serverLogFile, "utf8").length;

test("a script slipped into a staff page's HTML does not run, the page's own scripts do, and the browser's report is logged", async ({
  browser,
}) => {
  const from = logLength();
  const staff = await signedInPage(browser, STAFF, "203.0.113.210");
  // As a stored injection would arrive: the page's real response, with an inline script added to its HTML.
  await staff.route(/\/staff$/, async (route) => {
    const response = await route.fetch();
    const html = (await response.text())
      .replace("<body", `<body data-injected-into="yes"`)
      .replace("</body>", `<script>document.documentElement.dataset.injectedScriptRan = "yes"</script></body>`);
    await route.fulfill({ response, body: html });
  });
  const answer = await staff.goto("/staff");
  const policy = answer!.headers()["content-security-policy"]!;
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
  expect(policy).not.toContain("script-src 'self' 'unsafe-inline'");
  await expect(staff.locator("body[data-injected-into=yes]")).toHaveCount(1);
  await expect(staff.getByRole("heading", { level: 1, name: "Enquiries" })).toBeVisible();
  // Next.js's own scripts ran (they carry the nonce): the app router started in the browser.
  await expect.poll(() => staff.evaluate(() => Boolean((window as unknown as { next?: { appDir?: boolean } }).next?.appDir))).toBe(true);
  expect(await staff.evaluate(() => document.documentElement.dataset.injectedScriptRan ?? "did not run")).toBe("did not run");

  await expect
    .poll(() => logLinesAfter(from).find((line) => line.security === "content security policy violation" && line.page === "/staff"), {
      timeout: 15_000,
    })
    .toMatchObject({ directive: "script-src-elem", blocked: "inline" });
  await staff.context().close();
});

test("each page made per request has its own nonce on its scripts; a pre-rendered page keeps the one policy for all, and says why", async ({
  request,
}) => {
  const nonces = new Set<string>();
  for (const path of ["/enquire", "/enquire", "/enquiry-list", "/staff/sign-in"]) {
    const response = await request.get(path);
    const policy = response.headers()["content-security-policy"]!;
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce, path).toBeDefined();
    nonces.add(nonce!);
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]).filter((tag) => !tag.includes("application/ld+json"));
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size).toBe(4);

  for (const path of ["/", "/works/42-second-retreat-from-russia"]) {
    const policy = (await request.get(path)).headers()["content-security-policy"]!;
    expect(policy, path).toContain("script-src 'self' 'unsafe-inline'");
    expect(policy, path).not.toContain("nonce-");
    expect(policy, path).toContain("report-uri /api/csp-report");
  }
});

test("a report that is not one, or too large, is refused; real ones are logged without the page's token or query", async ({ request }) => {
  const from = logLength();
  expect(
    (await request.post("/api/csp-report", { data: "not json", headers: { "content-type": "application/csp-report" } })).status(),
  ).toBe(400);
  expect(
    (await request.post("/api/csp-report", { data: "x".repeat(20_000), headers: { "content-type": "application/csp-report" } })).status(),
  ).toBe(413);
  const report = {
    "csp-report": {
      "document-uri": "http://127.0.0.1/follow/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg?secret=1",
      "effective-directive": "script-src-elem",
      "blocked-uri": "https://evil.example/steal.js?c=1",
    },
  };
  const accepted = await request.post("/api/csp-report", {
    data: JSON.stringify(report),
    headers: { "content-type": "application/csp-report" },
  });
  expect(accepted.status()).toBe(204);
  await expect
    .poll(() => logLinesAfter(from).find((line) => line.security === "content security policy violation"))
    .toMatchObject({ page: "/follow/…", blocked: "https://evil.example", directive: "script-src-elem" });
  expect(readFileSync(serverLogFile, "utf8").slice(from)).not.toContain("AbCdEfGhIjKlMnOpQrStUvWxYz");
});

test("sign-ins, refusals and throttles each write a security line, with no password in it", async ({ browser }) => {
  const from = logLength();
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.211" } });
  const page = await context.newPage();
  const tryPassword = async (password: string) => {
    await page.goto("/staff/sign-in");
    await page.getByLabel("Email address").fill(STAFF.email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
  };
  await tryPassword(STAFF.password);
  await expect(page.getByRole("heading", { level: 1, name: "Enquiries" })).toBeVisible();
  await context.clearCookies();
  for (let attempt = 0; attempt < 6; attempt++) {
    await tryPassword(`a wrong guess number ${attempt}`);
    await expect(page.getByRole("status")).toHaveText(/\w/);
  }
  await expect
    .poll(() =>
      logLinesAfter(from)
        .filter((line) => typeof line.security === "string" && line.security.startsWith("staff sign"))
        .map((line) => line.security),
    )
    .toEqual(["staff signed in", ...Array(5).fill("staff sign-in refused"), "staff sign-in throttled"]);
  const lines = logLinesAfter(from).filter((line) => typeof line.security === "string");
  for (const line of lines.filter((line) => line.security!.startsWith("staff sign"))) {
    expect(line.account).toBe(STAFF.email);
    expect(line.client).toMatch(/^[A-Za-z0-9_-]{8,}$/);
  }
  const written = readFileSync(serverLogFile, "utf8").slice(from);
  expect(written).not.toContain("a wrong guess number");
  expect(written).not.toContain(STAFF.password);
  expect(written).not.toContain("203.0.113.211");
  await context.close();
});

test("staff upload an .xlsx that unpacks to 2 GB and a photographs archive that claims 5 GB: each is refused in a moment, and the site answers meanwhile", async ({
  browser,
  request,
}) => {
  const gigabyte = zerosStream(64);
  const workbookBomb = craftZip(
    [
      { name: "xl/worksheets/sheet1.xml", data: gigabyte, declaredSize: unpackedSize(64) },
      { name: "xl/worksheets/sheet2.xml", data: gigabyte, declaredSize: unpackedSize(64) },
    ],
    { sharedData: true },
  );
  const kernel = zerosStream(3);
  const photographsBomb = craftZip(
    Array.from({ length: 107 }, (_, index) => ({ name: `photos/${index + 1}.jpg`, data: kernel, declaredSize: unpackedSize(3) })),
    { sharedData: true },
  );
  const staff = await signedInPage(browser, STAFF, "203.0.113.212");
  for (const upload of [
    {
      spreadsheet: {
        name: "catalogue.xlsx",
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: Buffer.from(workbookBomb),
      },
      photographs: null,
      said: "Nothing imported: The spreadsheet was not read: its files overlap one another, as only an archive made to do harm is built.",
    },
    {
      spreadsheet: { name: "catalogue.csv", mimeType: "text/csv", buffer: Buffer.from("Cat No,Title\n42,Second Retreat from Russia\n") },
      photographs: { name: "photos.zip", mimeType: "application/zip", buffer: Buffer.from(photographsBomb) },
      said: "Nothing imported: The photographs file was not unpacked: its files overlap one another, as only an archive made to do harm is built.",
    },
  ]) {
    await staff.goto("/staff/import");
    await staff.getByLabel("Spreadsheet file").setInputFiles(upload.spreadsheet);
    if (upload.photographs) await staff.getByLabel("Photographs (optional)").setInputFiles(upload.photographs);
    await staff.getByLabel("Import into").selectOption("new");
    await staff.getByLabel("New exhibition’s title (if new)").fill("Never Imported");
    const started = Date.now();
    const [home] = await Promise.all([request.get("/"), staff.getByRole("button", { name: "Read the file (dry run)" }).click()]);
    expect(home.status()).toBe(200);
    await expect(staff.getByText(upload.said)).toBeVisible();
    // Upload, refusal and the dry run's page together, on a machine shared with the rest of the suite.
    expect(Date.now() - started).toBeLessThan(10_000);
    await expect(staff.getByRole("button", { name: /^Import / })).toHaveCount(0);
  }
  await staff.context().close();
});

/** How many rows each table holds: a request that changed nothing leaves every count as it was. */
function tableCounts(): Record<string, number> {
  const tables = queryDatabase<{ name: string }>(
    `SELECT "name" FROM sqlite_master WHERE "type" = 'table' AND "name" NOT LIKE 'sqlite_%' AND "name" NOT LIKE '%Search%' AND "name" NOT IN ('RateLimiterFlexible', '_prisma_migrations')`,
  );
  return Object.fromEntries(tables.map(({ name }) => [name, queryDatabase<{ n: number }>(`SELECT count(*) AS n FROM "${name}"`)[0]!.n]));
}

test("every server action the build holds, posted without a session (and past the proxy), changes nothing and shows no one's data", async ({
  request,
}) => {
  // Someone whose details must not leak: an enquiry in the database.
  const [known] = queryDatabase<{ reference: string; email: string }>(`SELECT "reference", "email" FROM "Enquiry" LIMIT 1`);
  const manifest = JSON.parse(readFileSync(path.join(standaloneDir, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; exportedName: string; filename: string }>;
  };
  const actions = Object.entries(manifest.node);
  expect(actions.length).toBeGreaterThan(40);
  const before = tableCounts();
  const outcomes: string[] = [];
  for (const [id, action] of actions) {
    // Each page that can run it (a dynamic segment filled in), and the home page, where the staff area's proxy does not stand.
    const pages = Object.keys(action.workers).map(
      (worker) =>
        worker
          .replace(/^app/, "")
          .replace(/\/page$/, "")
          .replace(/\[[^\]]+\]/g, "x") || "/",
    );
    for (const page of [...new Set([...pages, "/"])]) {
      for (const extra of [{}, { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" }] as Array<
        Record<string, string>
      >) {
        const response = await request.post(page, {
          headers: { "Next-Action": id, Origin: baseURL, "Content-Type": "text/plain;charset=UTF-8", ...extra },
          data: "[]",
          maxRedirects: 0,
        });
        const body = await response.text();
        if (known) {
          expect(body, `${action.exportedName} at ${page}`).not.toContain(known.email);
          expect(body, `${action.exportedName} at ${page}`).not.toContain(known.reference);
        }
        // Arguments no form sends can fail inside an action: the answer then says nothing of why or where.
        if (response.status() >= 500)
          expect(body, `${action.exportedName} at ${page}`).not.toMatch(/TypeError|\bat \S+\.(?:ts|js):\d|\/lib\/|prisma|SQLITE/i);
        outcomes.push(`${response.status()}`);
      }
    }
  }
  expect(tableCounts()).toEqual(before);
  expect(outcomes.length).toBeGreaterThan(actions.length * 2);
});

test("the staff area's proxy cannot be talked round, and the build serves no source maps and names no framework", async ({ request }) => {
  const variants: Array<{ path: string; headers?: Record<string, string> }> = [
    { path: "/staff", headers: { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" } },
    { path: "/staff", headers: { RSC: "1" } },
    { path: "/staff", headers: { RSC: "1", "Next-Router-Prefetch": "1", "Next-Router-Segment-Prefetch": "/_tree" } },
    { path: "/staff.rsc" },
    { path: "/staff/enquiries.rsc" },
    { path: "/en/staff" },
    { path: "/staff/works", headers: { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" } },
  ];
  for (const variant of variants) {
    const response = await request.get(variant.path, { headers: variant.headers, maxRedirects: 0 });
    const body = await response.text();
    expect([303, 307, 308, 404], `${variant.path} ${JSON.stringify(variant.headers ?? {})}`).toContain(response.status());
    expect(body).not.toMatch(/ENQ-\d{4}-\d{6}/);
  }

  const home = await request.get("/");
  expect(home.headers()["x-powered-by"]).toBeUndefined();
  const chunk = /\/_next\/static\/[^"']+\.js/.exec(await home.text())![0];
  expect((await request.get(chunk)).status()).toBe(200);
  expect((await request.get(`${chunk}.map`)).status()).toBe(404);
});

// Last in its lane: the log then holds everything the lane's collectors, staff and probes did.
test("over the whole run, the log names staff accounts only: no collector's address, no client's IP address, no password", () => {
  const log = readFileSync(serverLogFile, "utf8");
  const addresses = [...new Set(log.match(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g) ?? [])];
  expect(addresses.filter((address) => !address.endsWith("@bracebridge.test"))).toEqual([]);
  const ipAddresses = [...new Set(log.match(/\b(?:\d{1,3}\.){3}\d{1,3}\b/g) ?? [])];
  expect(ipAddresses.filter((address) => address !== "127.0.0.1")).toEqual([]);
  expect(log).not.toContain(STAFF.password);
  expect(log.split("\n").filter((line) => line.startsWith("{")).length).toBeGreaterThan(5);
});
