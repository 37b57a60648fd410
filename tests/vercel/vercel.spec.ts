/**
 * The gallery as Vercel runs it: built by `vercel build --prod` against a hosted-style database
 * (libSQL over HTTP), with photographs in S3-compatible storage, and its functions invoked with the
 * filesystem read-only, as on Vercel.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import sharp from "sharp";
import { startLibsqlTestServer, type LibsqlTestServer } from "../support/libsql-server";
import { startMailCatcher, type CapturedMessage, type MailCatcher } from "@/scripts/support/mail-catcher";
import { ENQUIRY_ENDPOINT, formActionFields, noJavaScriptEnquiry } from "@/scripts/support/no-javascript-enquiry";
import { startS3TestServer, type S3TestServer } from "../support/s3-server";
import {
  describeFunctionSizes,
  ensureVercelCli,
  functionFolders,
  functionSizes,
  layOutFunction,
  projectRoot,
  vercelBuild,
} from "@/scripts/support/vercel-output";

const root = path.join(projectRoot, "tmp/vercel-e2e");
const databasePath = path.join(root, "gallery.db");
const SITE_URL = "https://gallery.vercel.test";
const STAFF_EMAIL = "vercel.staff@bracebridge.test";
const STAFF_PASSWORD = "a long vercel staff password";
const WORK = "/works/42-second-retreat-from-russia";

let libsql: LibsqlTestServer;
let s3: S3TestServer;
let mail: MailCatcher;
let refuseMail = false;
const messages: CapturedMessage[] = [];
const hosts: ChildProcess[] = [];
const hostLogs = new Map<number, string>();
let env: NodeJS.ProcessEnv;
/** The local port serving the function behind each route. */
const portFor = new Map<string, number>();

function database() {
  return new Database(databasePath, { timeout: 10_000 });
}

