import path from "node:path";

/** Where the end-to-end run keeps its database, captured mail and uploads: thrown away before each run. */
export const e2eRoot = path.resolve(import.meta.dirname, "../../../tmp/e2e");
export const capturedMailDir = path.join(e2eRoot, "mail-captured");
export const appPort = 3200;
export const smtpPort = 2526;
export const baseURL = `http://127.0.0.1:${appPort}`;

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
  MAIL_DROP_DIR: path.join(e2eRoot, "mail-drop"),
  UPLOAD_DIR: path.join(e2eRoot, "uploads"),
};
