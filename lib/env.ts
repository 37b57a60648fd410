/**
 * The only reader of process.env. Everything is validated once, with defaults that let a
 * fresh clone run with nothing configured; production refuses to start without the settings
 * that would otherwise lose enquiries or sign forms with a guessable key.
 *
 * Not marked server-only: the Prisma CLI config and the command-line scripts import it too.
 */
import path from "node:path";
import { z } from "zod";
import proxyaddr from "proxy-addr";

const flag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((value) => value === "true" || value === "1");

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

const DEVELOPMENT_FORM_SECRET = "development-only-form-secret-not-for-production-use";
const DEVELOPMENT_AUTH_SECRET = "development-only-session-secret-not-for-production-use";

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: optionalText.refine((url) => !url || /^(file:|libsql:\/\/|https?:\/\/)/.test(url), {
      message: "must start with file: (a local SQLite file) or libsql:// (a hosted libSQL/Turso database)",
    }),
    // The hosted database's access token (Turso: `turso db tokens create <name>`); not used for file: URLs.
    DATABASE_AUTH_TOKEN: optionalText,
    SITE_URL: z.url().optional(),
    GALLERY_NAME: z.string().trim().min(1).default("Bracebridge Fine Art"),
    GALLERY_EMAIL: z.email().optional(),
    // Where viewings take place: the location of every viewing's calendar invitation, and in its email.
    GALLERY_ADDRESS: z.string().trim().max(300).default(""),
    // The gallery's own clock: viewing times are offered, shown and written in it.
    GALLERY_TIME_ZONE: z
      .string()
      .trim()
      .default("Europe/London")
      .refine((zone) => {
        try {
          new Intl.DateTimeFormat("en-GB", { timeZone: zone });
          return true;
        } catch {
          return false;
        }
      }, "must be an IANA time zone such as Europe/London or America/New_York"),
    MAIL_FROM: z.email().optional(),
    SMTP_HOST: optionalText,
    SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
    SMTP_USER: optionalText,
    SMTP_PASSWORD: optionalText,
    SMTP_SECURE: flag,
    // Only for a local test server without TLS; never set it for a real mail provider.
    SMTP_IGNORE_TLS: flag,
    SMTP_TIMEOUT_MS: z.coerce.number().int().min(500).max(60_000).default(5_000),
    MAIL_DROP_DIR: z.string().default("data/mail"),
    FORM_SIGNING_SECRET: optionalText,
    CRON_SECRET: optionalText,
    BETTER_AUTH_SECRET: optionalText,
    ENQUIRY_MIN_FILL_SECONDS: z.coerce.number().min(0).max(120).default(3),
    // Beyond this many enquiries a minute across the whole site (a flood from many addresses at once),
    // each further one is still stored, but held in spam for review, and staff see a notice.
    ENQUIRY_FLOOD_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(120),
    OUTBOX_SWEEP_INTERVAL_SECONDS: z.coerce.number().min(1).max(3600).default(30),
    OUTBOX_DISABLE_BACKGROUND_SWEEP: flag,
    // The proxies in front of the web processes whose X-Forwarded-For is believed (comma-separated
    // addresses, ranges such as 10.0.0.0/8, or loopback/linklocal/uniquelocal). Empty: none, the
    // socket's peer is the client. The Node stack sets loopback for its nginx. Ignored on Vercel.
    TRUSTED_PROXIES: z.string().default(""),
    // Replaced by TRUSTED_PROXIES: kept only to say so to an operator who still sets it.
    TRUST_PROXY_HEADERS: optionalText,
    UPLOAD_DIR: z.string().default("data/uploads"),
    // S3-compatible object storage for photographs (AWS S3, Cloudflare R2, MinIO, Backblaze B2…).
    // When S3_BUCKET is set photographs go there; otherwise to UPLOAD_DIR on the local disk.
    S3_BUCKET: optionalText,
    S3_REGION: z.string().trim().min(1).default("auto"),
    S3_ENDPOINT: z.url().optional(),
    S3_ACCESS_KEY_ID: optionalText,
    S3_SECRET_ACCESS_KEY: optionalText,
    S3_FORCE_PATH_STYLE: flag,
    S3_KEY_PREFIX: z.string().trim().default(""),
    // How long one request to the object store may take before it is given up (once more, then an error).
    S3_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
    // "after-response": each web process sends an enquiry's emails right after answering the collector.
    // "worker": web processes only store them; `npm run worker` sends them (the Node stack).
    OUTBOX_DELIVERY: z.enum(["after-response", "worker"]).default("after-response"),
    // How often `npm run worker` looks for emails to send.
    OUTBOX_WORKER_POLL_MS: z.coerce.number().int().min(100).max(60_000).default(1_000),
    // The gallery's mailbox, read for collectors' emailed answers (imap://user:password@host:143/ or
    // imaps://…:993/; the user and password URL-encoded). Empty: answers are not read back.
    INBOUND_IMAP_URL: optionalText.refine((url) => !url || /^imaps?:\/\/[^@/]+@[^/]+/.test(url), {
      message: "must look like imaps://user:password@imap.example.com:993/ (or imap:// for a server on this machine)",
    }),
    // The folder of that mailbox the answers arrive in.
    INBOUND_IMAP_FOLDER: z.string().trim().min(1).default("INBOX"),
    // How often a Node server or the worker looks for new mail (Vercel: its cron, every five minutes).
    INBOUND_POLL_SECONDS: z.coerce.number().min(1).max(3600).default(60),
    // The address collectors answer to (it must reach the mailbox above, with plus-addressing:
    // replies+… arrives at replies@…). Each enquiry's emails carry Reply-To: replies+<enquiry's token>@….
    INBOUND_REPLY_ADDRESS: z.email().optional(),
    // Mailgun's HTTP webhook signing key, for its inbound route's posts to /api/inbound/mailgun.
    INBOUND_MAILGUN_SIGNING_KEY: optionalText,
    // The port the site listens on: `npm start`, or nginx in `npm run start:stack` (its web processes use the next two).
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    // Set by Vercel itself ("1"): there is no long-lived process and no writable, shared disk.
    VERCEL: optionalText,
    // The folder that relative paths in DATABASE_URL, UPLOAD_DIR and MAIL_DROP_DIR start from (default:
    // the working directory). The standalone server moves into .next/standalone, so `npm start`, the
    // stack and the systemd units set it to the project folder.
    GALLERY_ROOT: optionalText,
    // Set by Next.js itself: "phase-production-build" while `next build` pre-renders pages.
    NEXT_PHASE: optionalText,
    // Set by the gallery's own server (scripts/build/warm-server.mjs) for its process alone, never by
    // hand: the header that tells the app each request's peer is believed only with it.
    GALLERY_PEER_SECRET: optionalText,
  })
  .superRefine((env, ctx) => {
    try {
      compileTrustedProxies(env.TRUSTED_PROXIES);
    } catch (error) {
      ctx.addIssue({ code: "custom", path: ["TRUSTED_PROXIES"], message: (error as Error).message });
    }
    if (env.TRUST_PROXY_HEADERS !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["TRUST_PROXY_HEADERS"],
        message:
          "TRUST_PROXY_HEADERS is no longer read: name the proxies you trust in TRUSTED_PROXIES instead (e.g. loopback for nginx on this machine)",
      });
    }
    if (env.S3_BUCKET && (!env.S3_ACCESS_KEY_ID || !env.S3_SECRET_ACCESS_KEY)) {
      ctx.addIssue({
        code: "custom",
        path: ["S3_ACCESS_KEY_ID"],
        message: "S3_BUCKET is set: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are needed too",
      });
    }
    if (env.NODE_ENV !== "production") return;
    if (env.VERCEL) {
      // A function's disk is read-only and not shared: a SQLite file or local uploads would be lost or refused.
      if (!env.DATABASE_URL || env.DATABASE_URL.startsWith("file:")) {
        ctx.addIssue({
          code: "custom",
          path: ["DATABASE_URL"],
          message: "On Vercel, DATABASE_URL must be a hosted database (libsql://…), not a file",
        });
      }
      if (!env.S3_BUCKET) {
        ctx.addIssue({
          code: "custom",
          path: ["S3_BUCKET"],
          message: "On Vercel, photographs need object storage: set S3_BUCKET and its keys",
        });
      }
    }
    if (env.INBOUND_IMAP_URL?.startsWith("imap:") && !isLoopbackHost(new URL(env.INBOUND_IMAP_URL.replace(/^imap:/, "http:")).hostname)) {
      ctx.addIssue({
        code: "custom",
        path: ["INBOUND_IMAP_URL"],
        message: "INBOUND_IMAP_URL: a mailbox on another machine is read over TLS only (imaps://…:993/)",
      });
    }
    if (env.SMTP_IGNORE_TLS && env.SMTP_HOST && !isLoopbackHost(env.SMTP_HOST)) {
      ctx.addIssue({
        code: "custom",
        path: ["SMTP_IGNORE_TLS"],
        message: `SMTP_IGNORE_TLS would send the mail password and enquiries to ${env.SMTP_HOST} unencrypted: it is allowed in production only for a mail server on this machine (localhost, 127.0.0.1, ::1)`,
      });
    }
    const required: Array<[keyof typeof env, string]> = [
      ["SITE_URL", "the public address of the site, for canonical URLs and links in emails"],
      ["SMTP_HOST", "the mail server that delivers enquiries"],
      ["GALLERY_EMAIL", "the gallery's address that receives enquiries"],
      ["MAIL_FROM", "the address enquiry emails are sent from"],
      ["FORM_SIGNING_SECRET", "a random secret of 32+ characters that signs form timestamps"],
      ["CRON_SECRET", "a random secret of 16+ characters that protects the outbox sweep route"],
      ["BETTER_AUTH_SECRET", "a random secret of 32+ characters that signs staff sessions"],
    ];
    for (const [key, purpose] of required) {
      if (!env[key]) {
        ctx.addIssue({ code: "custom", path: [key], message: `${key} is required in production: ${purpose}` });
      }
    }
    if (env.FORM_SIGNING_SECRET && env.FORM_SIGNING_SECRET.length < 32) {
      ctx.addIssue({ code: "custom", path: ["FORM_SIGNING_SECRET"], message: "FORM_SIGNING_SECRET must be at least 32 characters" });
    }
    if (env.BETTER_AUTH_SECRET && env.BETTER_AUTH_SECRET.length < 32) {
      ctx.addIssue({ code: "custom", path: ["BETTER_AUTH_SECRET"], message: "BETTER_AUTH_SECRET must be at least 32 characters" });
    }
    if (env.CRON_SECRET && env.CRON_SECRET.length < 16) {
      ctx.addIssue({ code: "custom", path: ["CRON_SECRET"], message: "CRON_SECRET must be at least 16 characters" });
    }
  });