async function serveFunctions(routes: string[]) {
  const folders = functionFolders();
  const byFolder = new Map<string, number>();
  let nextPort = 3410;
  for (const route of routes) {
    const folder = folders.get(route);
    if (!folder) throw new Error(`No function for ${route}`);
    if (!byFolder.has(folder)) {
      const port = nextPort++;
      byFolder.set(folder, port);
      const target = layOutFunction(route, path.join(root, `function-${port}`));
      // A private mount namespace with the root filesystem read-only and a fresh /tmp: a Vercel function's view.
      const host = spawn(
        "unshare",
        ["-m", "sh", "-c", functionViewScript(`exec node tests/vercel/function-host.mjs '${target}' ${port}`)],
        {
          cwd: projectRoot,
          // As Vercel's runtime: it sets VERCEL=1 in every function, as in the build.
          env: { ...env, NODE_ENV: "production", VERCEL: "1" },
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      hostLogs.set(port, "");
      const record = (chunk: Buffer) => hostLogs.set(port, `${hostLogs.get(port)}${chunk.toString()}`);
      host.stdout?.on("data", record);
      host.stderr?.on("data", record);
      hosts.push(host);
      await expect.poll(() => hostLogs.get(port)?.includes(`on 127.0.0.1:${port}`), { timeout: 30_000 }).toBe(true);
    }
    portFor.set(route, byFolder.get(folder)!);
  }
}

/**
 * The shell lines that give a function host Vercel's view of the disk: everything read-only, and an
 * empty, writable /tmp. A project cloned under /tmp itself would vanish under that fresh /tmp, so it
 * is carried across: bound aside first, then bound back (read-only) at its own path inside the new /tmp.
 */
function functionViewScript(command: string): string {
  const project = `'${projectRoot}'`;
  const underTmp = projectRoot === "/tmp" || projectRoot.startsWith("/tmp/");
  return [
    "set -e",
    "mount -o remount,bind,ro /",
    ...(underTmp ? ["mount -t tmpfs tmpfs /mnt", "mkdir /mnt/project", `mount --bind ${project} /mnt/project`] : []),
    "mount -t tmpfs tmpfs /tmp",
    ...(underTmp ? [`mkdir -p ${project}`, `mount --bind /mnt/project ${project}`, `mount -o remount,bind,ro ${project}`] : []),
    command,
  ].join("\n");
}

const urlFor = (route: string, pathname: string) => `http://127.0.0.1:${portFor.get(route)}${pathname}`;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(900_000);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  ensureVercelCli();
  libsql = await startLibsqlTestServer({ databasePath, authToken: "vercel-test-token" });
  s3 = await startS3TestServer({ bucket: "gallery-photographs", directory: path.join(root, "s3") });
  mail = await startMailCatcher({
    rejectionFor: () => (refuseMail ? { code: 451, message: "4.3.0 Try again later" } : null),
    onMessage: (message) => messages.push(message),
  });
  // No NODE_ENV: the build sets it, and Vercel's install (npm install) must keep the build tools.
  const inherited: Record<string, string | undefined> = { ...process.env };
  delete inherited.NODE_ENV;
  env = {
    ...inherited,
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
    // npm test type-checks the project beside this build: Vercel's build need not again.
    BUILD_SKIP_TYPE_CHECK: "true",
    LOG_LEVEL: "warn",
    DATABASE_URL: libsql.url,
    DATABASE_AUTH_TOKEN: "vercel-test-token",
    S3_BUCKET: s3.bucket,
    S3_ENDPOINT: s3.endpoint,
    S3_ACCESS_KEY_ID: s3.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
    S3_FORCE_PATH_STYLE: "true",
    SITE_URL,
    GALLERY_EMAIL: "enquiries@bracebridge.test",
    MAIL_FROM: "website@bracebridge.test",
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(mail.port),
    SMTP_IGNORE_TLS: "true",
    SMTP_TIMEOUT_MS: "2000",
    FORM_SIGNING_SECRET: "vercel-form-signing-secret-0123456789abcdef",
    CRON_SECRET: "vercel-cron-secret-0123456789",
    BETTER_AUTH_SECRET: "vercel-better-auth-secret-0123456789abcdef",
    ENQUIRY_MIN_FILL_SECONDS: "1",
  } as unknown as NodeJS.ProcessEnv;
  // Vercel's build: npm install, then `npm run build`, which migrates and seeds the hosted database and pre-renders from it.
  const log = await vercelBuild(env);
  expect(log).toContain("Build Completed");
  for (const line of describeFunctionSizes()) console.log(`Vercel function: ${line}`);
  // Vercel refuses a function over 250 MB unzipped.
  for (const size of functionSizes()) expect(size.bytes).toBeLessThan(250 * 1024 * 1024);
  await serveFunctions([
    "works",
    "works/[slug]",
    "api/enquiries",
    "enquire/sent",
    "staff/sign-in",
    "api/outbox/sweep",
    "api/digest/daily",
    "staff/works/[id]/photographs",
    "media/photographs/[key]/[file]",
  ]);
  const created = spawn(
    "npm",
    ["run", "--silent", "staff:create", "--", "--email", STAFF_EMAIL, "--name", "Vercel Staff", "--password-stdin"],
    { cwd: projectRoot, env, stdio: ["pipe", "pipe", "pipe"] },
  );
  created.stdin?.end(STAFF_PASSWORD);
  await new Promise<void>((resolve, reject) =>
    created.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`staff:create exited ${code}`)))),
  );
});

test.afterAll(async () => {
  for (const host of hosts) host.kill("SIGKILL");
  await Promise.all([libsql?.close(), s3?.close(), mail?.close()]);
});

test("the functions run on a read-only filesystem, and the catalogue reads the hosted database", async () => {
  for (const log of hostLogs.values()) expect(log).toContain("filesystem: EROFS");
  const artwork = await fetch(urlFor("works/[slug]", WORK));
  expect(artwork.status).toBe(200);
  expect(await artwork.text()).toContain("Second Retreat from Russia");

  // A filtered list is rendered per request: a change in the database shows at once.
  const db = database();
  db.prepare("UPDATE Artwork SET availability = 'sold' WHERE slug = '69-gossips'").run();
  db.close();
  const sold = await (await fetch(urlFor("works", "/works?availability=sold"))).text();
  expect(sold).toContain("Gossips");
  expect(sold).not.toContain("Second Retreat from Russia");
});

