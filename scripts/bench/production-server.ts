/**
 * A production build of the gallery on loopback, with its own database and a real SMTP server
 * (in this process) that records every message: the setting the benchmarks measure.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { WEB_PROCESS_NODE_FLAGS } from "@/scripts/stack/start-stack";
import { startMailCatcher, type MailCatcher } from "@/tests/support/mail-catcher";

export type BenchServer = {
  baseUrl: string;
  env: NodeJS.ProcessEnv;
  mail: MailCatcher;
  databasePath: string;
  residentMemoryMb: () => number;
  stop: () => Promise<void>;
};

export async function startProductionServer(name: string, port: number): Promise<BenchServer> {
  const root = path.resolve("tmp", name);
  rmSync(root, { recursive: true, force: true });
  const mail = await startMailCatcher();
  const databasePath = path.join(root, "gallery.db");
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
    SMTP_PORT: String(mail.port),
    SMTP_IGNORE_TLS: "true",
    FORM_SIGNING_SECRET: "bench-form-signing-secret-0123456789abcdef",
    CRON_SECRET: "bench-cron-secret-0123456789",
    BETTER_AUTH_SECRET: "bench-better-auth-secret-0123456789abcdef",
    OUTBOX_SWEEP_INTERVAL_SECONDS: "2",
    // The benchmark plays a thousand collectors arriving through a proxy, each from its own address.
    TRUST_PROXY_HEADERS: "true",
    MAIL_DROP_DIR: path.join(root, "mail-drop"),
  };
  process.stdout.write(`Building a production server (${name})… `);
  try {
    execFileSync("npm", ["run", "build"], { env, stdio: "pipe" });
  } catch (error) {
    const output = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`The production build failed:\n${output.stdout?.toString().slice(-3000)}${output.stderr?.toString().slice(-3000)}`);
  }
  console.log("done");
  // The standalone server, as `npm start` and the stack run it.
  const server: ChildProcess = spawn(process.execPath, [...WEB_PROCESS_NODE_FLAGS, path.resolve(".next/standalone/server.js")], {
    env: { ...env, PORT: String(port), HOSTNAME: "127.0.0.1", GALLERY_ROOT: process.cwd() },
    stdio: "ignore",
  });
  for (let tries = 0; ; tries += 1) {
    try {
      if ((await fetch(`${baseUrl}/`)).ok) break;
    } catch {
      if (tries > 100) throw new Error("The production server did not start");
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    baseUrl,
    env,
    mail,
    databasePath,
    residentMemoryMb: () => {
      // Should the server run in a child process, the whole tree's largest member is measured.
      let children: number[] = [];
      try {
        children = execFileSync("pgrep", ["-P", String(server.pid)]).toString().split(/\s+/).filter(Boolean).map(Number);
      } catch {
        // pgrep exits 1 when the server has no child process: then the server itself is measured.
      }
      const pids = [server.pid!, ...children];
      return Math.max(
        ...pids.map((pid) => {
          const status = readFileSync(`/proc/${pid}/status`, "utf8");
          return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
        }),
      );
    },
    stop: async () => {
      server.kill("SIGTERM");
      await new Promise((resolve) => server.once("exit", resolve));
      await mail.close();
    },
  };
}

export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}
