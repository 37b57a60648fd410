/**
 * `npm run bench`: every figure the project tracks, measured on one production build on loopback.
 * Figures are printed, never asserted: they depend on the machine.
 */
import { parseArgs } from "node:util";
import { benchEnquiries } from "./enquiry";
import { benchPages } from "./pages";
import { startProductionServer } from "./production-server";

const { values } = parseArgs({ options: { total: { type: "string", default: "1000" } } });
const server = await startProductionServer("bench", 3301);
try {
  console.log(`Server memory at rest: ${server.residentMemoryMb().toFixed(0)} MB resident`);
  await benchPages(server);
  await benchEnquiries(server, Number(values.total));
} finally {
  await server.stop();
}
