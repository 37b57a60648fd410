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
import { WEB_PROCESS_NODE_FLAGS } from "./web-process-flags";

const projectRoot = path.resolve(import.meta.dirname, "../..");

const standaloneServer = path.join(projectRoot, ".next/standalone/warm-server.mjs");

type Managed = { name: string; command: string; args: string[]; env: NodeJS.ProcessEnv; child?: ChildProcess; restarts: number };

export type StackOptions = { port: number; runtimeDir: string; env: NodeJS.ProcessEnv; log?: (line: string) => void };

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
      args: [...WEB_PROCESS_NODE_FLAGS, standaloneServer],
      // nginx (on this machine) replaces X-Forwarded-For with the client's address: its word is believed.
      env: { ...shared, PORT: String(port), HOSTNAME: "127.0.0.1", TRUSTED_PROXIES: "loopback" },
      restarts: 0,
    })),
    {
      name: "worker",
      // Below the web processes (as the systemd unit's Nice=10): an email can wait a moment, a collector should not.
      command: "nice",
      args: [
        "-n",
        "10",
        path.join(projectRoot, "node_modules/.bin/tsx"),
        "--conditions=react-server",
        path.join(projectRoot, "scripts/outbox-worker.ts"),
      ],
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

  const stop = async () => {
    stopping = true;
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
