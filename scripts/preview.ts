/**
 * `npm run preview`: the real production build on this machine, with nothing to configure.
 * Generates the secrets (kept in data/preview/secrets.json, so staff sessions survive a restart),
 * starts a local mail server that keeps every email as a file, builds with the production settings
 * and serves the standalone server on PORT (default 3000), or with `-- --stack` the whole Node
 * stack (nginx, two web processes, the outbox worker). Its data lives in data/preview/, apart from
 * the development database.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { serverEnv } from "@/lib/env";
import { messageFileWriter, startMailCatcher } from "@/scripts/support/mail-catcher";
import { startStack } from "./stack/start-stack";
import { WEB_PROCESS_NODE_FLAGS } from "./stack/node-process-flags";

const { values } = parseArgs({ options: { stack: { type: "boolean", default: false }, "no-build": { type: "boolean", default: false } } });
const projectRoot = path.resolve(import.meta.dirname, "..");
const folder = path.join(projectRoot, "data/preview");
const mailFolder = path.join(folder, "mail");
mkdirSync(mailFolder, { recursive: true });

const secretsFile = path.join(folder, "secrets.json");
if (!existsSync(secretsFile)) {
  const secret = () => randomBytes(32).toString("hex");
  writeFileSync(
    secretsFile,
    JSON.stringify({ FORM_SIGNING_SECRET: secret(), CRON_SECRET: secret(), BETTER_AUTH_SECRET: secret() }, null, 2),
    { mode: 0o600 },
  );
}
const secrets = JSON.parse(readFileSync(secretsFile, "utf8")) as Record<string, string>;

const keep = messageFileWriter(mailFolder);
const mail = await startMailCatcher({
  port: 0,
  onMessage: (message) => {
    const file = keep(message);
    console.log(`[mail] "${message.subject}" to ${message.to.join(", ")} — kept in ${path.relative(projectRoot, file)}`);
  },
});

const port = serverEnv().PORT;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  GALLERY_ROOT: projectRoot,
  SITE_URL: `http://localhost:${port}`,
  DATABASE_URL: `file:${path.join(folder, "gallery.db")}`,
  UPLOAD_DIR: path.join(folder, "uploads"),
  MAIL_DROP_DIR: path.join(folder, "mail-drop"),
  GALLERY_EMAIL: "enquiries@gallery.localhost",
  MAIL_FROM: "website@gallery.localhost",
  SMTP_HOST: "127.0.0.1",
  SMTP_PORT: String(mail.port),
  SMTP_IGNORE_TLS: "true",
  ...secrets,
};

if (!values["no-build"]) {
  console.log("[preview] Building the production site (about a minute)…");
  const build = spawnSync("npm", ["run", "build"], { cwd: projectRoot, env, stdio: "inherit" });
  if (build.status !== 0) {
    await mail.close();
    process.exit(build.status ?? 1);
  }
}

const staffHint = `DATABASE_URL=file:data/preview/gallery.db npm run staff:create -- --email you@gallery.example --name "Your Name"`;
if (values.stack) {
  let stack;
  try {
    stack = await startStack({ port, runtimeDir: path.join(folder, "stack"), env });
  } catch (error) {
    // No build, no nginx, a port in use: say which, and leave nothing running.
    console.error(`[preview] ${error instanceof Error ? error.message : error}`);
    await mail.close();
    process.exit(1);
  }
  console.log(`[preview] The gallery runs at http://localhost:${port} through nginx, two web processes and the outbox worker.`);
  console.log(`[preview] Emails go to a local mail server and are kept in data/preview/mail. A staff account: ${staffHint}`);
  const stop = () => void Promise.all([stack.stop(), mail.close()]).then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} else {
  const server = spawn(process.execPath, [...WEB_PROCESS_NODE_FLAGS, path.join(projectRoot, ".next/standalone/warm-server.mjs")], {
    cwd: projectRoot,
    env: { ...env, PORT: String(port), HOSTNAME: "127.0.0.1" },
    stdio: "inherit",
  });
  console.log(`[preview] The gallery runs at http://localhost:${port} (production build). Emails are kept in data/preview/mail.`);
  console.log(`[preview] A staff account: ${staffHint}`);
  const stop = () => {
    server.kill("SIGTERM");
    void mail.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code) => void mail.close().then(() => process.exit(code ?? 0)));
}
