import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

/** A complete production configuration of a Node server. */
const production = {
  NODE_ENV: "production",
  SITE_URL: "https://gallery.example",
  SMTP_HOST: "smtp.example.com",
  GALLERY_EMAIL: "a@example.com",
  MAIL_FROM: "b@example.com",
  CRON_SECRET: "0123456789abcdef",
  FORM_SIGNING_SECRET: "x".repeat(32),
  BETTER_AUTH_SECRET: "y".repeat(32),
};

describe("configuration", () => {
  it("runs a fresh clone in development with nothing configured", () => {
    const env = parseEnv({ NODE_ENV: "development" });
    expect(env.DATABASE_URL).toBe(`file:${path.resolve("data/gallery.db")}`);
    expect(env.SMTP_HOST).toBeUndefined();
    expect(env.MAIL_DROP_DIR).toBe(path.resolve("data/mail"));
    expect(env.SITE_URL).toBe("http://localhost:3000");
  });

  it("pins a relative SQLite path to the project folder, whatever the working directory later is", () => {
    expect(parseEnv({ DATABASE_URL: "file:./somewhere/else.db" }).DATABASE_URL).toBe(`file:${path.resolve("somewhere/else.db")}`);
    expect(parseEnv({ DATABASE_URL: "file:/abs/gallery.db" }).DATABASE_URL).toBe("file:/abs/gallery.db");
  });

  it("refuses to start in production without mail settings and secrets, naming each", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(
      /SITE_URL is required in production[\s\S]*SMTP_HOST[\s\S]*GALLERY_EMAIL[\s\S]*MAIL_FROM[\s\S]*FORM_SIGNING_SECRET[\s\S]*CRON_SECRET[\s\S]*BETTER_AUTH_SECRET/,
    );
  });

  it("refuses short secrets and malformed values", () => {
    expect(() => parseEnv({ ...production, FORM_SIGNING_SECRET: "short" })).toThrow("at least 32 characters");
    expect(() => parseEnv({ ...production, FORM_SIGNING_SECRET: "x".repeat(32), SMTP_PORT: "not-a-port" })).toThrow("SMTP_PORT");
    expect(() => parseEnv({ GALLERY_EMAIL: "not an email" })).toThrow("GALLERY_EMAIL");
    expect(parseEnv({ ...production, FORM_SIGNING_SECRET: "x".repeat(32) }).isProduction).toBe(true);
  });

  it("sends mail over TLS in production: SMTP_IGNORE_TLS only for a mail server on this machine", () => {
    expect(() => parseEnv({ ...production, SMTP_IGNORE_TLS: "true" })).toThrow(
      /SMTP_IGNORE_TLS would send the mail password and enquiries to smtp\.example\.com unencrypted/,
    );
    expect(parseEnv({ ...production, SMTP_HOST: "127.0.0.1", SMTP_IGNORE_TLS: "true" }).SMTP_IGNORE_TLS).toBe(true);
    expect(parseEnv({ ...production, SMTP_HOST: "localhost", SMTP_IGNORE_TLS: "true" }).SMTP_IGNORE_TLS).toBe(true);
    expect(parseEnv({ NODE_ENV: "development", SMTP_HOST: "smtp.example.com", SMTP_IGNORE_TLS: "true" }).SMTP_IGNORE_TLS).toBe(true);
  });

  it("names the trusted proxies by address or range, and says so when the old switch is still set", () => {
    expect(parseEnv({ ...production }).TRUSTED_PROXIES).toBe("");
    expect(parseEnv({ ...production, TRUSTED_PROXIES: "loopback, 10.0.0.0/8" }).TRUSTED_PROXIES).toBe("loopback, 10.0.0.0/8");
    expect(() => parseEnv({ ...production, TRUSTED_PROXIES: "my-proxy" })).toThrow(/TRUSTED_PROXIES: "my-proxy" is not an IP address/);
    expect(() => parseEnv({ ...production, TRUST_PROXY_HEADERS: "true" })).toThrow(
      /TRUST_PROXY_HEADERS is no longer read: name the proxies/,
    );
  });
});

describe("deployment settings", () => {
  const storage = { S3_BUCKET: "photos", S3_ACCESS_KEY_ID: "key", S3_SECRET_ACCESS_KEY: "secret" };

  it("takes a local SQLite file or a hosted libSQL database, and nothing else", () => {
    expect(parseEnv({ DATABASE_URL: "libsql://gallery-bracebridge.turso.io", DATABASE_AUTH_TOKEN: "token" }).DATABASE_URL).toBe(
      "libsql://gallery-bracebridge.turso.io",
    );
    expect(() => parseEnv({ DATABASE_URL: "postgres://db.example/gallery" })).toThrow(/DATABASE_URL: must start with file:/);
  });

  it("resolves relative paths from GALLERY_ROOT, where the standalone server moves elsewhere", () => {
    const env = parseEnv({ GALLERY_ROOT: "/srv/gallery", DATABASE_URL: "file:./data/gallery.db", UPLOAD_DIR: "data/uploads" });
    expect(env.DATABASE_URL).toBe("file:/srv/gallery/data/gallery.db");
    expect(env.UPLOAD_DIR).toBe("/srv/gallery/data/uploads");
  });

  it("wants both keys when object storage is named", () => {
    expect(() => parseEnv({ S3_BUCKET: "photos" })).toThrow("S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are needed too");
    expect(parseEnv(storage).S3_BUCKET).toBe("photos");
  });

  it("on Vercel, refuses a database file or local photographs, which a function's disk cannot keep", () => {
    expect(() => parseEnv({ ...production, VERCEL: "1" })).toThrow(/hosted database[\s\S]*object storage/);
    expect(() => parseEnv({ ...production, ...storage, VERCEL: "1", DATABASE_URL: "file:./data/gallery.db" })).toThrow(
      "hosted database (libsql://…), not a file",
    );
    const vercel = parseEnv({ ...production, ...storage, VERCEL: "1", DATABASE_URL: "libsql://gallery-bracebridge.turso.io" });
    expect(vercel.isVercel).toBe(true);
    // The same settings without Vercel: a Node server may keep its file and folder.
    expect(parseEnv(production).isVercel).toBe(false);
  });
});

describe("session cookies", () => {
  it("are Secure in production, except for a local build served over http on loopback", () => {
    expect(parseEnv({ ...production, SITE_URL: "https://gallery.example" }).secureCookies).toBe(true);
    expect(parseEnv({ ...production, SITE_URL: "http://gallery.example" }).secureCookies).toBe(true);
    expect(parseEnv({ ...production, SITE_URL: "http://127.0.0.1:3200" }).secureCookies).toBe(false);
    expect(parseEnv({ NODE_ENV: "development" }).secureCookies).toBe(false);
  });
});
