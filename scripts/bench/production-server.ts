/**
 * A production build of the gallery on loopback, with its own database, the outbox worker (the
 * Node stack's arrangement: the web process stores emails, the worker sends them) and a real SMTP
 * server in a process of its own: the setting the benchmarks measure.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { get } from "node:http";
import { connect } from "node:net";
import Database from "better-sqlite3";
import { WEB_PROCESS_NODE_FLAGS, WORKER_PROCESS_NODE_FLAGS, WORKER_SCRIPT_ARGS } from "@/scripts/stack/node-process-flags";
import { generateCatalogue } from "./generate-catalogue";
import type { SinkRecord } from "./smtp-sink";

export type BenchServer = {
  baseUrl: string;
  env: NodeJS.ProcessEnv;
  /** Every message the SMTP server has accepted so far. */
  mail: () => SinkRecord[];
  databasePath: string;
  /** CPU seconds used so far by each process of the server. */
  cpuSeconds: () => { web: number; worker: number; mail: number };
  residentMemoryMb: () => number;
  /**
   * Stops the web process and the worker (SIGSTOP; the SMTP server goes on) while another arrangement
   * is measured on the same database and mail server; the function it returns lets them go on.
   */
  pause: () => () => void;
  /** The SMTP server's processes (tsx runs it in a child). */
  mailServerPids: () => number[];
  /** How long `npm run build` took, when this run built. */
  buildSeconds: number | null;
  /** The first artwork page served after the server process started, asked for as soon as its port opened. */
  firstArtworkMs: number;
  stop: () => Promise<void>;
};

export type ProductionServerOptions = {
  /** Reuse the build in .next (made by an earlier bench run with the same settings). */
  reuseBuild?: boolean;
  /** Write a V8 CPU profile of the web process into this folder when it stops. */
  cpuProfileDir?: string;
  /** Add a generated catalogue of this many works (in 40 sections) before building. */
  generatedWorks?: number;
};

const TSX = path.resolve("node_modules/.bin/tsx");

/** utime + stime of a process, in seconds (Linux /proc; clock ticks are 100 per second here). */
export function processCpuSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** A process and all its descendants. */
export function processTree(pid: number | undefined): number[] {
  if (!pid) return [];
  let children: number[] = [];
  try {
    children = execFileSync("pgrep", ["-P", String(pid)])
      .toString()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    // pgrep exits 1 when there are none
  }
  return [pid, ...children.flatMap(processTree)];
}

/** A process's resident memory in MiB (0 once it is gone). */
export function residentMb(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** A process's resident memory with its descendants' (nginx's workers, tsx's node). */
export function treeResidentMb(pid: number | undefined): number {
  return processTree(pid).reduce((sum, member) => sum + residentMb(member), 0);
}

/** A GET timed to its last byte with node:http, whose first use costs nothing (fetch's does, in this process). */
function timedGet(url: string): Promise<{ status: number; milliseconds: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    get(url, (response) => {
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode ?? 0, milliseconds: performance.now() - started }));
    }).on("error", reject);
  });
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1", () => {
      socket.end();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}