/** A host on this machine: the mail server SMTP_IGNORE_TLS may talk to, a local build's SITE_URL. */
function isLoopbackHost(host: string): boolean {
  return host === "localhost" || host === "::1" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function servedOverHttpOnLoopback(siteUrl: string | undefined): boolean {
  if (!siteUrl) return false;
  const url = new URL(siteUrl);
  return url.protocol === "http:" && isLoopbackHost(url.hostname);
}

export type ServerEnv = ReturnType<typeof buildEnv>;

function buildEnv(source: Record<string, string | undefined>) {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join(".") || "env"}: ${issue.message}`);
    throw new Error(
      `The gallery cannot start: its configuration is incomplete.\n${problems.join("\n")}\nSee .env.example for every setting.`,
    );
  }
  const env = parsed.data;
  return {
    ...env,
    isProduction: env.NODE_ENV === "production",
    DATABASE_URL: resolveDatabaseUrl(env.DATABASE_URL, env.GALLERY_ROOT),
    SITE_URL: (env.SITE_URL ?? "http://localhost:3000").replace(/\/+$/, ""),
    GALLERY_EMAIL: env.GALLERY_EMAIL ?? "enquiries@gallery.localhost",
    MAIL_FROM: env.MAIL_FROM ?? "website@gallery.localhost",
    MAIL_DROP_DIR: path.resolve(projectRoot(env.GALLERY_ROOT), env.MAIL_DROP_DIR),
    UPLOAD_DIR: path.resolve(projectRoot(env.GALLERY_ROOT), env.UPLOAD_DIR),
    isBuilding: env.NEXT_PHASE === "phase-production-build",
    isVercel: Boolean(env.VERCEL),
    FORM_SIGNING_SECRET: env.FORM_SIGNING_SECRET ?? DEVELOPMENT_FORM_SECRET,
    CRON_SECRET: env.CRON_SECRET,
    BETTER_AUTH_SECRET: env.BETTER_AUTH_SECRET ?? DEVELOPMENT_AUTH_SECRET,
    /**
     * Session cookies are Secure whenever the site is served over https, and in production unless
     * it runs on a loopback address over http (a local production build, as the tests use).
     */
    secureCookies:
      Boolean(env.SITE_URL?.startsWith("https:")) || (env.NODE_ENV === "production" && !servedOverHttpOnLoopback(env.SITE_URL)),
  };
}

/**
 * A relative SQLite path would follow the process's working directory (which differs between
 * `next start`, scripts and tests), so it is pinned to the project folder once, here.
 */
function resolveDatabaseUrl(url: string | undefined, root: string | undefined): string {
  const value = url ?? "file:./data/gallery.db";
  if (!value.startsWith("file:")) return value;
  const filePath = value.slice("file:".length);
  return `file:${path.resolve(projectRoot(root), filePath)}`;
}

function projectRoot(root: string | undefined): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), root ?? ".");
}

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  cached ??= buildEnv(process.env);
  return cached;
}

/**
 * For a process's start-up (a web server, the worker, the stack): a half-configured gallery must not
 * run (Next.js would answer every request with a 500), so the problems are printed and it exits.
 */
export function serverEnvOrExit(): ServerEnv {
  try {
    return serverEnv();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

/** The database URL alone, so the Prisma CLI works without the mail settings a server needs. */
export function databaseUrl(): string {
  return resolveDatabaseUrl(optionalText.parse(process.env.DATABASE_URL), optionalText.parse(process.env.GALLERY_ROOT));
}

export function databaseAuthToken(): string | undefined {
  return optionalText.parse(process.env.DATABASE_AUTH_TOKEN);
}

export function databaseFilePath(): string | undefined {
  const url = databaseUrl();
  return url.startsWith("file:") ? url.slice("file:".length) : undefined;
}

/** For next.config.ts: whether this build is for Vercel (which sets VERCEL), read before anything else. */
export function buildingForVercel(): boolean {
  return Boolean(optionalText.parse(process.env.VERCEL));
}

/** For next.config.ts: whether the site is served over https (SITE_URL), which decides HSTS; read at build time. */
export function siteServedOverHttps(): boolean {
  return Boolean(optionalText.parse(process.env.SITE_URL)?.startsWith("https:"));
}

/**
 * For next.config.ts: whether `next build` may leave out its own TypeScript check. Only the test
 * builds set it (`npm test` type-checks the whole project once, beside them); a deployment's build
 * checks types as ever.
 */
export function skippingBuildTypeCheck(): boolean {
  return flag.parse(process.env.BUILD_SKIP_TYPE_CHECK);
}

/** For next.config.ts: whether this is `next dev`, whose React needs eval. */
export function developing(): boolean {
  return process.env.NODE_ENV === "development";
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** Read on its own, like databaseUrl(): the logger is created before anything needs the rest. */
export function logLevel(): (typeof LOG_LEVELS)[number] {
  return z
    .enum(LOG_LEVELS)
    .catch("info")
    .parse(process.env.LOG_LEVEL ?? "info");
}

/** The configuration a source would give, or the error that lists what is missing (build checks, tests). */
export function parseEnv(source: Record<string, string | undefined>): ServerEnv {
  return buildEnv(source);
}

/** Which hops may vouch for the client's address (TRUSTED_PROXIES, compiled by proxy-addr); lib/http/client-address.ts uses it. */
export type TrustedProxy = (address: string, hop: number) => boolean;

/** The operator's list ("loopback, 10.0.0.0/8, 192.0.2.7"); throws, naming the entry, on one that is not an address or range. */
export function compileTrustedProxies(list: string): TrustedProxy {
  const entries = list
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    try {
      proxyaddr.compile(entry);
    } catch {
      throw new Error(`"${entry}" is not an IP address, a range (10.0.0.0/8) or one of loopback, linklocal, uniquelocal`);
    }
  }
  return proxyaddr.compile(entries);
}
