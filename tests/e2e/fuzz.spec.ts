import { expect, test } from "@playwright/test";
import { fuzz } from "@/scripts/support/fuzz";
import { queryDatabase } from "./support/database";
import { baseURL } from "./support/test-env";

/* Bounded for CI; `npm run fuzz -- --count 10000` sends the full run to a production server of its own. */
test("800 fuzzed requests to every public and staff way in get no server error, and store nothing", async () => {
  test.setTimeout(180_000);
  const count = (table: string) => queryDatabase<{ n: number }>(`SELECT count(*) AS n FROM "${table}"`)[0]!.n;
  const before = { enquiries: count("Enquiry"), emails: count("OutboxEmail"), works: count("Artwork"), users: count("user") };
  const outcome = await fuzz(baseURL, { seed: 20261126, count: 800 });
  expect(outcome.sent).toBe(800);
  expect(outcome.serverErrors).toEqual([]);
  expect({ enquiries: count("Enquiry"), emails: count("OutboxEmail"), works: count("Artwork"), users: count("user") }).toEqual(before);
});
