import path from "node:path";

const projectRoot = path.resolve(import.meta.dirname, "../../..");

/**
 * `npm run test:e2e` runs the spec files in two lanes at once (tests/e2e/support/two-lanes.ts), each with
 * its own web server, database, mailbox and uploads, so neither sees the other's writes. Lane 1 serves the
 * build from .next/standalone, as `npm start` does; lane 2 a copy of it. Without E2E_LANE (a developer's
 * `npx playwright test`) every file runs in lane 1.
 */
export const e2eLane: 1 | 2 = process.env.E2E_LANE === "2" ? 2 : 1;

/** Where the lane keeps its database, captured mail and uploads: thrown away before each run. */
export const e2eRoot = path.join(projectRoot, e2eLane === 1 ? "tmp/e2e" : "tmp/e2e-lane-2");
export const capturedMailDir = path.join(e2eRoot, "mail-captured");
export const appPort = e2eLane === 1 ? 3200 : 3500;
export const smtpPort = e2eLane === 1 ? 2526 : 2556;
/** The gallery's mailbox (Dovecot), where collectors' emailed answers arrive. */
export const imapPort = e2eLane === 1 ? 10143 : 10443;
/** Dovecot's folder: short, since its sockets live in it and a socket's path may not be long. */
export const dovecotDir = `/tmp/gallery-e2e-dovecot-${imapPort}`;
export const baseURL = `http://127.0.0.1:${appPort}`;
/** The standalone server this lane runs (lane 2's is a copy: a server writes its page cache beside itself). */
export const standaloneDir = e2eLane === 1 ? path.join(projectRoot, ".next/standalone") : path.join(e2eRoot, "standalone");
/** What the lane's server writes to its standard output: its log, one JSON line per event (pino). */
export const serverLogFile = path.join(e2eRoot, "server.log");
/** A URL of this lane's site as a pattern, for finding links in emails. */
export const baseURLPattern = baseURL.replace(/[.]/g, "\\.");

/** The gallery's configuration for the run: a production build talking to a real SMTP server on loopback. */
export const appEnv: Record<string, string> = {
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  CHECKPOINT_DISABLE: "1",
  // npm test type-checks the project beside this build (lint lane): the build need not again.
  BUILD_SKIP_TYPE_CHECK: "true",
  DATABASE_URL: `file:${path.join(e2eRoot, "gallery.db")}`,
  SITE_URL: baseURL,
  GALLERY_NAME: "Bracebridge Fine Art",
  GALLERY_EMAIL: "enquiries@bracebridge.test",
  MAIL_FROM: "website@bracebridge.test",
  GALLERY_ADDRESS: "12 Bridge Street, Bracebridge",
  GALLERY_TIME_ZONE: "Europe/London",
  SMTP_HOST: "127.0.0.1",
  SMTP_PORT: String(smtpPort),
  SMTP_IGNORE_TLS: "true",
  SMTP_TIMEOUT_MS: "2000",
  FORM_SIGNING_SECRET: "e2e-form-signing-secret-0123456789abcdef",
  CRON_SECRET: "e2e-cron-secret-0123456789",
  BETTER_AUTH_SECRET: "e2e-better-auth-secret-0123456789abcdef",
  ENQUIRY_MIN_FILL_SECONDS: "1",
  // The tests send bursts no person would; the site-wide ceiling itself is unit-tested (flood.test.ts).
  ENQUIRY_FLOOD_PER_MINUTE: "100000",
  // The tests play many collectors arriving through a proxy on this machine, each with its own X-Forwarded-For.
  TRUSTED_PROXIES: "loopback",
  OUTBOX_SWEEP_INTERVAL_SECONDS: "2",
  // The gallery's mailbox in lane 1, whose specs answer by email (collector-email.spec.ts); lane 2 is a gallery
  // that reads none, as most do not (and it holds the production heap to a zip bomb: security.spec.ts).
  ...(e2eLane === 1
    ? {
        INBOUND_IMAP_URL: `imap://gallery:mailbox-test-password@127.0.0.1:${imapPort}/`,
        INBOUND_REPLY_ADDRESS: "replies@bracebridge.test",
        INBOUND_POLL_SECONDS: "2",
      }
    : {}),
  MAIL_DROP_DIR: path.join(e2eRoot, "mail-drop"),
  UPLOAD_DIR: path.join(e2eRoot, "uploads"),
};
