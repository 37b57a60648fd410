/**
 * `npm run bench`: every figure the project tracks, measured on one production build on loopback.
 * Figures are printed, never asserted: they depend on the machine.
 */
import { parseArgs } from "node:util";
import { benchEnquiries } from "./enquiry";
import { benchPages } from "./pages";
import { startProductionServer } from "./production-server";
import { existsSync } from "node:fs";
import { describeFunctionSizes, outputFolder } from "@/tests/vercel/vercel-output";
import { benchStack } from "./stack";

const { values } = parseArgs({ options: { total: { type: "string", default: "1000" } } });
const server = await startProductionServer("bench", 3301);
try {
  console.log(`Server memory at rest: ${server.residentMemoryMb().toFixed(0)} MiB resident`);
  await benchPages(server);
  await benchEnquiries(server, Number(values.total));
  console.log(`Server memory after the benchmark: ${server.residentMemoryMb().toFixed(0)} MiB resident`);
  await benchStack(server);
  if (existsSync(outputFolder)) {
    console.log("\nVercel functions (unzipped, counting the project files each maps in; from the last `npm run test:vercel`)");
    for (const line of describeFunctionSizes()) console.log(`  ${line}`);
  } else {
    console.log("\nVercel functions: run `npm run test:vercel` first to build them");
  }
} finally {
  await server.stop();
}
