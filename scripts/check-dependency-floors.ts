/**
 * `npm run lint` fails when an installed package is below the lowest release with every published
 * advisory fixed (SECURITY.md, "Dependencies"). The floors are raised as advisories arrive; the
 * advisory audit itself (`npm audit --omit=dev --audit-level=high`) needs the registry's audit
 * service, which this project's CI machine cannot reach, so it is run where that service answers.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import semver from "semver";

const FLOORS: Record<string, string> = {
  next: "16.3.3",
  react: "19.2.6",
  "react-dom": "19.2.6",
  nodemailer: "9.1.1",
  zod: "4.0.0",
};

const below = Object.entries(FLOORS).flatMap(([name, floor]) => {
  const manifest = path.join(import.meta.dirname, "..", "node_modules", name, "package.json");
  const installed = (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
  return semver.lt(installed, floor) ? [`${name} ${installed} is below ${floor}`] : [];
});
if (below.length > 0) {
  console.error(`Dependencies below their security floors:\n  ${below.join("\n  ")}\nUpgrade them (SECURITY.md, "Dependencies").`);
  process.exit(1);
}
console.log(`Dependency floors met: ${Object.keys(FLOORS).join(", ")}.`);
