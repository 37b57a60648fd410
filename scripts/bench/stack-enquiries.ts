/**
 * Enquiries through the Node stack (nginx, two web processes, the outbox worker) at the rate a busy
 * day's peak could bring: 1,000 enquiries posted without JavaScript, 16 at a time, each collector from
 * an address of their own (the load generator binds 127.x.y.z, so nginx sees, and the limiter counts,
 * distinct clients; no forwarded header), each over a connection of its own, with a real SMTP server.
 * Three rounds after a warm-up, each followed by the outbox draining, and every email counted.
 *
 * Then where the tail comes from: while the rounds run, each process's CPU is sampled every 20 ms and
 * each web process writes a V8 CPU profile. The slowest 1 % of requests are set against the rest:
 * which process had the CPU while they waited, how much of it went to the web processes' garbage
 * collector, and how long the machine had runnable work it could not run (Linux's pressure stall
 * figures).
 *
 *   npm run bench:stack-enquiries [-- --count 1000 --rounds 3] [--no-build]   (also part of npm run bench)
 */
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { startStack } from "@/scripts/stack/start-stack";
import { ENQUIRY_ENDPOINT, formActionFields, noJavaScriptEnquiry } from "@/scripts/support/no-javascript-enquiry";
import {
  measureConcurrently,
  processCpuSeconds,
  processTree,
  startProductionServer,
  type BenchServer,
  type TimedRequest,
} from "./production-server";

const WORK_SLUG = "42-second-retreat-from-russia";
const CONCURRENCY = 16;
const SAMPLE_MS = 20;
const STACK_PORT = 3385;
// Enough for both web processes to have compiled the enquiry's path: after 300, the first round was still a fifth slower than the third.
const WARM_UP = 1000;

type PreparedEnquiry = { body: Uint8Array<ArrayBuffer>; contentType: string; localAddress: string };

/** A collector of their own: an address of their own (never 127.0.0.1, which the stack itself uses). */
function collectorAddress(network: number, index: number): string {
  return `127.${network}.${Math.floor(index / 254) % 256}.${(index % 254) + 1}`;
}

function post(
  url: string,
  enquiry: PreparedEnquiry,
  origin: string,
  extraHeaders: Record<string, string> = {},
): Promise<{ status: number; location: string; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      url,
      {
        method: "POST",
        agent: false,
        localAddress: enquiry.localAddress,
        headers: {
          "content-type": enquiry.contentType,
          "content-length": String(enquiry.body.byteLength),
          origin,
          referer: `${origin}/works/${WORK_SLUG}`,
          ...extraHeaders,
        },
        timeout: 30_000,
      },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, location: String(response.headers.location ?? ""), body }));
      },
    );
    outgoing.on("timeout", () => outgoing.destroy(new Error("timed out after 30 s")));
    outgoing.on("error", reject);
    outgoing.end(enquiry.body);
  });
}

/** Linux's CPU pressure: the microseconds some runnable task waited for a CPU (null where the kernel has no PSI). */
function cpuStallMicroseconds(): number | null {
  try {
    const total = /some .* total=(\d+)/.exec(readFileSync("/proc/pressure/cpu", "utf8"))?.[1];
    return total === undefined ? null : Number(total);
  } catch {
    return null;
  }
}

type Sample = { atNs: bigint; cpu: Record<string, number> };

/**
 * Each named process tree's CPU seconds every SAMPLE_MS, as a timeline to lay the requests over. The
 * trees are listed once, before: listing them takes a child process (pgrep), which every 20 ms held
 * the load generator's event loop and cut the rate it could send at to a quarter.
 */
function sampleCpu(pids: Record<string, number[]>) {
  const samples: Sample[] = [];
  const read = () => {
    const cpu: Record<string, number> = {};
    for (const [name, members] of Object.entries(pids)) cpu[name] = members.reduce((sum, pid) => sum + processCpuSeconds(pid), 0);
    cpu["load generator"] = (process.cpuUsage().user + process.cpuUsage().system) / 1e6;
    samples.push({ atNs: process.hrtime.bigint(), cpu });
  };
  read();
  const timer = setInterval(read, SAMPLE_MS);
  return {
    stop: () => {
      clearInterval(timer);
      read();
      return samples;
    },
  };
}

