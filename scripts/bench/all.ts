/**
 * `npm run bench`: every figure the project tracks, measured on one production build on loopback.
 * Figures are printed, never asserted: they depend on the machine.
 *
 *   npm run bench [-- --total 2000] [--works 5000]
 *
 * --works N adds a second build with N generated works (scripts/bench/scale.ts). The import's figures
 * follow (scripts/bench/import.ts, also `npm run bench:import` alone), and the sale's come last
 * (scripts/bench/sale.ts, also `npm run bench:sale`).
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { describeFunctionSizes, outputFolder } from "@/scripts/support/vercel-output";
import { benchEnquiries } from "./enquiry";
import { benchPages } from "./pages";
import { startProductionServer } from "./production-server";
import { benchScale } from "./scale";
import { benchStack } from "./stack";
import { benchStackEnquiries } from "./stack-enquiries";

const { values } = parseArgs({ options: { total: { type: "string", default: "2000" }, works: { type: "string", default: "0" } } });
console.log(
  `${os.cpus().length} cores (${os.cpus()[0]?.model ?? "unknown"}), load average ${os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(" ")} at the start`,
);
const server = await startProductionServer("bench", 3301);
try {
  console.log(
    `Build: ${server.buildSeconds?.toFixed(0)} s. First artwork page after the server started: ${server.firstArtworkMs.toFixed(0)} ms`,
  );
  console.log(`Server memory at rest: ${server.residentMemoryMb().toFixed(0)} MiB resident`);
  await benchPages(server);
  await benchEnquiries(server, Number(values.total));
  console.log(`Server memory after the benchmark: ${server.residentMemoryMb().toFixed(0)} MiB resident`);
  await benchStack(server);
  await benchStackEnquiries(server, { count: 1000, rounds: 3 });
  if (existsSync(outputFolder)) {
    console.log("\nVercel functions (unzipped, counting the project files each maps in; from the last `npm run test:vercel`)");
    for (const line of describeFunctionSizes()) console.log(`  ${line}`);
  } else {
    console.log("\nVercel functions: run `npm run test:vercel` first to build them");
  }
} finally {
  await server.stop();
}

const works = Number(values.works);
if (works > 0) {
  const large = await startProductionServer("bench-scale", 3303, { generatedWorks: works });
  try {
    await benchScale(large, works);
  } finally {
    await large.stop();
  }
}

// The import's figures (a 20,000-row dry run against as many works; 5,000 rows in, dry run and apply): a database of its own.
console.log("\nCatalogue import (scripts/bench/import.ts)");
execFileSync("npm", ["run", "--silent", "bench:import"], { stdio: "inherit" });
console.log("\nCatalogue search (scripts/bench/search.ts)");
execFileSync("npm", ["run", "--silent", "bench:search"], { stdio: "inherit" });

// The sale's figures (a five-work invoice issued; the expiry sweep over 10,000 holds): a database of its own.
console.log("\nThe sale (scripts/bench/sale.ts)");
execFileSync("npm", ["run", "--silent", "bench:sale"], { stdio: "inherit" });

// New-work alerts (10,000 alerts, a 50-work import, the round that queues their emails): a database of its own.
console.log("\nNew-work alerts (scripts/bench/alerts.ts)");
execFileSync("npm", ["run", "--silent", "bench:alerts"], { stdio: "inherit" });
