/**
 * `npm run start:stack`: the production stack on one machine, as deploy/ installs it on a server.
 * - nginx on PORT: static files and their .br/.gz copies from disk, public pages micro-cached;
 * - two Next.js standalone processes on PORT+1 and PORT+2, sharing the SQLite file (WAL) and the
 *   page cache, with OUTBOX_DELIVERY=worker: they store emails and answer at once;
 * - the outbox worker, which sends the emails.
 * Each process is restarted alone if it stops; Ctrl-C (or SIGTERM) stops them all. It serves an
 * existing build (`npm run build` with the production settings, or `npm run preview -- --stack`).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { serverEnvOrExit } from "@/lib/env";
import { renderNginxConfig } from "./nginx-config";
import { WEB_PROCESS_NODE_FLAGS, WORKER_SCRIPT_ARGS, WORKER_PROCESS_NODE_FLAGS } from "./node-process-flags";

const projectRoot = path.resolve(import.meta.dirname, "../..");

const standaloneServer = path.join(projectRoot, ".next/standalone/warm-server.mjs");

type Managed = {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  child?: ChildProcess;
  restarts: number;
  /** A web process's own port, where its health is asked. */
  port?: number;
  /** Whether the current child has answered since it was started (a process warming up is not judged). */
  answered?: boolean;
  silentChecks?: number;
};

/**
 * How the stack watches its web processes: one that is running but does not answer (stuck in a loop,
 * stopped, out of memory and thrashing) is killed after `failuresBeforeRestart` checks in a row without
 * an answer, and started again. Any answer counts, a 503 too: a database that is down is not cured by
 * a restart.
 */
export type HealthWatch = { intervalMs: number; timeoutMs: number; failuresBeforeRestart: number };

export const DEFAULT_HEALTH_WATCH: HealthWatch = { intervalMs: 5_000, timeoutMs: 4_000, failuresBeforeRestart: 3 };

export type StackOptions = {
  port: number;
  runtimeDir: string;
  env: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  healthWatch?: HealthWatch;
  /** Node flags the web processes get besides their own (a benchmark's --cpu-prof or --trace-gc). */
  extraWebNodeFlags?: string[];
};

export type RunningStack = {
  url: string;
  webPorts: number[];
  processes: Managed[];
  restart: (name: string) => void;
  stop: () => Promise<void>;
};

async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", () => reject(new Error(`Port ${port} is in use: stop what listens there, or choose another PORT.`)));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url, { redirect: "manual" });
      await response.arrayBuffer();
      if (response.status < 500) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Whether `url` gives its whole answer (body included; any status) within `timeoutMs`: a process
 * stopped after sending its headers does not. Never rejects: the body's timeout once escaped as an
 * unhandled rejection, which ends the supervisor itself (seen in CI when a web process was stopped
 * mid-answer).
 */
export function answersWithin(url: string, timeoutMs: number): Promise<boolean> {
  return fetch(url, { signal: AbortSignal.timeout(timeoutMs) })
    .then((response) => response.arrayBuffer())
    .then(
      () => true,
      () => false,
    );
}

