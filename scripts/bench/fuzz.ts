/**
 * `npm run fuzz [-- --count 10000] [--seed N] [--no-build]`: the fuzzer (scripts/support/fuzz.ts) against
 * a production build of its own, then the tally of answers by status and every server error.
 */
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { fuzz } from "@/scripts/support/fuzz";
import { startProductionServer } from "./production-server";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "10000" },
    seed: { type: "string", default: "20261126" },
    "no-build": { type: "boolean", default: false },
  },
});
const server = await startProductionServer("bench-fuzz", 3305, { reuseBuild: values["no-build"] });
try {
  const count = (table: string) => {
    const database = new Database(server.databasePath, { readonly: true });
    try {
      return (database.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
    } finally {
      database.close();
    }
  };
  const before = { enquiries: count("Enquiry"), emails: count("OutboxEmail") };
  const started = performance.now();
  const outcome = await fuzz(server.baseUrl, { seed: Number(values.seed), count: Number(values.count) });
  const seconds = (performance.now() - started) / 1000;
  console.log(`${outcome.sent} fuzzed requests (seed ${values.seed}) in ${seconds.toFixed(0)} s`);
  console.log(
    `  answers: ${[...outcome.byStatus]
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${status === 0 ? "connection closed" : status} × ${n}`)
      .join(", ")}`,
  );
  console.log(`  server errors (5xx): ${outcome.serverErrors.length}`);
  for (const error of outcome.serverErrors.slice(0, 40)) console.log(`    ${error.status} ${error.request}`);
  const after = { enquiries: count("Enquiry"), emails: count("OutboxEmail") };
  console.log(`  stored: ${after.enquiries - before.enquiries} enquiries, ${after.emails - before.emails} emails (expected 0 and 0)`);
  if (outcome.serverErrors.length > 0) process.exitCode = 1;
} finally {
  await server.stop();
}
