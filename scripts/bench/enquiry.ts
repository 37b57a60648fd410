/**
 * Enquiry throughput against a production build, as collectors send it: without JavaScript (the
 * form's own POST, answered with a 303 to the confirmation page) and with it (the script's fetch,
 * answered with the small form state as JSON); then the confirmation page the 303 leads to. For each, submissions per second
 * and p50/p99 latency at concurrency 1 and 16, the CPU each process used meanwhile, then the
 * counts that prove nothing was lost or sent twice. The web process only stores; the outbox
 * worker sends to a real SMTP server, as on the Node stack.
 *
 *   npm run bench:enquiry [-- --total 2000] [--no-build] [--cpu-prof]
 */
import { readdirSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import {
  ENQUIRY_ENDPOINT,
  formActionFields,
  noJavaScriptEnquiry,
  scriptedEnquiry,
  type Collector,
} from "@/scripts/support/no-javascript-enquiry";
import { summariseProfile } from "./profile-summary";
import { measureConcurrently, percentile, startProductionServer, type BenchServer } from "./production-server";

const WORK_SLUG = "42-second-retreat-from-russia";
/** A day's new-work emails for 10,000 alerts after a 50-work import (what bench:alerts queues). */
const ALERT_EMAILS = 7_000;
const WORK = `/works/${WORK_SLUG}`;

type Path = "no-JavaScript" | "JavaScript";
/** Each run's collectors write from their own mail domain and network, so the counts can tell runs apart. */
type Group = { domain: string; network: number };

function collector(group: Group, index: number): Collector {
  return {
    artworkSlug: WORK_SLUG,
    name: `Collector ${index}`,
    email: `collector-${index}@${group.domain}`,
    message: `Benchmark enquiry number ${index}: is the drawing still available?`,
    questions: ["price_availability"],
  };
}

type PreparedSubmission = { body: Uint8Array<ArrayBuffer>; headers: Record<string, string> };

/** The request a collector's browser sends, encoded ahead, so the load generator's CPU goes to sending. */
async function prepare(
  server: BenchServer,
  fields: Record<string, string>,
  kind: Path,
  group: Group,
  index: number,
): Promise<PreparedSubmission> {
  const secret = server.env.FORM_SIGNING_SECRET!;
  const { body: form, headers: extra } =
    kind === "no-JavaScript"
      ? { body: noJavaScriptEnquiry(fields, secret, collector(group, index)), headers: {} }
      : scriptedEnquiry(fields, secret, collector(group, index));
  const encoded = new Response(form);
  return {
    body: new Uint8Array(await encoded.arrayBuffer()),
    headers: {
      ...extra,
      "content-type": encoded.headers.get("content-type")!,
      "x-forwarded-for": `${group.network}.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`,
      origin: server.baseUrl,
      referer: `${server.baseUrl}${WORK}`,
    },
  };
}

// node:http with kept-alive connections: much lighter than fetch, so the load generator takes less of
// the two cores the server is measured on (its CPU is printed with each run).
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function post(url: string, request: PreparedSubmission): Promise<{ status: number; location: string; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      url,
      { method: "POST", agent, headers: { ...request.headers, "content-length": String(request.body.byteLength) } },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, location: response.headers.location ?? "", body }));
      },
    );
    outgoing.on("error", reject);
    outgoing.end(request.body);
  });
}

async function submit(server: BenchServer, kind: Path, request: PreparedSubmission, index: number): Promise<number> {
  const started = performance.now();
  const response = await post(`${server.baseUrl}${ENQUIRY_ENDPOINT}`, request);
  const elapsed = performance.now() - started;
  const answered =
    kind === "no-JavaScript"
      ? response.status === 303 && /^\/enquire\/sent\?reference=ENQ-\d{4}-\d{6}/.test(response.location)
      : response.status === 200 && /"reference":"ENQ-\d{4}-\d{6}"/.test(response.body);
  if (!answered) throw new Error(`${kind} submission ${index} failed: HTTP ${response.status} ${response.body.slice(0, 200)}`);
  return elapsed;
}

type RunResult = {
  kind: Path;
  count: number;
  concurrency: number;
  perSecond: number;
  p50: number;
  p99: number;
  cpu: Record<string, number>;
};

