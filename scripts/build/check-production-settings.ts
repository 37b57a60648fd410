/**
 * Runs before `next build`: a production build pre-renders every page with the site's address and
 * signs forms with its secrets, so it needs the production settings. Missing ones are listed here in
 * a second, instead of half a minute into the build as a pre-rendering error.
 */
import { parseEnv } from "@/lib/env";

try {
  parseEnv({ ...process.env, NODE_ENV: "production" });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  console.error(
    [
      "",
      "`npm run build` makes the production site and needs its settings (put them in .env or the environment).",
      "To try the production build on this machine with nothing to configure: npm run preview",
    ].join("\n"),
  );
  process.exit(1);
}
