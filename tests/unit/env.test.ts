import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

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
    const production = { NODE_ENV: "production", SITE_URL: "https://gallery.example", SMTP_HOST: "smtp.example.com", GALLERY_EMAIL: "a@example.com", MAIL_FROM: "b@example.com", CRON_SECRET: "0123456789abcdef", BETTER_AUTH_SECRET: "y".repeat(32) };
    expect(() => parseEnv({ ...production, FORM_SIGNING_SECRET: "short" })).toThrow("at least 32 characters");
    expect(() => parseEnv({ ...production, FORM_SIGNING_SECRET: "x".repeat(32), SMTP_PORT: "not-a-port" })).toThrow("SMTP_PORT");
    expect(() => parseEnv({ GALLERY_EMAIL: "not an email" })).toThrow("GALLERY_EMAIL");
    expect(parseEnv({ ...production, FORM_SIGNING_SECRET: "x".repeat(32) }).isProduction).toBe(true);
  });
});

describe("session cookies", () => {
  const production = {
    NODE_ENV: "production",
    SMTP_HOST: "smtp.example.com",
    GALLERY_EMAIL: "a@example.com",
    MAIL_FROM: "b@example.com",
    CRON_SECRET: "0123456789abcdef",
    FORM_SIGNING_SECRET: "x".repeat(32),
    BETTER_AUTH_SECRET: "y".repeat(32),
  };

  it("are Secure in production, except for a local build served over http on loopback", () => {
    expect(parseEnv({ ...production, SITE_URL: "https://gallery.example" }).secureCookies).toBe(true);
    expect(parseEnv({ ...production, SITE_URL: "http://gallery.example" }).secureCookies).toBe(true);
    expect(parseEnv({ ...production, SITE_URL: "http://127.0.0.1:3200" }).secureCookies).toBe(false);
    expect(parseEnv({ NODE_ENV: "development" }).secureCookies).toBe(false);
  });
});
