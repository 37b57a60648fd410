/**
 * `npm run bench:body-flood`: strangers posting large bodies, as an attacker would, against a production
 * build. Each round sends 32 posts of 10 MB at once, half saying their length and half chunked, to a
 * public page, the enquiry page, the enquiry endpoint and three staff pages (no session); meanwhile ten
 * collectors send real enquiries. It prints every answer's status, the server errors and lost
 * connections, the web process's resident memory (sampled every 20 ms: the peak, not an average), and
 * how many of the collectors' enquiries were stored. Figures only: nothing is asserted here.
 *
 *   npm run bench:body-flood [-- --rounds 2] [--no-build]
 */
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { ENQUIRY_ENDPOINT, formActionFields, scriptedEnquiry } from "@/scripts/support/no-javascript-enquiry";
import { largePost } from "@/scripts/support/large-post";
import { startProductionServer } from "./production-server";

const { values } = parseArgs({ options: { rounds: { type: "string", default: "2" }, "no-build": { type: "boolean", default: false } } });

const BODY_BYTES = 10 * 1024 * 1024;
const CONCURRENT = 32;
const TARGETS = ["/works/42-second-retreat-from-russia", "/enquire", ENQUIRY_ENDPOINT, "/staff", "/staff/works", "/staff/import"];
type Answer = { status: number | "connection closed"; target: string; chunked: boolean };

async function largePostTo(baseUrl: string, target: string, chunked: boolean): Promise<Answer> {
  const { status } = await largePost(`${baseUrl}${target}`, { chunked, bytes: BODY_BYTES, origin: baseUrl });
  return { status: status ?? "connection closed", target, chunked };
}

const server = await startProductionServer("bench-body-flood", 3331, { reuseBuild: values["no-build"] });
try {
  const atRest = server.residentMemoryMb();
  let peak = atRest;
  const sampler = setInterval(() => (peak = Math.max(peak, server.residentMemoryMb())), 20);
  const fields = await formActionFields(`${server.baseUrl}/works/42-second-retreat-from-russia`);
  const answers: Answer[] = [];
  let collectorsSent = 0;
  const collectorAnswers: number[] = [];
  for (let round = 0; round < Number(values.rounds); round += 1) {
    const flood = Array.from({ length: CONCURRENT }, (_, index) =>
      // Each target with its length first, chunked on the next pass round the list.
      largePostTo(server.baseUrl, TARGETS[index % TARGETS.length]!, Math.floor(index / TARGETS.length) % 2 === 1),
    );
    // Collectors meanwhile: the form as the page's script posts it, each from an address of its own.
    const collectors = Array.from({ length: 5 }, async (_, index) => {
      const number = round * 5 + index;
      const { body, headers } = scriptedEnquiry(fields, server.env.FORM_SIGNING_SECRET!, {
        artworkSlug: "42-second-retreat-from-russia",
        name: `Flood Witness ${number}`,
        email: `witness-${number}@body-flood.test`,
        message: `Sent while the flood lasts (${number}).`,
      });
      collectorsSent += 1;
      const response = await fetch(`${server.baseUrl}${ENQUIRY_ENDPOINT}`, {
        method: "POST",
        body,
        headers: { ...headers, origin: server.baseUrl, "x-forwarded-for": `192.0.2.${number + 1}` },
      });
      collectorAnswers.push(response.status);
    });
    const [floodAnswers] = await Promise.all([Promise.all(flood), Promise.all(collectors)]);
    answers.push(...floodAnswers);
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  clearInterval(sampler);
  const alive = await fetch(`${server.baseUrl}/privacy`).then(
    (response) => response.status === 200,
    () => false,
  );
  const database = new Database(server.databasePath, { readonly: true });
  const stored = (database.prepare(`SELECT count(*) AS n FROM "Enquiry" WHERE "email" LIKE '%@body-flood.test'`).get() as { n: number }).n;
  database.close();

  const tally = new Map<string, number>();
  for (const answer of answers) {
    const key = `${answer.target} (${answer.chunked ? "chunked" : "with length"}) → ${answer.status}`;
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  console.log(`\n${Number(values.rounds)} rounds of ${CONCURRENT} posts of 10 MB at once, half chunked:`);
  for (const [key, count] of [...tally].sort()) console.log(`  ${count} × ${key}`);
  const serverErrors = answers.filter((answer) => typeof answer.status === "number" && answer.status >= 500).length;
  console.log(`Server errors (5xx): ${serverErrors}. Server still answering afterwards: ${alive ? "yes" : "NO"}`);
  console.log(`Web process resident memory: ${atRest.toFixed(0)} MiB at rest, peak ${peak.toFixed(0)} MiB during the flood`);
  console.log(
    `Collectors' enquiries during the flood: ${collectorsSent} sent, answers ${[...new Set(collectorAnswers)].join(", ")}, ${stored} stored`,
  );
} finally {
  await server.stop();
}