async function waitFor(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let tries = 0; tries < 150; tries += 1) {
    try {
      if (await check()) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what} did not start`);
}

export async function startProductionServer(name: string, port: number, options: ProductionServerOptions = {}): Promise<BenchServer> {
  const root = path.resolve("tmp", name);
  const databasePath = path.join(root, "gallery.db");
  // The build's pre-rendered pages and cached reads name the rows of the database it was made with.
  // Reused with another benchmark's database (bench:stack-enquiries on the soak's build), the enquiries ran
  // at 131/s falling to 51/s over four rounds, against 415-474/s on its own build with --no-build: so a
  // build says which database it was made with, and --no-build checks.
  const builtFor = path.resolve(".next/bench-database");
  const buildId = path.resolve(".next/BUILD_ID");
  const buildStamp = () => `${databasePath} ${readFileSync(buildId, "utf8").trim()}`;
  if (options.reuseBuild) {
    const stamp = existsSync(builtFor) && existsSync(buildId) ? readFileSync(builtFor, "utf8") : null;
    if (stamp === null || stamp !== buildStamp() || !existsSync(databasePath)) {
      throw new Error(
        `--no-build: the build in .next was not made with ${databasePath} (it says: ${stamp ?? "nothing"}); run once without --no-build`,
      );
    }
    // The build's cached catalogue names this database's rows: keep it, and clear what a run adds.
    const database = new Database(databasePath);
    database.exec(`DELETE FROM "OutboxEmail"; DELETE FROM "Enquiry"; DELETE FROM "RateLimiterFlexible";`);
    database.close();
  } else {
    rmSync(root, { recursive: true, force: true });
  }
  mkdirSync(root, { recursive: true });
  const mailLog = path.join(root, "mail.jsonl");
  const smtpPort = port + 100;
  for (const taken of [port, smtpPort]) {
    if (await portOpen(taken)) throw new Error(`Port ${taken} is taken (a server left from an earlier run?): stop it first`);
  }
  const mailServer = spawn(TSX, [path.resolve("scripts/bench/smtp-sink.ts"), "--port", String(smtpPort), "--log", mailLog], {
    stdio: "ignore",
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
    LOG_LEVEL: "warn",
    DATABASE_URL: `file:${databasePath}`,
    SITE_URL: baseUrl,
    GALLERY_EMAIL: "enquiries@bench.test",
    MAIL_FROM: "website@bench.test",
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(smtpPort),
    SMTP_IGNORE_TLS: "true",
    FORM_SIGNING_SECRET: "bench-form-signing-secret-0123456789abcdef",
    CRON_SECRET: "bench-cron-secret-0123456789",
    BETTER_AUTH_SECRET: "bench-better-auth-secret-0123456789abcdef",
    OUTBOX_DELIVERY: "worker",
    OUTBOX_WORKER_POLL_MS: "500",
    // The benchmark plays a thousand collectors arriving through a proxy, each from its own address.
    TRUSTED_PROXIES: "loopback",
    // Throughput is the point here: a real site would hold most of these as a flood.
    ENQUIRY_FLOOD_PER_MINUTE: "1000000",
    MAIL_DROP_DIR: path.join(root, "mail-drop"),
  };
  let buildSeconds: number | null = null;
  if (options.reuseBuild) {
    execFileSync("npm", ["run", "db:setup"], { env, stdio: "pipe" });
  } else {
    if (options.generatedWorks) {
      execFileSync("npm", ["run", "db:setup"], { env, stdio: "pipe" });
      generateCatalogue(databasePath, options.generatedWorks, 40);
    }
    process.stdout.write(
      `Building a production server (${name}${options.generatedWorks ? `, ${options.generatedWorks} generated works` : ""})… `,
    );
    const started = performance.now();
    try {
      execFileSync("npm", ["run", "build"], { env, stdio: "pipe", maxBuffer: 256 * 1024 * 1024 });
    } catch (error) {
      const output = error as { stdout?: Buffer; stderr?: Buffer };
      throw new Error(`The production build failed:\n${output.stdout?.toString().slice(-3000)}${output.stderr?.toString().slice(-3000)}`);
    }
    buildSeconds = (performance.now() - started) / 1000;
    writeFileSync(builtFor, buildStamp());
    console.log(`done in ${buildSeconds.toFixed(0)} s`);
  }
  const profileFlags = options.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  // The standalone server, as `npm start` and the stack run it.
  const server: ChildProcess = spawn(
    process.execPath,
    [...WEB_PROCESS_NODE_FLAGS, ...profileFlags, path.resolve(".next/standalone/warm-server.mjs")],
    {
      env: { ...env, PORT: String(port), HOSTNAME: "127.0.0.1", GALLERY_ROOT: process.cwd() },
      stdio: "ignore",
    },
  );
  // The worker at a lower priority, as the stack and the systemd unit run it: mail can wait a second, collectors should not.
  const worker: ChildProcess = spawn("nice", ["-n", "10", process.execPath, ...WORKER_PROCESS_NODE_FLAGS, ...WORKER_SCRIPT_ARGS], {
    env,
    stdio: "ignore",
  });
  // Cold start: the port is polled without a request, so the first request made is the artwork page's.
  await waitFor(() => portOpen(port), "The production server");
  const { status, milliseconds: firstArtworkMs } = await timedGet(`${baseUrl}/works/42-second-retreat-from-russia`);
  if (status !== 200) throw new Error(`The first artwork page answered ${status}`);
  await waitFor(async () => existsSync(mailLog), "The SMTP server");
  // A process's CPU is its whole tree's (nice execs node, which may start helpers).
  const treeCpu = (pid: number | undefined) => processTree(pid).reduce((sum, member) => sum + processCpuSeconds(member), 0);
  return {
    baseUrl,
    env,
    databasePath,
    mail: () =>
      readFileSync(mailLog, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as SinkRecord),
    cpuSeconds: () => ({ web: processCpuSeconds(server.pid), worker: treeCpu(worker.pid), mail: treeCpu(mailServer.pid) }),
    residentMemoryMb: () => residentMb(server.pid!),
    mailServerPids: () => processTree(mailServer.pid),
    pause: () => {
      const paused = [server, worker].flatMap((child) => processTree(child.pid));
      // Never stopped inside a write: a process stopped holding the database's write lock holds it until
      // it goes on, and every writer of the arrangement measured meanwhile waits 10 s, then fails
      // ("database is locked": twice in four runs of bench:stack-enquiries on 2026-12-07, each just after
      // the bench server had started; which of its processes held the lock was not seen).
      for (let attempt = 0; attempt < 200; attempt += 1) {
        signalEach(paused, "SIGSTOP");
        if (writeLockFree(databasePath)) return () => signalEach(paused, "SIGCONT");
        signalEach(paused, "SIGCONT");
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25);
      }
      throw new Error("The bench server held the database's write lock for 5 s: it could not be paused");
    },
    buildSeconds,
    firstArtworkMs,
    stop: async () => {
      // Each process with its children (tsx runs the script in a child, which must not outlive it):
      // asked to stop, then killed after 5 s. A process left behind would go on sending or serving.
      const pids = [server, worker, mailServer].flatMap((child) => processTree(child.pid));
      const running = () => pids.filter((pid) => existsSync(`/proc/${pid}`) && !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, "utf8")));
      signalEach(pids, "SIGTERM");
      for (let waited = 0; waited < 50 && running().length > 0; waited += 1) await new Promise((resolve) => setTimeout(resolve, 100));
      signalEach(pids, "SIGKILL");
    },
  };
}

/** Whether a writer could begin now (no process holds SQLite's write lock on the file). */
function writeLockFree(databasePath: string): boolean {
  const probe = new Database(databasePath, { timeout: 0 });
  try {
    probe.exec("BEGIN IMMEDIATE");
    probe.exec("ROLLBACK");
    return true;
  } catch {
    return false;
  } finally {
    probe.close();
  }
}

function signalEach(pids: number[], name: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, name);
    } catch {
      // already gone
    }
  }
}

export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

/** One request's interval on the monotonic clock (as process.hrtime, which V8's profiles also use). */
export type TimedRequest = { startedNs: bigint; endedNs: bigint; milliseconds: number };

/**
 * Runs `count` requests, `concurrency` at a time, and returns the rate, the latency percentiles and
 * each request's interval (to lay over other timelines: CPU samples, profiles).
 */
export async function measureConcurrently(count: number, concurrency: number, request: (index: number) => Promise<void>) {
  const requests: TimedRequest[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const index = next;
        next += 1;
        const startedNs = process.hrtime.bigint();
        await request(index);
        const endedNs = process.hrtime.bigint();
        requests.push({ startedNs, endedNs, milliseconds: Number(endedNs - startedNs) / 1e6 });
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const latencies = requests.map((timed) => timed.milliseconds).sort((a, b) => a - b);
  return {
    perSecond: count / seconds,
    seconds,
    p50: percentile(latencies, 0.5),
    p90: percentile(latencies, 0.9),
    p99: percentile(latencies, 0.99),
    max: latencies[latencies.length - 1] ?? 0,
    requests,
  };
}
