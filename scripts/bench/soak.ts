/**
 * `npm run bench:soak -- --minutes 30`: a busy week's traffic in half an hour, through the Node stack
 * (nginx, two web processes, the outbox worker) on a production build with a real SMTP server.
 * Collectors browse every page type (about 200 pages a second; works by their popularity, and a
 * crawler walks every work) and send enquiries (5 a second, each
 * from its own loopback address, some asking about viewings and shipping, one in five about a list of
 * several works); a member of staff works the inbox each minute (reads it, opens the newest enquiry,
 * gives it to a colleague, who is emailed, replies to the collector) and exports it as CSV; a 5,000-row import runs as it begins, and a backup
 * every five minutes. Two control requests, whose cost does not grow with the gallery's data, are timed
 * beside the pages (a build file from nginx, the staff sign-in page from a web process), and a probe
 * times how long a writer waits for the database's write lock. Every ten seconds it samples each
 * process's memory and CPU, the latencies, the throughput and the database's size; at the end it checks
 * the outbox drained and no email was lost or sent twice, prints the figures and writes a picture of
 * them (SVG) for a person to look at.
 *
 *   npm run bench:soak [-- --minutes 30] [--pages 200] [--enquiries 5] [--no-build]
 */
import { execFileSync, spawn } from "node:child_process";
import { appendFileSync, closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { createRequire } from "node:module";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import { startStack } from "@/scripts/stack/start-stack";
import { ENQUIRY_ENDPOINT, formActionFields, noJavaScriptEnquiry } from "@/scripts/support/no-javascript-enquiry";
import { percentile, processCpuSeconds, processTree, residentMb, startProductionServer, treeResidentMb } from "./production-server";
import { soakPicture, type SoakSample } from "./soak-picture";

const { values } = parseArgs({
  options: {
    minutes: { type: "string", default: "30" },
    pages: { type: "string", default: "200" },
    enquiries: { type: "string", default: "5" },
    "no-build": { type: "boolean", default: false },
    // V8 CPU profiles of the web processes (tmp/bench-soak-run/profiles), written as they stop: for a few
    // minutes' run. A half hour's were not written within the 10 s a stopping web process has.
    profile: { type: "boolean", default: false },
  },
});
const MINUTES = Number(values.minutes);
const PAGES_PER_SECOND = Number(values.pages);
const ENQUIRIES_PER_SECOND = Number(values.enquiries);
const SAMPLE_SECONDS = 10;
const IMPORT_ROWS = 5_000;
const STAFF = { email: "soak.staff@bench.test", password: "the soak test's long staff password" };
/** Given an enquiry each minute (and emailed about it). */
const COLLEAGUE = { email: "soak.colleague@bench.test", name: "Soak Colleague" };
/** Each staff reply's subject starts so: told apart from the enquiry's own two emails when they are counted. */
const REPLY_SUBJECT = "Soak reply";
const root = path.resolve("tmp/bench-soak-run");

rmSync(root, { recursive: true, force: true });
mkdirSync(root, { recursive: true });
const server = await startProductionServer("bench-soak", 3701, { reuseBuild: values["no-build"] });
const stack = await startStack({
  port: 3710,
  runtimeDir: path.join(root, "stack"),
  // The stack's own address is the site's: pages, forms and their origin checks name it.
  env: { ...server.env, SITE_URL: "http://127.0.0.1:3710", LOG_LEVEL: "warn" },
  // Kept for a person to read after a failed run: each process's output, a restart, a health check's kill.
  log: (line: string) => appendFileSync(path.join(root, "stack.log"), `${new Date().toISOString()} ${line}\n`),
  extraWebNodeFlags: values.profile ? ["--cpu-prof", `--cpu-prof-dir=${path.join(root, "profiles")}`] : [],
}).catch(async (error: unknown) => {
  await server.stop();
  throw error;
});
// Whatever happens below, nothing this run started is left running.
const stopAll = async () => {
  await stack.stop();
  await server.stop();
};
const siteUrl = stack.url;
const stackProcesses = stack.processes;
try {
  /** Requests to nginx over kept-alive connections (as browsers keep theirs). */
  const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });

  type Answer = { status: number; milliseconds: number; location: string; cookies: string[]; body: string };

  function request(
    url: string,
    options: { method?: string; headers?: Record<string, string>; body?: Uint8Array; localAddress?: string; keepBody?: boolean } = {},
  ): Promise<Answer> {
    const started = performance.now();
    return new Promise((resolve) => {
      const outgoing = http.request(
        url,
        {
          method: options.method ?? "GET",
          // A collector of their own (their own address): a connection of their own, not the shared pool.
          ...(options.localAddress ? { localAddress: options.localAddress, agent: false } : { agent }),
          headers: { ...options.headers, ...(options.body ? { "content-length": String(options.body.byteLength) } : {}) },
          timeout: 30_000,
        },
        (response) => {
          let body = "";
          if (options.keepBody) response.setEncoding("utf8");
          response.on("data", (chunk: string) => {
            if (options.keepBody) body += chunk;
          });
          response.on("end", () =>
            resolve({
              status: response.statusCode ?? 0,
              milliseconds: performance.now() - started,
              location: String(response.headers.location ?? ""),
              cookies: response.headers["set-cookie"] ?? [],
              body,
            }),
          );
        },
      );
      outgoing.on("timeout", () => outgoing.destroy(new Error("timed out")));
      outgoing.on("error", () => resolve({ status: 0, milliseconds: performance.now() - started, location: "", cookies: [], body: "" }));
      outgoing.end(options.body);
    });
  }

  // Every page type a collector opens, weighted as they browse: mostly works, then sections and lists.
  const sitemap = (await request(`${siteUrl}/sitemap.xml`, { keepBody: true })).body;
  const located = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
  const works = located.filter((url) => url.startsWith("/works/"));
  // The controls: a build file nginx serves from disk, and a page a web process renders without the database.
  const homePage = (await request(`${siteUrl}/`, { keepBody: true })).body;
  const buildFile = /\/_next\/static\/[^"']+\.css/.exec(homePage)?.[0];
  if (!buildFile) throw new Error("The home page names no stylesheet under /_next/static/: no build file to time as a control");
  const CONTROLS: Record<string, string> = { "build file": buildFile, "sign-in page": "/staff/sign-in" };
  const CONTROLS_PER_SECOND = 10;
  const others = located.filter((url) => !url.startsWith("/works/"));
  const searches = ["retreat", "war", "pencil", "drawing", "1960", "russia"];
  /*
   * Which works collectors open: a few are looked at far more than the rest (Zipf, exponent 1.2, over a
   * fixed shuffle of the catalogue, so the imported works take most places, the first ones too), and the
   * rest now and then; every work is also asked for by a crawler walking the sitemap, 2 a second. Not
   * a walk through every work at 120 a second: that asks for pages nobody has asked for yet faster than
   * two cores make them (about 25 a second), and they wait their turn (scripts/build/page-turn.mjs).
   */
  const POPULARITY_EXPONENT = 1.2;
  const CRAWLS_PER_SECOND = 2;
  const popularity = { order: [] as string[], cumulative: new Float64Array(0) };
  const shuffleKey = (text: string) => {
    let hash = 2166136261;
    for (let index = 0; index < text.length; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 16777619);
    return hash >>> 0;
  };
  function rankWorks() {
    popularity.order = [...works].sort((a, b) => shuffleKey(a) - shuffleKey(b));
    popularity.cumulative = new Float64Array(popularity.order.length);
    let total = 0;
    popularity.order.forEach((_, rank) => {
      total += 1 / (rank + 1) ** POPULARITY_EXPONENT;
      popularity.cumulative[rank] = total;
    });
  }
  rankWorks();
  /** The work the visit of this index opens: a number in [0, 1) from the index, placed on the cumulative popularity. */
  function popularWork(index: number): string {
    const draw = (shuffleKey(`visit ${index}`) / 2 ** 32) * popularity.cumulative[popularity.cumulative.length - 1]!;
    let low = 0;
    let high = popularity.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (popularity.cumulative[middle]! < draw) low = middle + 1;
      else high = middle;
    }
    return popularity.order[low]!;
  }

  function pageFor(index: number): string {
    const pick = index % 20;
    if (pick < 12) return popularWork(index);
    if (pick < 16) return others[index % others.length]!;
    if (pick < 17) return `/search?q=${searches[index % searches.length]}`;
    if (pick < 18) return "/works";
    if (pick < 19) return "/enquire";
    return `/no-such-page-${index % 7}`;
  }

  // The member of staff, signed in as a browser without JavaScript does, and the colleague they give work to.
  // Made once per database (a run with --no-build keeps the last run's): the password set either way.
  const staffCommand = (script: string, email: string, extra: string[]) =>
    execFileSync("npm", ["run", "--silent", script, "--", "--email", email, ...extra, "--password-stdin"], {
      env: server.env,
      input: `${STAFF.password}\n`,
      stdio: ["pipe", "ignore", "ignore"],
    });
  for (const [email, name] of [
    [STAFF.email, "Soak Staff"],
    [COLLEAGUE.email, COLLEAGUE.name],
  ] as const) {
    try {
      staffCommand("staff:create", email, ["--name", name, "--role", "staff"]);
    } catch {
      staffCommand("staff:reset-password", email, []);
    }
  }
  const signInFields = await formActionFields(`${siteUrl}/staff/sign-in`);
  const signInForm = new FormData();
  for (const [key, value] of Object.entries(signInFields)) signInForm.set(key, value);
  signInForm.set("email", STAFF.email);
  signInForm.set("password", STAFF.password);
  const signInRequest = new Response(signInForm);
  const signedIn = await request(`${siteUrl}/staff/sign-in`, {
    method: "POST",
    headers: { "content-type": signInRequest.headers.get("content-type")!, origin: siteUrl },
    body: new Uint8Array(await signInRequest.arrayBuffer()),
    localAddress: "127.200.0.1",
  });
  const staffCookie = signedIn.cookies.map((cookie) => cookie.split(";")[0]).join("; ");
  if (!staffCookie) throw new Error(`The staff sign-in gave no session (HTTP ${signedIn.status})`);

  const enquiryFields = await formActionFields(`${siteUrl}${works[0]}`);
  // The works a list enquiry names, by their ids (as the enquiry list's form posts them).
  const catalogue = new Database(server.databasePath, { readonly: true });
  const slugs = works.slice(0, 400).map((url) => url.slice("/works/".length));
  const workIds = (
    catalogue.prepare(`SELECT id FROM Artwork WHERE slug IN (${slugs.map(() => "?").join(",")})`).all(...slugs) as Array<{ id: string }>
  ).map((row) => row.id);
  catalogue.close();
  if (workIds.length < 4) throw new Error(`Only ${workIds.length} works found by their slugs: too few for a list enquiry`);
  const secret = server.env.FORM_SIGNING_SECRET!;
  const run = Date.now().toString(36);

  // Each window's figures, gathered as the traffic runs.
  type Window = {
    pages: number[];
    pagesByKind: Map<string, number[]>;
    enquiries: number[];
    controls: Map<string, number[]>;
    writeLockWaits: number[];
    errors: number;
    errorSamples: string[];
  };
  const newWindow = (): Window => ({
    pages: [],
    pagesByKind: new Map(),
    enquiries: [],
    controls: new Map(),
    writeLockWaits: [],
    errors: 0,
    errorSamples: [],
  });
  let window = newWindow();
  const samples: SoakSample[] = [];
  const references: string[] = [];
  let pageIndex = 0;
  let enquiryIndex = 0;
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
    return work;
  };
  const failed = (what: string) => {
    window.errors += 1;
    if (window.errorSamples.length < 3) window.errorSamples.push(what);
  };

  /**
   * Each page type's latencies over the run (the last 50,000 of each), to say where a tail comes from.
   * Written in place: copying the list on every answer (as this did until 2026-12-07) cost the load
   * generator more as the lists filled (up to 9 million numbers copied a second by the end), and it timed
   * the gallery's answers late: the work pages' median over a run went from 6 ms to 1 ms without it.
   */
  const KEPT_PER_KIND = 50_000;
  const byKind = new Map<string, { latencies: number[]; count: number }>();
  const recordKind = (kind: string, milliseconds: number) => {
    let entry = byKind.get(kind);
    if (!entry) byKind.set(kind, (entry = { latencies: [], count: 0 }));
    entry.latencies[entry.count % KEPT_PER_KIND] = milliseconds;
    entry.count += 1;
  };
  const pageKind = (page: string) => {
    if (page.startsWith("/works/")) return "work";
    if (page.startsWith("/exhibitions/")) return page.split("/").length > 3 ? "section" : "exhibition";
    if (page.startsWith("/search")) return "search";
    if (page.startsWith("/no-such-page")) return "404";
    return page === "/" ? "home" : page;
  };

  let crawled = 0;
  function browse(page = pageFor(pageIndex++)) {
    void track(
      request(`${siteUrl}${page}`, { headers: { "accept-encoding": "gzip" } }).then((answer) => {
        const expected = page.startsWith("/no-such-page") ? 404 : 200;
        if (answer.status !== expected) failed(`${page}: HTTP ${answer.status}`);
        else {
          window.pages.push(answer.milliseconds);
          const kind = pageKind(page);
          recordKind(kind, answer.milliseconds);
          addTo(window.pagesByKind, kind, answer.milliseconds);
        }
      }),
    );
  }

  /** A latency under its name in one of a window's lists by name (page types, controls). */
  function addTo(lists: Map<string, number[]>, name: string, milliseconds: number) {
    const list = lists.get(name);
    if (list) list.push(milliseconds);
    else lists.set(name, [milliseconds]);
  }

  /** Each named list's p99 (a window's page types, its controls). */
  function p99Each(lists: Map<string, number[]>): Record<string, number> {
    return Object.fromEntries(
      [...lists].map(([name, latencies]) => [
        name,
        percentile(
          [...latencies].sort((a, b) => a - b),
          0.99,
        ),
      ]),
    );
  }

  function control() {
    for (const [name, url] of Object.entries(CONTROLS)) {
      void track(
        request(`${siteUrl}${url}`, { headers: { "accept-encoding": "gzip" } }).then((answer) => {
          if (answer.status !== 200) return failed(`${url}: HTTP ${answer.status}`);
          addTo(window.controls, name, answer.milliseconds);
        }),
      );
    }
  }

  /*
   * The write-lock probe, in a thread of its own: the driver is synchronous, and a wait in this thread
   * would stop the load. It takes the lock and hands it straight back (BEGIN IMMEDIATE, ROLLBACK).
   */
  const lockProbe = new Worker(
    `const { parentPort, workerData } = require("node:worker_threads");
    const Database = require(workerData.driver);
    const database = new Database(workerData.file, { timeout: 10000 });
    setInterval(() => {
      const started = performance.now();
      try {
        database.exec("BEGIN IMMEDIATE");
        database.exec("ROLLBACK");
      } catch {
        // busy past the timeout: reported as the wait it was
      }
      parentPort.postMessage(performance.now() - started);
    }, 500);`,
    { eval: true, workerData: { file: server.databasePath, driver: createRequire(import.meta.url).resolve("better-sqlite3") } },
  );
  lockProbe.on("message", (waited: number) => window.writeLockWaits.push(waited));
  lockProbe.on("error", (error) => failed(`the write-lock probe: ${error.message}`));

  async function enquire() {
    const index = enquiryIndex++;
    const slug = works[index % works.length]!.slice("/works/".length);
    const form = noJavaScriptEnquiry(enquiryFields, secret, {
      artworkSlug: slug,
      name: `Soak Collector ${index}`,
      email: `soak-${run}-${index}@collectors.test`,
      message: `Enquiry ${index} of the soak: is this work still available, and could it be shipped?`,
      questions: index % 3 === 0 ? ["price_availability", "shipping"] : index % 3 === 1 ? ["viewing"] : ["price_availability"],
    });
    if (index % 3 === 0) form.set("shippingCountry", "France");
    // One in five asks about a list of two to four works, as the enquiry list sends it.
    const listed =
      index % 5 === 4 ? Array.from({ length: 2 + (index % 3) }, (_, offset) => workIds[(index + offset * 7) % workIds.length]!) : [];
    if (listed.length > 0) {
      form.delete("artworkSlug");
      for (const id of listed) form.append("listedWorks", id);
    }
    const encoded = new Response(form);
    const answer = await track(
      request(`${siteUrl}${ENQUIRY_ENDPOINT}`, {
        method: "POST",
        headers: {
          "content-type": encoded.headers.get("content-type")!,
          origin: siteUrl,
          referer: listed.length > 0 ? `${siteUrl}/enquiry-list` : `${siteUrl}/works/${slug}`,
        },
        body: new Uint8Array(await encoded.arrayBuffer()),
        localAddress: `127.${1 + ((index >> 16) & 127)}.${(index >> 8) & 255}.${index & 255 || 1}`,
      }),
    );
    const reference = /ENQ-\d{4}-\d{6}/.exec(answer.location)?.[0];
    if (answer.status !== 303 || !reference) failed(`enquiry ${index}: HTTP ${answer.status} ${answer.location}`);
    else {
      references.push(reference);
      window.enquiries.push(answer.milliseconds);
    }
  }

  /** The hidden fields of the form on a page that has a field of this name (a server action's, posted without JavaScript). */
  function formWith(html: string, fieldName: string): Record<string, string> | null {
    const decode = (text: string) =>
      text
        .replace(/&quot;/g, '"')
        .replace(/&#x27;/g, "'")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&amp;/g, "&");
    for (const [, inner] of html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/g)) {
      if (!inner!.includes(`name="${fieldName}"`)) continue;
      const fields: Record<string, string> = {};
      for (const [tag] of inner!.matchAll(/<input\b[^>]*>/g)) {
        const name = /name="([^"]*)"/.exec(tag)?.[1];
        if (name && tag.includes('type="hidden"')) fields[decode(name)] = decode(/value="([^"]*)"/.exec(tag)?.[1] ?? "");
      }
      return fields;
    }
    return null;
  }

  async function postStaffForm(page: string, fields: Record<string, string>): Promise<Answer> {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.set(key, value);
    const encoded = new Response(form);
    return track(
      request(`${siteUrl}${page}`, {
        method: "POST",
        headers: { cookie: staffCookie, origin: siteUrl, "content-type": encoded.headers.get("content-type")! },
        body: new Uint8Array(await encoded.arrayBuffer()),
        localAddress: "127.200.0.1",
      }),
    );
  }

  /** What staff did, to be found in the mail at the end: each reply and each colleague's notice once. */
  const staffWork = { replies: 0, assignments: 0 };

  async function staffMinute(minute: number) {
    const cookie = { cookie: staffCookie };
    for (const page of ["/staff", "/staff?status=new", "/staff/dashboard"]) {
      const answer = await track(request(`${siteUrl}${page}`, { headers: cookie, keepBody: page === "/staff" }));
      if (answer.status !== 200) failed(`${page}: HTTP ${answer.status}`);
      const opened = /\/staff\/enquiries\/(ENQ-\d{4}-\d{6})/.exec(answer.body)?.[1];
      if (!opened) continue;
      const enquiryPage = `/staff/enquiries/${opened}`;
      const enquiry = await track(request(`${siteUrl}${enquiryPage}`, { headers: cookie, keepBody: true }));
      if (enquiry.status !== 200) {
        failed(`enquiry page: HTTP ${enquiry.status}`);
        continue;
      }
      // The newest enquiry: given to the colleague, then answered.
      const colleagueId = new RegExp(`<option value="([^"]+)">${COLLEAGUE.name}</option>`).exec(enquiry.body)?.[1];
      const assignForm = formWith(enquiry.body, "assigneeId");
      const replyForm = formWith(enquiry.body, "body");
      if (!colleagueId || !assignForm || !replyForm) {
        failed(`enquiry page ${opened}: no ${!colleagueId ? "colleague to choose" : !assignForm ? "assignment form" : "reply form"}`);
        continue;
      }
      const assigned = await postStaffForm(enquiryPage, { ...assignForm, assigneeId: colleagueId });
      if (assigned.status !== 303 || !assigned.location.includes(opened))
        failed(`assigning ${opened}: HTTP ${assigned.status} ${assigned.location}`);
      else if (!assigned.location.includes("unchanged")) staffWork.assignments += 1;
      const replied = await postStaffForm(enquiryPage, {
        ...replyForm,
        subject: `${REPLY_SUBJECT} ${minute} about ${opened}`,
        body: `Thank you for asking. The work is available, and we can arrange a viewing (minute ${minute} of the soak).`,
      });
      if (replied.status !== 303 || !replied.location.includes(opened))
        failed(`replying to ${opened}: HTTP ${replied.status} ${replied.location}`);
      else staffWork.replies += 1;
    }
    const exported = await track(request(`${siteUrl}/staff/enquiries/export`, { headers: cookie, keepBody: true }));
    if (exported.status !== 200 || !/^\uFEFF?reference,/.test(exported.body)) failed(`CSV export: HTTP ${exported.status}`);
  }

  // Run beside the load, never in its way: a synchronous call here stopped this process for the backup's
  // second or two, so no request was sent and every answer in flight was timed that much late (the
  // "slow" windows at each backup in earlier runs were the load generator's, not the gallery's).
  function backup(minute: number) {
    const file = path.join(root, `backup-${minute}.db`);
    const child = spawn("npm", ["run", "--silent", "db:backup", "--", file], { env: server.env, stdio: "ignore" });
    void track(
      new Promise<void>((resolve) => {
        child.on("exit", (code) => {
          if (code !== 0) failed(`backup at minute ${minute}: exit ${code}`);
          rmSync(file, { force: true });
          resolve();
        });
      }),
    );
  }

  /**
   * Once the import is in the sitemap (the import asks the running site to refresh; nginx may answer
   * from its copy for a second more), collectors (and crawlers) browse the whole catalogue, the
   * imported works with the rest: pages no one has asked for yet, and lists fifty times longer.
   */
  async function browseWholeCatalogue() {
    for (let attempt = 0; attempt < 30; attempt += 1) {
      const answer = await request(`${siteUrl}/sitemap.xml`, { keepBody: true });
      const addresses = [...answer.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
      const allWorks = addresses.filter((url) => url.startsWith("/works/"));
      if (answer.status === 200 && allWorks.length >= works.length + IMPORT_ROWS) {
        works.splice(0, works.length, ...allWorks);
        rankWorks();
        others.splice(0, others.length, ...addresses.filter((url) => !url.startsWith("/works/")));
        console.log(`  the import is in the sitemap: collectors now browse ${addresses.length} addresses`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    failed(`the sitemap did not show the ${IMPORT_ROWS} imported works within 30 s of the import's end`);
  }

  const importFile = path.join(root, "import.csv");
  writeFileSync(
    importFile,
    ["Cat No,Title,Section,Medium,Size"]
      .concat(
        Array.from({ length: IMPORT_ROWS }, (_, index) => `${index + 1}s,Soak Study ${index + 1},Soak Studies,Pencil,Image 8 x 10 in`),
      )
      .join("\n"),
  );
  const importRun: { seconds: number | null } = { seconds: null };
  function runImport() {
    const started = performance.now();
    // Its report goes to a file: a failure is told with its last lines.
    const log = openSync(path.join(root, "import.log"), "w");
    const child = spawn("npm", ["run", "--silent", "import", "--", importFile, "--new-exhibition", `Soak Import ${run}`, "--apply"], {
      env: server.env,
      stdio: ["ignore", log, log],
    });
    child.on("exit", (code) => {
      closeSync(log);
      importRun.seconds = (performance.now() - started) / 1000;
      if (code !== 0) {
        failed(`import: exit ${code}`);
        console.log(readFileSync(path.join(root, "import.log"), "utf8").split("\n").slice(-12).join("\n"));
        return;
      }
      void track(browseWholeCatalogue());
    });
  }

  const fileMb = (file: string) => {
    try {
      return statSync(file).size / 1024 / 1024;
    } catch {
      return 0;
    }
  };

  const started = performance.now();
  const elapsedSeconds = () => (performance.now() - started) / 1000;
  console.log(
    `Soak: ${MINUTES} min through the stack at ${siteUrl}: ${PAGES_PER_SECOND} pages/s over ${located.length} addresses, ${ENQUIRIES_PER_SECOND} enquiries/s, staff each minute, a ${IMPORT_ROWS}-row import, a backup every 5 min`,
  );
  // Open loop: requests go at their rate whatever the answers' speed, as visitors arrive.
  const pageTimer = setInterval(() => {
    for (let count = 0; count < PAGES_PER_SECOND / 20; count += 1) browse();
  }, 50);
  const enquiryTimer = setInterval(() => void enquire(), 1000 / ENQUIRIES_PER_SECOND);
  const crawlTimer = setInterval(() => browse(works[crawled++ % works.length]!), 1000 / CRAWLS_PER_SECOND);
  const controlTimer = setInterval(control, 1000 / CONTROLS_PER_SECOND);
  // The import as the traffic begins, not at minute 5: it makes the catalogue fifty times larger (the
  // pages' median went from 2 to 7 ms after it, in the runs of 2026-12-07), and at minute 5 half of the first ten
  // minutes, which the last ten are judged against, ran on the small catalogue: the comparison weighed
  // the catalogue's size, not the passing of time. It still runs under the full load.
  runImport();
  let minute = 0;
  const minuteTimer = setInterval(() => {
    minute += 1;
    void staffMinute(minute);
    if (minute % 5 === 0) backup(minute);
  }, 60_000);
  const web = stackProcesses.filter((managed) => managed.name.startsWith("web-"));
  const worker = stackProcesses.find((managed) => managed.name === "worker")!;
  const nginx = stackProcesses.find((managed) => managed.name === "nginx")!;
  const generatorLag = monitorEventLoopDelay({ resolution: 10 });
  generatorLag.enable();
  let generatorCpu = process.cpuUsage();
  // Each process's CPU over the window: a process doing more work for the same traffic shows here. Its
  // members are listed once (and again only after a restart): listing takes pgrep, which holds this loop.
  const members = new Map<number, number[]>();
  const cpuOf = (pid: number | undefined) => {
    if (!pid) return 0;
    if (!members.has(pid)) members.set(pid, processTree(pid));
    return members.get(pid)!.reduce((sum, member) => sum + processCpuSeconds(member), 0);
  };
  const stackCpu = () => ({
    "web-1": cpuOf(web[0]!.child?.pid),
    "web-2": cpuOf(web[1]!.child?.pid),
    worker: cpuOf(worker.child?.pid),
    nginx: cpuOf(nginx.child?.pid),
  });
  let stackCpuBefore = stackCpu();
  const sampleTimer = setInterval(() => {
    const taken = window;
    window = newWindow();
    const generatorCpuUsed = process.cpuUsage(generatorCpu);
    generatorCpu = process.cpuUsage();
    const stackCpuNow = stackCpu();
    const cpuPercent = Object.fromEntries(
      Object.entries(stackCpuNow).map(([name, seconds]) => [
        name,
        (100 * (seconds - stackCpuBefore[name as keyof typeof stackCpuNow])) / SAMPLE_SECONDS,
      ]),
    );
    stackCpuBefore = stackCpuNow;
    const generatorLagP99 = generatorLag.percentile(99) / 1e6;
    generatorLag.reset();
    const pages = [...taken.pages].sort((a, b) => a - b);
    const enquiries = [...taken.enquiries].sort((a, b) => a - b);
    const sample: SoakSample = {
      seconds: elapsedSeconds(),
      rssMb: {
        "web-1": residentMb(web[0]!.child?.pid),
        "web-2": residentMb(web[1]!.child?.pid),
        worker: treeResidentMb(worker.child?.pid),
        nginx: treeResidentMb(nginx.child?.pid),
      },
      pagesPerSecond: pages.length / SAMPLE_SECONDS,
      enquiriesPerSecond: enquiries.length / SAMPLE_SECONDS,
      pageP50: percentile(pages, 0.5),
      pageP99: percentile(pages, 0.99),
      enquiryP50: percentile(enquiries, 0.5),
      enquiryP99: percentile(enquiries, 0.99),
      errors: taken.errors,
      databaseMb: fileMb(server.databasePath),
      walMb: fileMb(`${server.databasePath}-wal`),
      pageP99ByKind: p99Each(taken.pagesByKind),
      cpuPercent,
      generatorLagP99,
      generatorCpuPercent: (100 * (generatorCpuUsed.user + generatorCpuUsed.system)) / 1e6 / SAMPLE_SECONDS,
      controlP99: p99Each(taken.controls),
      writeLockWaitMax: Math.max(0, ...taken.writeLockWaits),
    };
    samples.push(sample);
    if (taken.errorSamples.length > 0) console.log(`  errors at ${sample.seconds.toFixed(0)} s: ${taken.errorSamples.join("; ")}`);
    if (samples.length % 6 === 0) {
      console.log(
        `  ${(sample.seconds / 60).toFixed(0).padStart(2)} min: ${sample.pagesPerSecond.toFixed(0)} pages/s (p99 ${sample.pageP99.toFixed(0)} ms), ${sample.enquiriesPerSecond.toFixed(1)} enquiries/s (p99 ${sample.enquiryP99.toFixed(0)} ms), RSS ${Object.entries(
          sample.rssMb,
        )
          .map(([name, mb]) => `${name} ${mb.toFixed(0)}`)
          .join(
            ", ",
          )} MiB, database ${sample.databaseMb.toFixed(1)} MiB + WAL ${sample.walMb.toFixed(1)} MiB; generator's delay p99 ${sample.generatorLagP99.toFixed(0)} ms`,
      );
    }
  }, SAMPLE_SECONDS * 1000);

  await new Promise((resolve) => setTimeout(resolve, MINUTES * 60_000));
  clearInterval(pageTimer);
  clearInterval(crawlTimer);
  clearInterval(enquiryTimer);
  clearInterval(controlTimer);
  clearInterval(minuteTimer);
  clearInterval(sampleTimer);
  await Promise.allSettled([...inFlight]);
  await lockProbe.terminate();

  // The outbox: every enquiry's two emails (to the gallery, to the collector) sent within 60 s of the end, once each.
  const endedAt = performance.now();
  const database = new Database(server.databasePath, { readonly: true });
  const waiting = () =>
    (database.prepare(`SELECT COUNT(*) AS count FROM OutboxEmail WHERE status IN ('pending', 'sending')`).get() as { count: number }).count;
  while (waiting() > 0 && performance.now() - endedAt < 120_000) await new Promise((resolve) => setTimeout(resolve, 500));
  const drainedSeconds = (performance.now() - endedAt) / 1000;
  const stillWaiting = waiting();
  const statuses = database.prepare(`SELECT status, COUNT(*) AS count FROM OutboxEmail GROUP BY status`).all() as Array<{
    status: string;
    count: number;
  }>;
  const walAfter = fileMb(`${server.databasePath}-wal`);
  const rows = Object.fromEntries(
    ["Enquiry", "OutboxEmail", "Artwork", "RateLimiterFlexible", "ActivityEntry"].map((table) => [
      table,
      (database.prepare(`SELECT COUNT(*) AS count FROM "${table}"`).get() as { count: number }).count,
    ]),
  );
  database.close();
  // Each email by its subject and recipients: one sent twice shows as a count of two. The enquiry's own
  // two (to the gallery, to the collector) are counted apart from staff's replies and the colleague's notices.
  const sentTimes = new Map<string, number>();
  const enquiryEmails = new Map<string, number>();
  const staffEmails = { replies: 0, assignments: 0 };
  for (const message of server.mail()) {
    const key = `${message.subject} → ${message.to.join(",")}`;
    sentTimes.set(key, (sentTimes.get(key) ?? 0) + 1);
    const reference = /ENQ-\d{4}-\d{6}/.exec(message.subject)?.[0];
    if (!reference) continue;
    if (message.subject.includes(REPLY_SUBJECT)) staffEmails.replies += 1;
    else if (message.to.includes(COLLEAGUE.email)) staffEmails.assignments += 1;
    else enquiryEmails.set(reference, (enquiryEmails.get(reference) ?? 0) + 1);
  }
  const lost =
    references.filter((reference) => (enquiryEmails.get(reference) ?? 0) < 2).length +
    Math.max(0, staffWork.replies - staffEmails.replies) +
    Math.max(0, staffWork.assignments - staffEmails.assignments);
  const duplicated = [...sentTimes.values()].filter((count) => count > 1).length;

  // The figures, judged as the issue asks: the last third against the first (the 10th minute and the
  // last ten of a half-hour run).
  const third = samples.length / 3;
  const early = samples.slice(0, Math.ceil(third));
  const late = samples.slice(Math.floor(2 * third));
  const at = (sample: SoakSample | undefined, name: string) => sample?.rssMb[name] ?? 0;
  // "Its 10th-minute value" is the minute's, not one instant's: an RSS sample moves with each garbage
  // collection (a web process's six samples in one minute spread over 30 MiB), so the value a process is
  // held to is the median of the minute's samples, and every sample of the last third is judged against
  // it. The single sample at the minute's end is printed beside it.
  const referenceIndex = Math.max(0, Math.ceil(third) - 1);
  const reference = samples[referenceIndex];
  const referenceMinute = samples.slice(Math.max(0, referenceIndex + 1 - 60 / SAMPLE_SECONDS), referenceIndex + 1);
  const lines: string[] = [];
  const say = (line: string) => {
    lines.push(line);
    console.log(line);
  };
  const medianOf = (values: number[]) =>
    percentile(
      [...values].sort((a, b) => a - b),
      0.5,
    );
  const spread = (numbers: number[]) => `${Math.min(...numbers).toFixed(0)}–${Math.max(...numbers).toFixed(0)}`;
  const p99Of = (list: SoakSample[], key: "pageP99" | "enquiryP99") => medianOf(list.map((sample) => sample[key]));
  say(`\nSoak of ${MINUTES} min (${samples.length} samples of ${SAMPLE_SECONDS} s):`);
  say(
    `  traffic: ${spread(samples.map((sample) => sample.pagesPerSecond))} pages/s, ${spread(samples.map((sample) => sample.enquiriesPerSecond))} enquiries/s per window; ${references.length} enquiries stored, import ${importRun.seconds === null ? "not finished" : `${importRun.seconds.toFixed(0)} s`}`,
  );
  say(`  errors: ${samples.reduce((sum, sample) => sum + sample.errors, 0)}`);
  const minuteNumber = ((reference?.seconds ?? 0) / 60).toFixed(0);
  for (const name of ["web-1", "web-2", "worker", "nginx"]) {
    const minuteValues = referenceMinute.map((sample) => at(sample, name));
    const base = medianOf(minuteValues);
    const lateValues = late.map((sample) => at(sample, name));
    const furthest = (from: number) => Math.max(...lateValues.map((value) => Math.abs(value - from) / from));
    const worst = furthest(base);
    say(
      `  RSS ${name.padEnd(6)}: ${base.toFixed(0)} MiB in minute ${minuteNumber} (median of ${spread(minuteValues)}); last third ${spread(lateValues)} MiB, at most ${(100 * worst).toFixed(1)} % away: ${worst <= 0.1 ? "within" : "outside"} ±10 % (against the one sample at ${minuteNumber}:00, ${at(reference, name).toFixed(0)} MiB: ${(100 * furthest(at(reference, name))).toFixed(1)} %)`,
    );
  }
  for (const [label, key] of [
    ["pages", "pageP99"],
    ["enquiries", "enquiryP99"],
  ] as const) {
    const first = p99Of(early, key);
    const last = p99Of(late, key);
    say(
      `  p99 ${label.padEnd(9)}: first third ${first.toFixed(0)} ms, last third ${last.toFixed(0)} ms (median of the windows' p99; ${(100 * (last / first - 1)).toFixed(0)} %), windows ${spread(samples.map((sample) => sample[key]))} ms`,
    );
  }
  say(
    `  outbox: ${stillWaiting === 0 ? `drained ${drainedSeconds.toFixed(0)} s after the end` : `${stillWaiting} still waiting after ${drainedSeconds.toFixed(0)} s`}; ${statuses.map((row) => `${row.count} ${row.status}`).join(", ")}; ${lost} emails missing (of the enquiries' two each, ${staffWork.replies} staff replies, ${staffWork.assignments} notices to a colleague given an enquiry), ${duplicated} emails sent twice`,
  );
  say(
    `  database: ${(samples.at(-1)?.databaseMb ?? 0).toFixed(1)} MiB, WAL at most ${Math.max(...samples.map((sample) => sample.walMb)).toFixed(1)} MiB (${walAfter.toFixed(1)} MiB at the end); rows ${Object.entries(
      rows,
    )
      .map(([table, count]) => `${table} ${count}`)
      .join(", ")}`,
  );
  say(
    `  page types (p50 / p99 over the run): ${[...byKind.entries()]
      .map(([kind, { latencies }]) => {
        const sorted = [...latencies].sort((a, b) => a - b);
        return `${kind} ${percentile(sorted, 0.5).toFixed(0)} / ${percentile(sorted, 0.99).toFixed(0)} ms`;
      })
      .join(", ")}`,
  );
  say(
    `  page types' p99, first → last third (median of the windows'): ${[...byKind.keys()]
      .map((kind) => {
        const third = (list: SoakSample[]) => medianOf(list.flatMap((sample) => sample.pageP99ByKind[kind] ?? []));
        return `${kind} ${third(early).toFixed(0)} → ${third(late).toFixed(0)} ms`;
      })
      .join(", ")}`,
  );
  say(
    `  CPU (% of a core), first → last third (median of the windows'): ${Object.keys(samples[0]?.cpuPercent ?? {})
      .map(
        (name) =>
          `${name} ${medianOf(early.map((sample) => sample.cpuPercent[name] ?? 0)).toFixed(0)} → ${medianOf(late.map((sample) => sample.cpuPercent[name] ?? 0)).toFixed(0)}`,
      )
      .join(", ")}`,
  );
  say(
    `  the load generator: event-loop delay p99 ${medianOf(early.map((sample) => sample.generatorLagP99)).toFixed(0)} → ${medianOf(late.map((sample) => sample.generatorLagP99)).toFixed(0)} ms, CPU ${medianOf(early.map((sample) => sample.generatorCpuPercent)).toFixed(0)} → ${medianOf(late.map((sample) => sample.generatorCpuPercent)).toFixed(0)} % of a core (first → last third; a rise here is timed as the gallery's)`,
  );
  say(
    `  controls' p99, first → last third (median of the windows'): ${Object.keys(CONTROLS)
      .map(
        (name) =>
          `${name} ${medianOf(early.flatMap((sample) => sample.controlP99[name] ?? [])).toFixed(0)} → ${medianOf(late.flatMap((sample) => sample.controlP99[name] ?? [])).toFixed(0)} ms`,
      )
      .join(", ")} (a rise the pages share with these is not the gallery's)`,
  );
  say(
    `  write lock: a writer's longest wait per window ${medianOf(early.map((sample) => sample.writeLockWaitMax)).toFixed(0)} → ${medianOf(late.map((sample) => sample.writeLockWaitMax)).toFixed(0)} ms (median, first → last third), ${Math.max(...samples.map((sample) => sample.writeLockWaitMax)).toFixed(0)} ms at most`,
  );
  const picture = path.join(root, "soak.svg");
  writeFileSync(picture, soakPicture(samples, `Soak: ${MINUTES} min through the Node stack`));
  writeFileSync(path.join(root, "soak.txt"), `${lines.join("\n")}\n`);
  writeFileSync(path.join(root, "samples.json"), JSON.stringify(samples));
  console.log(`  picture: ${picture} (figures beside it: soak.txt, samples.json)`);
} finally {
  await stopAll();
}