test("an enquiry is stored in the hosted database, and its email leaves through the cron route once the mail server is back", async () => {
  refuseMail = true;
  const form = noJavaScriptEnquiry(await formActionFields(urlFor("works/[slug]", WORK)), env.FORM_SIGNING_SECRET!, {
    artworkSlug: "42-second-retreat-from-russia",
    name: "Vera Collector",
    email: "vera@collectors.test",
    message: "Is the Retreat drawing framed?",
  });
  const response = await fetch(urlFor("api/enquiries", ENQUIRY_ENDPOINT), {
    method: "POST",
    body: form,
    redirect: "manual",
    headers: { origin: `http://127.0.0.1:${portFor.get("api/enquiries")}`, "x-forwarded-for": "198.51.100.77" },
  });
  expect(response.status).toBe(303);
  const location = response.headers.get("location") ?? "";
  const reference = /ENQ-\d{4}-\d{6}/.exec(location)?.[0];
  expect(reference).toBeDefined();
  // The confirmation page is a function of its own, and shows the reference.
  const confirmation = await fetch(urlFor("enquire/sent", location));
  expect(confirmation.status).toBe(200);
  expect(await confirmation.text()).toContain(reference);

  // after() ran through the function's waitUntil: the first attempt met the refusing mail server.
  const outbox = () => {
    const db = database();
    try {
      return db
        .prepare(
          "SELECT o.id, o.status, o.attempts FROM OutboxEmail o JOIN Enquiry e ON e.id = o.enquiryId WHERE e.reference = ? AND o.kind = 'gallery_notification'",
        )
        .get(reference) as { id: string; status: string; attempts: number };
    } finally {
      db.close();
    }
  };
  await expect.poll(() => outbox()?.attempts ?? 0).toBeGreaterThanOrEqual(1);
  expect(outbox().status).toBe("pending");
  // The same after() goes on to the enquiry's other emails (the collector's acknowledgement): this test
  // writes to the database once it has finished with them, not while it may still be writing (a CI run,
  // with both builds and the lint beside it, met "database is locked" there).
  const unfinishedEmails = () => {
    const db = database();
    try {
      return (
        db
          .prepare(
            "SELECT COUNT(*) AS n FROM OutboxEmail o JOIN Enquiry e ON e.id = o.enquiryId WHERE e.reference = ? AND (o.attempts = 0 OR o.status = 'sending')",
          )
          .get(reference) as { n: number }
      ).n;
    } finally {
      db.close();
    }
  };
  await expect.poll(unfinishedEmails).toBe(0);

  refuseMail = false;
  const db = database();
  db.prepare("UPDATE OutboxEmail SET nextAttemptAt = ? WHERE id = ?").run(Date.now() - 1000, outbox().id);
  db.close();
  expect((await fetch(urlFor("api/outbox/sweep", "/api/outbox/sweep"))).status).toBe(401);
  // As Vercel Cron calls it.
  const sweep = await fetch(urlFor("api/outbox/sweep", "/api/outbox/sweep"), { headers: { authorization: `Bearer ${env.CRON_SECRET}` } });
  expect(sweep.status).toBe(200);
  expect((await sweep.json()) as { sent: number }).toMatchObject({ sent: expect.any(Number) });
  await expect.poll(() => messages.some((message) => message.subject.startsWith(`Enquiry ${reference}:`))).toBe(true);
  expect(outbox().status).toBe("sent");
});

