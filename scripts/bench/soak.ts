/**
 * `npm run bench:soak -- --minutes 30`: a busy week's traffic in half an hour, through the Node stack
 * (nginx, two web processes, the outbox worker) on a production build with a real SMTP server.
 * Collectors browse every page type (about 200 pages a second) and send enquiries (5 a second, each
 * from its own loopback address, some asking about viewings and shipping); a member of staff reads the
 * inbox and its enquiries and exports it as CSV each minute; a 5,000-row import runs as it begins, and a backup
 * every five minutes. Every ten seconds it samples each process's memory, the latencies, the throughput
 * and the database's size; at the end it checks the outbox drained and no email was lost or sent twice,
 * prints the figures and writes a picture of them (SVG) for a person to look at.
 *
 *   npm run bench:soak [-- --minutes 30] [--pages 200] [--enquiries 5] [--no-build]
 */
import { execFileSync, spawn } from "node:child_process";
import { appendFileSync, closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseArgs } from "node:util";
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
  const others = located.filter((url) => !url.startsWith("/works/"));
  const searches = ["retreat", "war", "pencil", "drawing", "1960", "russia"];
  function pageFor(index: number): string {
    const pick = index % 20;
    if (pick < 12) return works[index % works.length]!;
    if (pick < 16) return others[index % others.length]!;
    if (pick < 17) return `/search?q=${searches[index % searches.length]}`;
    if (pick < 18) return "/works";
    if (pick < 19) return "/enquire";
    return `/no-such-page-${index % 7}`;
  }

  // The member of staff, signed in as a browser without JavaScript does.
  // Made once per database (a run with --no-build keeps the last run's): its password set either way.
  const staffCommand = (script: string, extra: string[]) =>
    execFileSync("npm", ["run", "--silent", script, "--", "--email", STAFF.email, ...extra, "--password-stdin"], {
      env: server.env,
      input: `${STAFF.password}\n`,
      stdio: ["pipe", "ignore", "ignore"],
    });
  try {
    staffCommand("staff:create", ["--name", "Soak Staff", "--role", "staff"]);
  } catch {
    staffCommand("staff:reset-password", []);
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
  const secret = server.env.FORM_SIGNING_SECRET!;
  const run = Date.now().toString(36);

  // Each window's figures, gathered as the traffic runs.
  type Window = { pages: number[]; pagesByKind: Map<string, number[]>; enquiries: number[]; errors: number; errorSamples: string[] };
  const newWindow = (): Window => ({ pages: [], pagesByKind: new Map(), enquiries: [], errors: 0, errorSamples: [] });
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

  function browse() {
    const page = pageFor(pageIndex++);
    void track(
      request(`${siteUrl}${page}`, { headers: { "accept-encoding": "gzip" } }).then((answer) => {
        const expected = page.startsWith("/no-such-page") ? 404 : 200;
        if (answer.status !== expected) failed(`${page}: HTTP ${answer.status}`);
        else {
          window.pages.push(answer.milliseconds);
          const kind = pageKind(page);
          recordKind(kind, answer.milliseconds);
          const windowKind = window.pagesByKind.get(kind);
          if (windowKind) windowKind.push(answer.milliseconds);
          else window.pagesByKind.set(kind, [answer.milliseconds]);
        }
      }),
    );
  }

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
    const encoded = new Response(form);
    const answer = await track(
      request(`${siteUrl}${ENQUIRY_ENDPOINT}`, {
        method: "POST",
        headers: { "content-type": encoded.headers.get("content-type")!, origin: siteUrl, referer: `${siteUrl}/works/${slug}` },
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

  async function staffMinute() {
    const cookie = { cookie: staffCookie };
    for (const page of ["/staff", "/staff?status=new", "/staff/dashboard"]) {
      const answer = await track(request(`${siteUrl}${page}`, { headers: cookie, keepBody: page === "/staff" }));
      if (answer.status !== 200) failed(`${page}: HTTP ${answer.status}`);
      const opened = /\/staff\/enquiries\/(ENQ-\d{4}-\d{6})/.exec(answer.body)?.[1];
      if (opened) {
        const enquiry = await track(request(`${siteUrl}/staff/enquiries/${opened}`, { headers: cookie }));
        if (enquiry.status !== 200) failed(`enquiry page: HTTP ${enquiry.status}`);
      }
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
      }
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
  // The import as the traffic begins, not at minute 5: it makes the catalogue fifty times larger (the
  // pages' median went from 2 to 7 ms after it, in the runs of 2026-12-07), and at minute 5 half of the first ten
  // minutes, which the last ten are judged against, ran on the small catalogue: the comparison weighed
  // the catalogue's size, not the passing of time. It still runs under the full load.
  runImport();
  let minute = 0;
  const minuteTimer = setInterval(() => {
    minute += 1;
    void staffMinute();
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
      pageP99ByKind: Object.fromEntries(
        [...taken.pagesByKind].map(([kind, latencies]) => [
          kind,
          percentile(
            [...latencies].sort((a, b) => a - b),
            0.99,
          ),
        ]),
      ),
      cpuPercent,
      generatorLagP99,
      generatorCpuPercent: (100 * (generatorCpuUsed.user + generatorCpuUsed.system)) / 1e6 / SAMPLE_SECONDS,
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
  clearInterval(enquiryTimer);
  clearInterval(minuteTimer);
  clearInterval(sampleTimer);
  await Promise.allSettled([...inFlight]);

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
  const sentSubjects = new Map<string, number>();
  for (const message of server.mail()) {
    const reference = /ENQ-\d{4}-\d{6}/.exec(message.subject)?.[0];
    if (reference)
      sentSubjects.set(`${reference} ${message.to.join(",")}`, (sentSubjects.get(`${reference} ${message.to.join(",")}`) ?? 0) + 1);
  }
  const emailsOf = (reference: string) => [...sentSubjects.entries()].filter(([key]) => key.startsWith(`${reference} `));
  const lost = references.filter((reference) => emailsOf(reference).length < 2).length;
  const duplicated = [...sentSubjects.values()].filter((count) => count > 1).length;

  // The figures, judged as the issue asks: the last third against the first (the 10th minute and the
  // last ten of a half-hour run).
  const third = samples.length / 3;
  const early = samples.slice(0, Math.ceil(third));
  const late = samples.slice(Math.floor(2 * third));
  const at = (sample: SoakSample | undefined, name: string) => sample?.rssMb[name] ?? 0;
  const reference = samples[Math.max(0, Math.ceil(third) - 1)];
  const lines: string[] = [];
  const say = (line: string) => {
    lines.push(line);
    console.log(line);
  };
  const spread = (numbers: number[]) => `${Math.min(...numbers).toFixed(0)}–${Math.max(...numbers).toFixed(0)}`;
  const p99Of = (list: SoakSample[], key: "pageP99" | "enquiryP99") => {
    const values = list.map((sample) => sample[key]).sort((a, b) => a - b);
    return percentile(values, 0.5);
  };
  say(`\nSoak of ${MINUTES} min (${samples.length} samples of ${SAMPLE_SECONDS} s):`);
  say(
    `  traffic: ${spread(samples.map((sample) => sample.pagesPerSecond))} pages/s, ${spread(samples.map((sample) => sample.enquiriesPerSecond))} enquiries/s per window; ${references.length} enquiries stored, import ${importRun.seconds === null ? "not finished" : `${importRun.seconds.toFixed(0)} s`}`,
  );
  say(`  errors: ${samples.reduce((sum, sample) => sum + sample.errors, 0)}`);
  for (const name of ["web-1", "web-2", "worker", "nginx"]) {
    const base = at(reference, name);
    const lateValues = late.map((sample) => at(sample, name));
    const worst = Math.max(...lateValues.map((value) => Math.abs(value - base) / base));
    say(
      `  RSS ${name.padEnd(6)}: ${base.toFixed(0)} MiB at ${((reference?.seconds ?? 0) / 60).toFixed(0)} min; last third ${spread(lateValues)} MiB (at most ${(100 * worst).toFixed(0)} % away)`,
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
    `  outbox: ${stillWaiting === 0 ? `drained ${drainedSeconds.toFixed(0)} s after the end` : `${stillWaiting} still waiting after ${drainedSeconds.toFixed(0)} s`}; ${statuses.map((row) => `${row.count} ${row.status}`).join(", ")}; ${lost} enquiries missing an email, ${duplicated} emails sent twice`,
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
  const medianOf = (values: number[]) =>
    percentile(
      [...values].sort((a, b) => a - b),
      0.5,
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
  const picture = path.join(root, "soak.svg");
  writeFileSync(picture, soakPicture(samples, `Soak: ${MINUTES} min through the Node stack`));
  writeFileSync(path.join(root, "soak.txt"), `${lines.join("\n")}\n`);
  writeFileSync(path.join(root, "samples.json"), JSON.stringify(samples));
  console.log(`  picture: ${picture} (figures beside it: soak.txt, samples.json)`);
} finally {
  await stopAll();
}
