import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { expect } from "@playwright/test";
import { appEnv, standaloneDir } from "./test-env";

const projectRoot = path.resolve(import.meta.dirname, "../../..");

/**
 * Another web process of the build this run serves (as `npm start` runs it), with some settings
 * changed: for what the main test server, configured once, cannot show. Ready when it answers.
 */
export async function startSecondWebProcess(
  port: number,
  settings: Record<string, string>,
): Promise<{ siteUrl: string; stop: () => void; child: ChildProcess; output: () => string }> {
  const siteUrl = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [path.join(standaloneDir, "warm-server.mjs")], {
    env: {
      ...process.env,
      ...appEnv,
      SITE_URL: siteUrl,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      GALLERY_ROOT: projectRoot,
      ...settings,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Kept for a test to read (what the process logged as it stopped); read, so the pipes never fill.
  const printed: Buffer[] = [];
  server.stdout.on("data", (chunk: Buffer) => printed.push(chunk));
  server.stderr.on("data", (chunk: Buffer) => printed.push(chunk));
  const stop = () => void server.kill("SIGTERM");
  try {
    await expect
      .poll(
        () =>
          fetch(`${siteUrl}/privacy`).then(
            (response) => response.status,
            () => 0,
          ),
        { timeout: 45_000 },
      )
      .toBe(200);
  } catch (error) {
    stop();
    throw error;
  }
  return { siteUrl, stop, child: server, output: () => Buffer.concat(printed).toString("utf8") };
}