/** Each process's share of one core over the given intervals (each sample slice counted once). */
function cpuDuring(samples: Sample[], intervals: { from: bigint; to: bigint }[]): Record<string, number> {
  const used: Record<string, number> = {};
  let seconds = 0;
  for (let index = 1; index < samples.length; index += 1) {
    const before = samples[index - 1]!;
    const after = samples[index]!;
    if (!intervals.some((interval) => interval.from < after.atNs && interval.to > before.atNs)) continue;
    seconds += Number(after.atNs - before.atNs) / 1e9;
    for (const [name, value] of Object.entries(after.cpu)) used[name] = (used[name] ?? 0) + value - (before.cpu[name] ?? value);
  }
  return Object.fromEntries(Object.entries(used).map(([name, value]) => [name, seconds > 0 ? (100 * value) / seconds : 0]));
}

type CpuProfile = {
  nodes: { id: number; callFrame: { functionName: string; url: string } }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
};

/** A web process's profile as a timeline: each sample's time (monotonic ns, as process.hrtime) and what it was. */
function profileTimeline(file: string): { atNs: bigint; kind: "garbage collector" | "idle" | "running" }[] {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const kinds = new Map(
    profile.nodes.map((node) => [
      node.id,
      node.callFrame.functionName === "(garbage collector)"
        ? ("garbage collector" as const)
        : node.callFrame.functionName === "(idle)"
          ? ("idle" as const)
          : ("running" as const),
    ]),
  );
  let at = profile.startTime;
  return profile.samples.map((id, index) => {
    at += profile.timeDeltas[index] ?? 0;
    return { atNs: BigInt(Math.round(at)) * 1000n, kind: kinds.get(id) ?? "running" };
  });
}

export type StackEnquiryOptions = { count: number; rounds: number };

