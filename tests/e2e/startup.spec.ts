import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, test } from "./support/fixtures";
import { appEnv } from "./support/test-env";

test("a production server without its mail settings and secrets refuses to start, naming each", () => {
  const root = path.resolve(import.meta.dirname, "../..");
  // The build this run serves, started again with only a database: as if deployed without configuration.
  const result = spawnSync(path.join(root, "node_modules/.bin/next"), ["start", "-p", "3299", "-H", "127.0.0.1"], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: appEnv.DATABASE_URL },
    timeout: 30_000,
    encoding: "utf8",
  });
  expect(result.status).toBe(1);
  const output = `${result.stdout}${result.stderr}`;
  expect(output).toContain("The gallery cannot start: its configuration is incomplete.");
  for (const setting of ["SITE_URL", "SMTP_HOST", "GALLERY_EMAIL", "MAIL_FROM", "FORM_SIGNING_SECRET", "CRON_SECRET", "BETTER_AUTH_SECRET"]) {
    expect(output).toContain(`${setting} is required in production`);
  }
});