async function run(
  server: BenchServer,
  fields: Record<string, string>,
  kind: Path,
  group: Group,
  firstIndex: number,
  count: number,
  concurrency: number,
): Promise<RunResult> {
  const requests = await Promise.all(
    Array.from({ length: count }, (_, offset) => prepare(server, fields, kind, group, firstIndex + offset)),
  );
  const latencies: number[] = [];
  let next = firstIndex;
  const cpuBefore = server.cpuSeconds();
  const ownBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < firstIndex + count) {
        const index = next;
        next += 1;
        latencies.push(await submit(server, kind, requests[index - firstIndex]!, index));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = server.cpuSeconds();
  const own = process.cpuUsage(ownBefore);
  latencies.sort((a, b) => a - b);
  // Each process's CPU as a share of one core over the run.
  const share = (used: number) => (100 * used) / seconds;
  return {
    kind,
    count,
    concurrency,
    perSecond: count / seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    cpu: {
      web: share(cpuAfter.web - cpuBefore.web),
      worker: share(cpuAfter.worker - cpuBefore.worker),
      "SMTP server": share(cpuAfter.mail - cpuBefore.mail),
      "load generator": share((own.user + own.system) / 1e6),
    },
  };
}

/** The page a browser without JavaScript loads after its 303: rendered per enquiry (it shows the reference). */
function confirmationPage(server: BenchServer) {
  return measureConcurrently(1000, 16, async (index) => {
    const reference = `ENQ-2026-${String(100_000 + index).padStart(6, "0")}`;
    const response = await fetch(`${server.baseUrl}/enquire/sent?reference=${reference}&acknowledged=1&work=${WORK_SLUG}`);
    if (!(await response.text()).includes(reference)) throw new Error(`The confirmation page did not show ${reference}`);
  });
}

