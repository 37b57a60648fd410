/**
 * The Node stack against the machine's limit: nginx serving the same artwork page from a file, and
 * the stack (nginx's micro-cache in front of two standalone processes) serving it, measured side by
 * side with wrk at 64 connections, with and without gzip, in alternating rounds after a warm-up.
 * Ratios, not absolute figures, are what compare across this shared machine.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { startStack } from "@/scripts/stack/start-stack";
import { residentMb, type BenchServer } from "./production-server";

const WORK = "/works/42-second-retreat-from-russia";
const ROUNDS = 3;

function wrk(url: string, gzip: boolean, seconds: number): number {
  const args = ["-t2", "-c64", `-d${seconds}s`, ...(gzip ? ["-H", "Accept-Encoding: gzip"] : []), url];
  const output = execFileSync("wrk", args).toString();
  return Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? 0);
}

function spread(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `${sorted[0]!.toFixed(0)}–${sorted[sorted.length - 1]!.toFixed(0)}`;
}

export async function benchStack(server: BenchServer): Promise<void> {
  try {
    execFileSync("wrk", ["--version"], { stdio: "ignore" });
  } catch (error) {
    // wrk prints its version and exits 1; only a missing binary matters.
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      console.log("\nNode stack: skipped (apt-get install -y wrk nginx-light libnginx-mod-http-brotli-static)");
      return;
    }
  }
  const root = path.resolve("tmp/bench-stack");
  rmSync(root, { recursive: true, force: true });
  mkdirSync(path.join(root, "files"), { recursive: true });
  // The same bytes the stack sends: the page as rendered, and its gzip copy for gzip_static.
  const page = Buffer.from(await (await fetch(`${server.baseUrl}${WORK}`)).arrayBuffer());
  writeFileSync(path.join(root, "files/page.html"), page);
  writeFileSync(path.join(root, "files/page.html.gz"), gzipSync(page, { level: 6 }));
  writeFileSync(
    path.join(root, "nginx-file.conf"),
    `worker_processes auto; pid ${root}/file.pid; error_log ${root}/file-error.log warn;
${process.getuid?.() === 0 ? "user root;" : ""}
events { worker_connections 4096; }
http { access_log off; sendfile on; tcp_nopush on; keepalive_requests 10000;
  client_body_temp_path ${root}/t1; proxy_temp_path ${root}/t2; fastcgi_temp_path ${root}/t3; uwsgi_temp_path ${root}/t4; scgi_temp_path ${root}/t5;
  server { listen 127.0.0.1:3390; location / { root ${root}/files; default_type text/html; gzip_static on; } } }`,
  );
  const fileServer = spawn(
    "nginx",
    ["-c", path.join(root, "nginx-file.conf"), "-e", path.join(root, "file-startup.log"), "-g", "daemon off;"],
    { stdio: "ignore" },
  );
  const stack = await startStack({
    port: 3380,
    runtimeDir: path.join(root, "stack"),
    env: { ...server.env, LOG_LEVEL: "warn" },
    log: () => undefined,
  });
  try {
    const fileUrl = "http://127.0.0.1:3390/page.html";
    const stackUrl = `${stack.url}${WORK}`;
    const webPids = stack.processes.filter((managed) => managed.name.startsWith("web-")).map((managed) => managed.child!.pid!);
    console.log(
      `\nNode stack (nginx + 2 standalone web processes + worker) vs nginx serving the same ${(page.length / 1024).toFixed(1)} KB from a file; wrk, 64 connections, ${ROUNDS} alternating rounds of 5 s after a 2 s warm-up each`,
    );
    console.log(`  Standalone web process at rest: ${webPids.map((pid) => `${residentMb(pid).toFixed(0)} MiB`).join(", ")} resident`);
    for (const gzip of [false, true]) {
      wrk(fileUrl, gzip, 2);
      wrk(stackUrl, gzip, 2);
      const files: number[] = [];
      const stacks: number[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        files.push(wrk(fileUrl, gzip, 5));
        stacks.push(wrk(stackUrl, gzip, 5));
      }
      const ratios = stacks.map((value, index) => (100 * value) / files[index]!);
      console.log(
        `  ${gzip ? "Accept-Encoding: gzip" : "no compression       "}  file ${spread(files)} req/s · stack ${spread(stacks)} req/s · stack/file ${spread(ratios)} % per round`,
      );
    }
    // nginx's cache absorbed most of the above: load each web process directly too, then see what it holds.
    for (const port of stack.webPorts) wrk(`http://127.0.0.1:${port}${WORK}`, true, 5);
    console.log(
      `  Standalone web process after the benchmark (and 5 s of wrk on each directly): ${webPids.map((pid) => `${residentMb(pid).toFixed(0)} MiB`).join(", ")} resident`,
    );
  } finally {
    await stack.stop();
    fileServer.kill("SIGQUIT");
  }
}
