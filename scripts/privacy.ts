/**
 * A collector's request about their data, answered from the command line.
 *
 *   npm run privacy:export -- --email collector@example.com            prints everything held, as JSON
 *   npm run privacy:erase -- --email collector@example.com             shows what would be erased
 *   npm run privacy:erase -- --email collector@example.com --yes       erases it, and says what went
 */
import { parseArgs } from "node:util";
import { erasePersonalData, exportPersonalData } from "@/lib/data/personal-data";

const { values, positionals } = parseArgs({
  options: { email: { type: "string" }, yes: { type: "boolean", default: false } },
  allowPositionals: true,
});
const action = positionals[0];
if ((action !== "export" && action !== "erase") || !values.email || !values.email.includes("@")) {
  console.error(
    "Usage: npm run privacy:export -- --email someone@example.com   |   npm run privacy:erase -- --email someone@example.com [--yes]",
  );
  process.exit(2);
}
const held = await exportPersonalData(values.email);
if (action === "export") {
  console.log(JSON.stringify(held, null, 2));
} else if (!values.yes) {
  console.log(
    `Held about ${held.email}: ${held.enquiries.length} enquiries, ${held.emails.length} emails, ${held.emailsReceived.length} emails received, ${held.rateLimitCount ? "a" : "no"} rate-limit count. Nothing was erased: run again with --yes to erase it.`,
  );
} else {
  const erased = await erasePersonalData(values.email);
  console.log(
    `Erased for ${held.email}: ${erased.enquiries} enquiries, ${erased.notes} staff notes, ${erased.emails} emails, ${erased.emailsReceived} emails received, ${erased.rateLimitRows} rate-limit rows, ${erased.alerts} availability alerts, ${erased.holds} holds (kept, their name and address removed).`,
  );
}