test("the daily digest is sent by its cron route, once, listing the overdue enquiry from the hosted database", async () => {
  // Vercel Cron calls the route every five minutes (vercel.json); the built output carries the schedule.
  const crons = (
    JSON.parse(readFileSync(path.join(projectRoot, ".vercel/output/config.json"), "utf8")) as { crons?: Array<{ path: string }> }
  ).crons;
  expect(crons?.map((cron) => cron.path)).toContain("/api/digest/daily");

  const db = database();
  // Due from midnight, every day; the waiting enquiry from the test before made overdue, in the form its own dates are kept in.
  db.prepare(`UPDATE "GallerySettings" SET "digestTime" = '00:00', "digestOnClosedDays" = 1`).run();
  const waiting = db.prepare(`SELECT "reference", "createdAt" FROM "Enquiry" WHERE "status" = 'new' ORDER BY "id" LIMIT 1`).get() as {
    reference: string;
    createdAt: string | number;
  };
  const threeHoursAgo = Date.now() - 3 * 3_600_000;
  db.prepare(`UPDATE "Enquiry" SET "replyBy" = ? WHERE "reference" = ?`).run(
    typeof waiting.createdAt === "number" ? threeHoursAgo : new Date(threeHoursAgo).toISOString().replace("Z", "+00:00"),
    waiting.reference,
  );
  db.close();

  const digestUrl = urlFor("api/digest/daily", "/api/digest/daily");
  expect((await fetch(digestUrl)).status).toBe(401);
  const cron = { headers: { authorization: `Bearer ${env.CRON_SECRET}` } };
  const answers = await Promise.all([fetch(digestUrl, cron), fetch(digestUrl, cron)]);
  const outcomes = (await Promise.all(answers.map((answer) => answer.json()))) as Array<{
    outcome: string;
    delivery: { sent: number } | null;
  }>;
  expect(outcomes.map((outcome) => outcome.outcome).sort()).toEqual(["done_already", "queued"]);
  expect(outcomes.find((outcome) => outcome.outcome === "queued")!.delivery).toMatchObject({ sent: 1 });
  const digests = () => messages.filter((message) => message.subject.includes("waiting ·"));
  await expect.poll(() => digests().length).toBe(1);
  expect(digests()[0]!.text).toMatch(
    new RegExp(`Overdue\n- ${waiting.reference} · Vera Collector · 42 Second Retreat from Russia · 3 h( \\d+ min)? late`),
  );
  expect(((await (await fetch(digestUrl, cron)).json()) as { outcome: string }).outcome).toBe("done_already");
  expect(digests()).toHaveLength(1);
});

test("a photograph uploaded by staff lands in object storage and is served from it", async () => {
  const signInUrl = urlFor("staff/sign-in", "/staff/sign-in");
  const fields = await formActionFields(signInUrl);
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  form.set("email", STAFF_EMAIL);
  form.set("password", STAFF_PASSWORD);
  const signedIn = await fetch(signInUrl, {
    method: "POST",
    body: form,
    redirect: "manual",
    headers: { origin: `http://127.0.0.1:${portFor.get("staff/sign-in")}` },
  });
  const cookies = signedIn.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
  expect(cookies).toContain("__Host-better-auth.session_token=");
  // A __Host- cookie: the browser keeps it only if it is Secure, for Path=/ and without a Domain.
  const sessionCookie = signedIn.headers.getSetCookie().find((cookie) => cookie.startsWith("__Host-better-auth.session_token="))!;
  expect(sessionCookie).toMatch(/; Secure/i);
  expect(sessionCookie).toMatch(/; Path=\/(;|$)/i);
  expect(sessionCookie).not.toMatch(/; Domain=/i);

  const db = database();
  const work = db.prepare("SELECT id FROM Artwork WHERE slug = '42-second-retreat-from-russia'").get() as { id: string };
  db.close();
  const upload = new FormData();
  const jpeg = await sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 120, g: 90, b: 60 } } })
    .jpeg()
    .toBuffer();
  upload.set("photograph", new Blob([new Uint8Array(jpeg)], { type: "image/jpeg" }), "retreat.jpg");
  const stored = await fetch(urlFor("staff/works/[id]/photographs", `/staff/works/${work.id}/photographs`), {
    method: "POST",
    body: upload,
    redirect: "manual",
    // As a browser posts the staff page's form: with its Origin (a session without one is refused).
    headers: { cookie: cookies, origin: `http://127.0.0.1:${portFor.get("staff/works/[id]/photographs")}` },
  });
  expect(stored.status).toBe(303);
  expect(stored.headers.get("location")).toContain("photograph=added");

  const keys = readdirSync(path.join(s3.directory, s3.bucket, "photographs"));
  expect(keys).toHaveLength(1);
  const served = await fetch(urlFor("media/photographs/[key]/[file]", `/media/photographs/${keys[0]}/480.webp`));
  expect(served.status).toBe(200);
  expect(served.headers.get("content-type")).toBe("image/webp");
  expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).width).toBe(480);
  expect(existsSync(path.join(projectRoot, "data/uploads/photographs", keys[0]!))).toBe(false);
});
