/**
 * Enquiry throughput against a production build: submissions per second and p50/p99 latency at
 * concurrency 1 and 16, then the counts that prove nothing was lost or sent twice.
 *
 *   npm run bench:enquiry [-- --total 1000]
 */
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { formActionFields, noJavaScriptEnquiry } from "@/tests/support/no-javascript-enquiry";
import { percentile, startProductionServer, type BenchServer } from "./production-server";

const WORK = "/works/42-second-retreat-from-russia";


/** Warm-up submissions come from their own addresses and mail domain, so the counts leave them out. */
type Group = { domain: string; network: number };
const WARM_UP: Group = { domain: "warm-up.bench.test", network: 11 };
const MEASURED: Group = { domain: "bench.test", network: 10 };

/** One collector's submission, exactly as a browser without JavaScript posts the form. */
async function submit(server: BenchServer, fields: Record<string, string>, group: Group, index: number): Promise<number> {
  const form = noJavaScriptEnquiry(fields, server.env.FORM_SIGNING_SECRET!, {
    artworkSlug: "42-second-retreat-from-russia",
    name: `Collector ${index}`,
    email: `collector-${index}@${group.domain}`,
    message: `Benchmark enquiry number ${index}: is the drawing still available?`,
    questions: ["price_availability"],
  });
  const started = performance.now();
  const response = await fetch(`${server.baseUrl}${WORK}`, {
    method: "POST",
    body: form,
    headers: { "x-forwarded-for": `${group.network}.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`, origin: server.baseUrl },
  });
  const body = await response.text();
  const elapsed = performance.now() - started;
  if (!response.ok || !body.includes("ENQ-")) throw new Error(`Submission ${index} failed: HTTP ${response.status}`);
  return elapsed;
}

async function run(
  server: BenchServer,
  fields: Record<string, string>,
  group: Group,
  firstIndex: number,
  count: number,
  concurrency: number,
) {
  const latencies: number[] = [];
  let next = firstIndex;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < firstIndex + count) {
        const index = next;
        next += 1;
        latencies.push(await submit(server, fields, group, index));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { count, concurrency, perSecond: count / seconds, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) };
}

export async function benchEnquiries(server: BenchServer, total: number): Promise<void> {
  const fields = await formActionFields(`${server.baseUrl}${WORK}`);
  await run(server, fields, WARM_UP, 0, 20, 4);

  const sequential = Math.min(100, Math.floor(total / 10));
  const results = [
    await run(server, fields, MEASURED, 0, sequential, 1),
    await run(server, fields, MEASURED, sequential, total - sequential, 16),
  ];
  console.log("\nEnquiry submissions (no-JavaScript form POST to a production build, real SMTP on loopback)");
  for (const result of results) {
    console.log(
      `  concurrency ${String(result.concurrency).padStart(2)}: ${String(result.count).padStart(4)} submissions, ${result.perSecond.toFixed(1)}/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms`,
    );
  }

  const database = new Database(server.databasePath, { readonly: true });
  const deadline = Date.now() + 120_000;
  let pending = Infinity;
  while (Date.now() < deadline) {
    pending = (database.prepare("SELECT COUNT(*) AS n FROM OutboxEmail WHERE status IN ('pending','sending')").get() as { n: number }).n;
    if (pending === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const stored = (database.prepare("SELECT COUNT(*) AS n FROM Enquiry WHERE email LIKE '%@bench.test'").get() as { n: number }).n;
  database.close();
  const measured = server.mail.messages.filter((message) =>
    [...message.to, ...message.replyTo].some((address) => address.endsWith(`@${MEASURED.domain}`) && address !== "enquiries@bench.test"),
  );
  const galleryEmails = measured.filter((message) => message.to.includes("enquiries@bench.test"));
  const subjects = galleryEmails.map((message) => message.subject);
  const duplicates = subjects.length - new Set(subjects).size;
  console.log(
    `  after ${total} submissions: ${stored} enquiries stored, ${galleryEmails.length} gallery emails delivered, ${duplicates} duplicates, ${pending} still pending`,
  );
  console.log(`  messages for these enquiries at the SMTP server: ${measured.length} (gallery emails and acknowledgements)`);
  console.log(`  server memory after the run: ${server.residentMemoryMb().toFixed(0)} MiB resident`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { total: { type: "string", default: "1000" } } });
  const server = await startProductionServer("bench-enquiry", 3300);
  try {
    await benchEnquiries(server, Number(values.total));
  } finally {
    await server.stop();
  }
}