export async function startStack(options: StackOptions): Promise<RunningStack> {
  if (!existsSync(standaloneServer)) {
    throw new Error(
      "No production build: run `npm run build` with the production settings first (or `npm run preview -- --stack` to try it with none).",
    );
  }
  if (spawnSync("nginx", ["-v"]).error)
    throw new Error("nginx is not installed: apt-get install -y nginx-light (and libnginx-mod-http-brotli-static for brotli).");
  const log = options.log ?? ((line: string) => console.log(line));
  const webPorts = [options.port + 1, options.port + 2];
  for (const port of [options.port, ...webPorts]) await assertPortFree(port);
  rmSync(options.runtimeDir, { recursive: true, force: true });
  mkdirSync(options.runtimeDir, { recursive: true });
  const configPath = path.join(options.runtimeDir, "nginx.conf");
  writeFileSync(
    configPath,
    renderNginxConfig({
      listen: `127.0.0.1:${options.port}`,
      serverName: new URL(options.env.SITE_URL ?? `http://127.0.0.1:${options.port}`).hostname,
      projectRoot,
      runtimeDir: options.runtimeDir,
      upstreams: webPorts.map((port) => `127.0.0.1:${port}`),
      // Started as root (as in CI), nginx must be told whom its workers run as; this trial's own user reads the build.
      user: process.getuid?.() === 0 ? os.userInfo().username : undefined,
    }),
  );

  const shared = { ...options.env, GALLERY_ROOT: projectRoot, OUTBOX_DELIVERY: "worker", NEXT_TELEMETRY_DISABLED: "1" };
  const processes: Managed[] = [
    ...webPorts.map((port, index) => ({
      name: `web-${index + 1}`,
      command: process.execPath,
      args: [...WEB_PROCESS_NODE_FLAGS, ...(options.extraWebNodeFlags ?? []), standaloneServer],
      // nginx (on this machine) replaces X-Forwarded-For with the client's address: its word is believed.
      env: { ...shared, PORT: String(port), HOSTNAME: "127.0.0.1", TRUSTED_PROXIES: "loopback" },
      restarts: 0,
      port,
    })),
    {
      name: "worker",
      // Below the web processes (as the systemd unit's Nice=10): an email can wait a moment, a collector should not.
      command: "nice",
      args: ["-n", "10", process.execPath, ...WORKER_PROCESS_NODE_FLAGS, ...WORKER_SCRIPT_ARGS],
      env: shared,
      restarts: 0,
    },
    {
      name: "nginx",
      command: "nginx",
      args: ["-c", configPath, "-e", path.join(options.runtimeDir, "nginx-startup.log"), "-g", "daemon off;"],
      env: shared,
      restarts: 0,
    },
  ];

  let stopping = false;
  const launch = (managed: Managed) => {
    const child = spawn(managed.command, managed.args, { cwd: projectRoot, env: managed.env, stdio: ["ignore", "pipe", "pipe"] });
    managed.child = child;
    managed.answered = false;
    managed.silentChecks = 0;
    const relay = (chunk: Buffer) => {
      for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) log(`[${managed.name}] ${line}`);
    };
    child.stdout?.on("data", relay);
    child.stderr?.on("data", relay);
    child.on("exit", (code, signal) => {
      if (stopping || managed.child !== child) return;
      managed.restarts += 1;
      log(`[stack] ${managed.name} stopped (${signal ?? `exit ${code}`}); restarting it in 1 s`);
      setTimeout(() => {
        if (!stopping) launch(managed);
      }, 1000);
    });
  };
  processes.forEach(launch);

  /** Asks a process to finish what it is doing (nginx: SIGQUIT, the others: SIGTERM); after 10 s, it is killed. */
  const terminate = (managed: Managed) =>
    new Promise<void>((resolve) => {
      const child = managed.child;
      if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
      const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
      child.once("exit", () => {
        clearTimeout(force);
        resolve();
      });
      child.kill(managed.name === "nginx" ? "SIGQUIT" : "SIGTERM");
    });

  const watch = options.healthWatch ?? DEFAULT_HEALTH_WATCH;
  const checkHealth = async (managed: Managed) => {
    const child = managed.child;
    if (stopping || !child || child.exitCode !== null || child.signalCode !== null) return;
    const answered = await answersWithin(`http://127.0.0.1:${managed.port}/api/health`, watch.timeoutMs);
    if (managed.child !== child || stopping) return;
    if (answered) {
      managed.answered = true;
      managed.silentChecks = 0;
      return;
    }
    if (!managed.answered) return;
    managed.silentChecks = (managed.silentChecks ?? 0) + 1;
    if (managed.silentChecks >= watch.failuresBeforeRestart) {
      log(`[stack] ${managed.name} has not answered its health check ${managed.silentChecks} times in a row; killing it`);
      // Not SIGTERM: a process that does not answer may not act on it either. Its exit restarts it.
      child.kill("SIGKILL");
    }
  };
  const healthTimer = setInterval(() => {
    for (const managed of processes) if (managed.port !== undefined) void checkHealth(managed);
  }, watch.intervalMs);
  healthTimer.unref();

  const stop = async () => {
    stopping = true;
    clearInterval(healthTimer);
    await Promise.all(processes.map(terminate));
  };

  try {
    for (const port of webPorts) await waitForHttp(`http://127.0.0.1:${port}/`, 60_000);
    await waitForHttp(`http://127.0.0.1:${options.port}/`, 20_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: `http://127.0.0.1:${options.port}`,
    webPorts,
    processes,
    // Stopped as the supervisor would find it stopped: it is then started again on its own.
    restart: (name) => {
      const managed = processes.find((candidate) => candidate.name === name);
      if (managed) void terminate(managed);
    },
    stop,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const env = serverEnvOrExit();
  try {
    const stack = await startStack({ port: env.PORT, runtimeDir: path.join(projectRoot, "data/stack"), env: process.env });
    console.log(
      `[stack] The gallery is served by nginx at ${stack.url} (web processes on ${stack.webPorts.join(" and ")}, outbox worker running). Ctrl-C stops it.`,
    );
    const shutdown = () => void stack.stop().then(() => process.exit(0));
    process.on("SIGINT", shutdown);
    process.on("SIGTERM", shutdown);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