export async function benchEnquiries(server: BenchServer, total: number): Promise<void> {
  const fields = await formActionFields(`${server.baseUrl}${WORK}`);
  const results: RunResult[] = [];
  const groups: Record<Path, Group> = {
    "no-JavaScript": { domain: "nojs.bench.test", network: 10 },
    JavaScript: { domain: "js.bench.test", network: 12 },
  };
  const database = new Database(server.databasePath, { readonly: true });
  // Personal emails (enquiries' own); the bulk new-work mailing below is paced on purpose and counted apart.
  const pendingEmails = () =>
    (
      database.prepare("SELECT COUNT(*) AS n FROM OutboxEmail WHERE status IN ('pending','sending') AND kind <> 'new_works'").get() as {
        n: number;
      }
    ).n;
  const bulkSent = () =>
    (database.prepare("SELECT COUNT(*) AS n FROM OutboxEmail WHERE kind = 'new_works' AND status = 'sent'").get() as { n: number }).n;
  // Each measured run starts with the outbox empty, so no run pays for sending the one before.
  const drained = async () => {
    for (const deadline = Date.now() + 60_000; pendingEmails() > 0 && Date.now() < deadline;)
      await new Promise((resolve) => setTimeout(resolve, 250));
  };
  for (const kind of ["no-JavaScript", "JavaScript"] as const) {
    // Warm-up: its collectors write from a domain of their own, left out of every count.
    await run(
      server,
      fields,
      kind,
      { domain: `warm-up-${groups[kind].network}.bench.test`, network: groups[kind].network + 1 },
      0,
      200,
      16,
    );
    const sequential = Math.min(200, Math.floor(total / 10));
    await drained();
    results.push(await run(server, fields, kind, groups[kind], 0, sequential, 1));
    await drained();
    results.push(await run(server, fields, kind, groups[kind], sequential, total, 16));
  }

  console.log(
    `\nEnquiry submissions (production build on ${os.cpus().length} cores; the web process stores, the outbox worker sends to a real SMTP server)`,
  );
  for (const result of results) {
    const cpu = Object.entries(result.cpu)
      .map(([name, percent]) => `${name} ${percent.toFixed(0)}%`)
      .join(", ");
    console.log(
      `  ${result.kind.padEnd(13)} concurrency ${String(result.concurrency).padStart(2)}: ${String(result.count).padStart(5)} submissions, ${result.perSecond.toFixed(1).padStart(6)}/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms  (CPU of one core: ${cpu})`,
    );
  }

  // The enquiry rate while the worker sends a day's new-work emails (7,000, as bench:alerts queues for
  // 10,000 alerts), against the same run just before without them: side by side, as a ratio.
  const alertsDomain = (name: string, network: number): Group => ({ domain: `${name}.bench.test`, network });
  await drained();
  const without = await run(server, fields, "JavaScript", alertsDomain("before-alerts", 20), 0, total, 16);
  await drained();
  const writable = new Database(server.databasePath, { timeout: 10_000 });
  const body = `<p>${"A new work you asked to hear about. ".repeat(250)}</p>`;
  const stamp = new Date().toISOString().replace("Z", "+00:00");
  const insertEmail = writable.prepare(
    `INSERT INTO "OutboxEmail" ("id", "kind", "toAddress", "fromAddress", "replyTo", "subject", "textBody", "htmlBody", "status", "attempts", "nextAttemptAt", "createdAt", "updatedAt")
     VALUES (?, 'new_works', ?, 'website@bench.test', 'enquiries@bench.test', '12 new works at the gallery', ?, ?, 'pending', 0, ?, ?, ?)`,
  );
  writable.transaction(() => {
    for (let index = 0; index < ALERT_EMAILS; index += 1)
      insertEmail.run(`bench-alert-${Date.now()}-${index}`, `subscriber${index}@alerts.bench.test`, body, body, stamp, stamp, stamp);
  })();
  writable.close();
  const during = await run(server, fields, "JavaScript", alertsDomain("during-alerts", 22), 0, total, 16);
  const alertEmailsSent = bulkSent();
  console.log(
    `  while the worker sends ${ALERT_EMAILS.toLocaleString("en-GB")} new-work emails: ${during.perSecond.toFixed(1)}/s against ${without.perSecond.toFixed(1)}/s just before without them ` +
      `(${((during.perSecond / without.perSecond) * 100).toFixed(0)} %; goal: within 10 %), p99 ${during.p99.toFixed(1)} ms against ${without.p99.toFixed(1)} ms; ` +
      `${alertEmailsSent.toLocaleString("en-GB")} of them sent during the run`,
  );

  const confirmation = await confirmationPage(server);
  console.log(
    `  confirmation page after a no-JavaScript enquiry (GET, concurrency 16): ${confirmation.perSecond.toFixed(0)}/s, p50 ${confirmation.p50.toFixed(1)} ms, p99 ${confirmation.p99.toFixed(1)} ms`,
  );

  // Every gallery email must reach the SMTP server within 60 s of the run's end.
  const endedAt = Date.now();
  let pending = Infinity;
  while (Date.now() - endedAt < 60_000) {
    pending = pendingEmails();
    if (pending === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const drainedSeconds = (Date.now() - endedAt) / 1000;
  for (const group of Object.values(groups)) {
    const stored = (database.prepare("SELECT COUNT(*) AS n FROM Enquiry WHERE email LIKE ?").get(`%@${group.domain}`) as { n: number }).n;
    const expected = results.filter((result) => groups[result.kind] === group).reduce((sum, result) => sum + result.count, 0);
    const messages = server.mail();
    const galleryEmails = messages.filter(
      (message) => message.to.includes("enquiries@bench.test") && message.replyTo.endsWith(`@${group.domain}`),
    );
    const subjects = galleryEmails.map((message) => message.subject);
    const acknowledgements = messages.filter((message) => message.to.some((address) => address.endsWith(`@${group.domain}`)));
    console.log(
      `  ${group.domain}: ${expected} submitted, ${stored} stored, ${galleryEmails.length} gallery emails and ${acknowledgements.length} acknowledgements delivered, ${subjects.length - new Set(subjects).size} duplicates`,
    );
  }
  database.close();
  console.log(
    `  outbox drained ${drainedSeconds.toFixed(1)} s after the last submission; ${pending} personal emails still pending; ` +
      `the paced new-work mailing: ${bulkSent().toLocaleString("en-GB")} of ${ALERT_EMAILS.toLocaleString("en-GB")} sent by then`,
  );
  console.log(`  web process memory after the runs: ${server.residentMemoryMb().toFixed(0)} MiB resident`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      total: { type: "string", default: "2000" },
      "no-build": { type: "boolean", default: false },
      "cpu-prof": { type: "boolean", default: false },
    },
  });
  const cpuProfileDir = values["cpu-prof"] ? path.resolve("tmp/profiles", String(Date.now())) : undefined;
  const server = await startProductionServer("bench-enquiry", 3300, { reuseBuild: values["no-build"], cpuProfileDir });
  try {
    await benchEnquiries(server, Number(values.total));
  } finally {
    await server.stop();
  }
  if (cpuProfileDir) {
    for (const file of readdirSync(cpuProfileDir)) console.log(`\n${summariseProfile(path.join(cpuProfileDir, file))}`);
  }
}