export async function benchStackEnquiries(server: BenchServer, options: StackEnquiryOptions): Promise<void> {
  const root = path.resolve("tmp/bench-stack-enquiries-run");
  rmSync(root, { recursive: true, force: true });
  const profileDir = path.join(root, "profiles");
  mkdirSync(profileDir, { recursive: true });
  const siteUrl = `http://127.0.0.1:${STACK_PORT}`;
  // The bench server's own web process and worker would take CPU and claim emails: stopped meanwhile.
  const resumeServer = server.pause();
  const database = new Database(server.databasePath, { readonly: true });
  const rounds: { perSecond: number; p50: number; p90: number; p99: number; max: number; stalledPercent: number | null }[] = [];
  const posted: TimedRequest[] = [];
  const profiledRequests: TimedRequest[] = [];
  const domains: { domain: string; count: number }[] = [];
  let samples: Sample[] = [];
  const run = Date.now().toString(36);
  let network = 100;
  try {
    const pendingFor = (domain: string) =>
      (
        database
          .prepare(
            `SELECT COUNT(*) AS n FROM "OutboxEmail" o JOIN "Enquiry" e ON e."id" = o."enquiryId" WHERE e."email" LIKE ? AND o."status" IN ('pending','sending')`,
          )
          .get(`%@${domain}`) as { n: number }
      ).n;
    const drained = async (domain: string) => {
      for (const deadline = Date.now() + 120_000; pendingFor(domain) > 0 && Date.now() < deadline;)
        await new Promise((resolve) => setTimeout(resolve, 250));
    };

    /** A stack of its own for each phase: the measured rounds without a profiler, then one round with it. */
    const onStack = async (
      profiling: boolean,
      phase: (
        round: (domain: string, count: number, keep: TimedRequest[] | null) => ReturnType<typeof measure>,
        pids: () => Record<string, number[]>,
      ) => Promise<void>,
    ) => {
      const stack = await startStack({
        port: STACK_PORT,
        runtimeDir: path.join(root, "stack"),
        env: { ...server.env, SITE_URL: siteUrl, LOG_LEVEL: "warn" },
        // Kept for a person to read after a failed run: each process's output, a restart, a health check's kill.
        log: (line: string) => appendFileSync(path.join(root, "stack.log"), `${new Date().toISOString()} ${line}\n`),
        extraWebNodeFlags: profiling ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [],
      });
      try {
        const fields = await formActionFields(`${siteUrl}/works/${WORK_SLUG}`);
        const round = (domain: string, count: number, keep: TimedRequest[] | null) => measure(fields, domain, (network += 1), count, keep);
        const warmUp = `warm-up-${network}-${run}.stack.bench.test`;
        await round(warmUp, WARM_UP, null);
        await drained(warmUp);
        await phase(round, () =>
          Object.fromEntries(stack.processes.map((managed) => [managed.name, processTree(managed.child?.pid)] as const)),
        );
      } finally {
        // The web processes write their profiles as they stop.
        await stack.stop();
      }
    };

    const measure = async (fields: Record<string, string>, domain: string, network: number, count: number, keep: TimedRequest[] | null) => {
      const secret = server.env.FORM_SIGNING_SECRET!;
      const enquiries = await Promise.all(
        Array.from({ length: count }, async (_, index): Promise<PreparedEnquiry> => {
          const encoded = new Response(
            noJavaScriptEnquiry(fields, secret, {
              artworkSlug: WORK_SLUG,
              name: `Stack Collector ${index}`,
              email: `collector-${index}@${domain}`,
              message: `Enquiry ${index} through the stack: is the drawing still available?`,
              questions: index % 4 === 0 ? ["price_availability", "viewing"] : ["price_availability"],
            }),
          );
          return {
            body: new Uint8Array(await encoded.arrayBuffer()),
            contentType: encoded.headers.get("content-type")!,
            localAddress: collectorAddress(network, index),
          };
        }),
      );
      const stallBefore = cpuStallMicroseconds();
      const measured = await measureConcurrently(count, CONCURRENCY, async (index) => {
        const answer = await post(`${siteUrl}${ENQUIRY_ENDPOINT}`, enquiries[index]!, siteUrl);
        if (answer.status !== 303 || !/reference=ENQ-\d{4}-\d{6}/.test(answer.location)) {
          // The 307 back to the form says nothing of why: the same post asking for JSON does.
          const reason = await post(`${siteUrl}${ENQUIRY_ENDPOINT}`, enquiries[index]!, siteUrl, { accept: "application/json" });
          throw new Error(`Enquiry ${index} of ${domain} was answered HTTP ${answer.status} ${answer.location}: ${reason.body}`);
        }
      });
      const stallAfter = cpuStallMicroseconds();
      keep?.push(...measured.requests);
      domains.push({ domain, count });
      return {
        ...measured,
        stalledPercent: stallBefore === null || stallAfter === null ? null : (100 * (stallAfter - stallBefore)) / 1e6 / measured.seconds,
      };
    };

    await onStack(false, async (round, pids) => {
      for (let index = 0; index < options.rounds; index += 1) {
        const domain = `round-${index + 1}-${run}.stack.bench.test`;
        const sampler = sampleCpu({ ...pids(), "SMTP server": server.mailServerPids() });
        rounds.push(await round(domain, options.count, posted));
        samples = samples.concat(sampler.stop());
        // Each round starts with the outbox empty: none pays for sending the one before.
        await drained(domain);
      }
    });
    await onStack(true, async (round) => {
      const domain = `profiled-${run}.stack.bench.test`;
      await round(domain, options.count, profiledRequests);
      await drained(domain);
    });
  } finally {
    database.close();
    resumeServer();
  }

  console.log(
    `\nEnquiries through the Node stack (nginx, 2 web processes, the worker; a real SMTP server): ${options.count} per round without JavaScript, ${CONCURRENCY} at a time, each collector from an address of their own over a connection of their own; ${options.rounds} rounds after a ${WARM_UP}-enquiry warm-up`,
  );
  for (const [index, result] of rounds.entries()) {
    console.log(
      `  round ${index + 1}: ${result.perSecond.toFixed(0)}/s, p50 ${result.p50.toFixed(0)} ms, p90 ${result.p90.toFixed(0)} ms, p99 ${result.p99.toFixed(0)} ms, slowest ${result.max.toFixed(0)} ms` +
        (result.stalledPercent === null ? "" : `; runnable work waiting for a CPU ${result.stalledPercent.toFixed(0)} % of the time`),
    );
  }
  const spread = (values: number[], digits = 0) => `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;
  console.log(
    `  spread over the rounds: ${spread(rounds.map((result) => result.perSecond))}/s, p50 ${spread(rounds.map((result) => result.p50))} ms, p99 ${spread(rounds.map((result) => result.p99))} ms (goal: p99 under 150 ms at 200/s or more)`,
  );

  const messages = server.mail();
  for (const { domain, count } of domains.filter((entry) => !entry.domain.startsWith("warm-up"))) {
    const galleryEmails = messages.filter(
      (message) => message.to.includes(server.env.GALLERY_EMAIL!) && message.replyTo.endsWith(`@${domain}`),
    );
    const acknowledgements = messages.filter((message) => message.to.some((address) => address.endsWith(`@${domain}`)));
    const subjects = galleryEmails.map((message) => message.subject);
    console.log(
      `  ${domain}: ${count} answered with a reference; ${galleryEmails.length} gallery emails and ${acknowledgements.length} acknowledgements delivered, ${subjects.length - new Set(subjects).size} sent twice`,
    );
  }

  // The tail: the slowest 1 % of all rounds' requests against the rest.
  const byLatency = [...posted].sort((a, b) => b.milliseconds - a.milliseconds);
  const tail = byLatency.slice(0, Math.max(1, Math.ceil(byLatency.length / 100)));
  const rest = byLatency.slice(tail.length);
  const intervals = (requests: TimedRequest[]) => requests.map((request) => ({ from: request.startedNs, to: request.endedNs }));
  const describe = (shares: Record<string, number>) =>
    Object.entries(shares)
      .sort(([, a], [, b]) => b - a)
      .map(([name, percent]) => `${name} ${percent.toFixed(0)}%`)
      .join(", ");
  console.log(
    `  Where the slowest 1 % (${tail.length} requests, ${tail[tail.length - 1]!.milliseconds.toFixed(0)}–${tail[0]!.milliseconds.toFixed(0)} ms) waited, against the rest; CPU as a share of one core, sampled every ${SAMPLE_MS} ms:`,
  );
  console.log(`    during the slowest: ${describe(cpuDuring(samples, intervals(tail)))}`);
  console.log(`    during the rest:    ${describe(cpuDuring(samples, intervals(rest)))}`);

  const timelines = readdirSync(profileDir)
    .filter((file) => file.endsWith(".cpuprofile"))
    .map((file) => profileTimeline(path.join(profileDir, file)));
  if (timelines.length === 0) {
    console.log("    (the web processes wrote no CPU profile)");
    return;
  }
  const profileShares = (requests: TimedRequest[]) => {
    const counts = { "garbage collector": 0, idle: 0, running: 0 };
    for (const timeline of timelines)
      for (const sample of timeline)
        if (requests.some((request) => sample.atNs >= request.startedNs && sample.atNs <= request.endedNs)) counts[sample.kind] += 1;
    const total = counts["garbage collector"] + counts.idle + counts.running || 1;
    return `garbage collector ${((100 * counts["garbage collector"]) / total).toFixed(1)} %, JavaScript and native ${((100 * counts.running) / total).toFixed(0)} %, idle ${((100 * counts.idle) / total).toFixed(0)} %`;
  };
  const profiled = [...profiledRequests].sort((a, b) => b.milliseconds - a.milliseconds);
  const profiledTail = profiled.slice(0, Math.max(1, Math.ceil(profiled.length / 100)));
  console.log(
    `    a further round with the web processes profiled (V8 --cpu-prof; its own figures: p50 ${profiled[Math.floor(profiled.length / 2)]!.milliseconds.toFixed(0)} ms, p99 ${profiledTail[profiledTail.length - 1]!.milliseconds.toFixed(0)} ms), their samples while requests were open:`,
  );
  console.log(`      the slowest 1 %: ${profileShares(profiledTail)}`);
  console.log(`      the rest:        ${profileShares(profiled.slice(profiledTail.length).filter((_, index) => index % 10 === 0))}`);
  console.log(
    `      (the profiles: ${path.relative(process.cwd(), profileDir)}; npx tsx scripts/bench/profile-summary.ts FILE names the functions)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      count: { type: "string", default: "1000" },
      rounds: { type: "string", default: "3" },
      "no-build": { type: "boolean", default: false },
    },
  });
  const server = await startProductionServer("bench-stack-enquiries", 3304, { reuseBuild: values["no-build"] });
  try {
    await benchStackEnquiries(server, { count: Number(values.count), rounds: Number(values.rounds) });
  } finally {
    await server.stop();
  }
}
