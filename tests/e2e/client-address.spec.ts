import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { PEER_ADDRESS_HEADER } from "@/lib/http/client-address";
import { ENQUIRY_ENDPOINT, formActionFields, scriptedEnquiry } from "@/scripts/support/no-javascript-enquiry";
import { queryDatabase, writeDatabase } from "./support/database";
import { startSecondWebProcess } from "./support/second-server";
import { appEnv, appPort, baseURL } from "./support/test-env";

/*
 * Rate limits count per client, and the client is who the server can vouch for: the connection
 * itself, or what a proxy the operator trusts reports. A script that writes a new X-Forwarded-For
 * on each post is still one client.
 */

const WORK = "/works/69-gossips";
const PER_CONNECTION_ALLOWANCE = 10;

/** The limiter's key for a connection address, as lib/enquiry-intake/submit-enquiry.ts makes it. */
function connectionLimitKey(address: string): string {
  const hash = createHash("sha256").update([appEnv.FORM_SIGNING_SECRET!, address].join("\u0000")).digest("hex").slice(0, 40);
  return `enquiry-ip:${hash}`;
}

async function postEnquiries(siteUrl: string, count: number, forwardedFor: (index: number) => string, label: string) {
  const fields = await formActionFields(`${siteUrl}${WORK}`);
  const statuses: string[] = [];
  for (let index = 0; index < count; index += 1) {
    // A different address each time, so only the per-connection allowance can refuse.
    const { body, headers } = scriptedEnquiry(fields, appEnv.FORM_SIGNING_SECRET!, {
      artworkSlug: "69-gossips",
      name: `Address Tester ${index}`,
      email: `${label}-${index}@addresses.test`,
      message: `Post ${index} from one connection`,
    });
    const response = await fetch(`${siteUrl}${ENQUIRY_ENDPOINT}`, {
      method: "POST",
      body,
      headers: {
        ...headers,
        origin: siteUrl,
        "x-forwarded-for": forwardedFor(index),
        // The header the gallery's own server writes for the app, forged too: it is replaced, and a guess at its secret fails.
        [PEER_ADDRESS_HEADER]: `forged-secret 203.0.113.${200 + index}`,
      },
    });
    expect(response.status).toBe(200);
    statuses.push(((await response.json()) as { status: string }).status);
  }
  return statuses;
}

test.describe("a web process that trusts no proxy (TRUSTED_PROXIES empty, the default)", () => {
  let server: { siteUrl: string; stop: () => void };

  test.beforeAll(async () => {
    test.setTimeout(60_000);
    server = await startSecondWebProcess(appPort + 10, { TRUSTED_PROXIES: "" });
  });

  test.afterAll(() => {
    server?.stop();
    // This connection's allowance is spent: give it back for the tests that follow.
    writeDatabase(`DELETE FROM "RateLimiterFlexible" WHERE "key" = ?`, connectionLimitKey("127.0.0.1"));
  });

  test("14 posts from one connection, each with a forged X-Forwarded-For and a forged peer header, meet the connection's allowance", async () => {
    const statuses = await postEnquiries(server.siteUrl, 14, (index) => `203.0.113.${100 + index}, 198.51.100.${index + 1}`, "forged");
    expect(statuses.slice(0, PER_CONNECTION_ALLOWANCE).every((status) => status === "sent")).toBe(true);
    expect(statuses.slice(PER_CONNECTION_ALLOWANCE)).toEqual(["refused", "refused", "refused", "refused"]);

    // Stored under the connection's address, not the forged ones, and flagged past the busy-connection mark.
    const stored = queryDatabase<{ clientIpHash: string; flagged: number }>(
      `SELECT "clientIpHash", "flagged" FROM "Enquiry" WHERE "email" LIKE 'forged-%@addresses.test'`,
    );
    expect(stored).toHaveLength(PER_CONNECTION_ALLOWANCE);
    expect(new Set(stored.map((row) => row.clientIpHash))).toEqual(new Set([connectionLimitKey("127.0.0.1").slice("enquiry-ip:".length)]));
    expect(stored.filter((row) => row.flagged).length).toBe(PER_CONNECTION_ALLOWANCE - 3);
  });
});

test("behind a trusted proxy (the tests' server trusts loopback), each reported client has its own allowance", async () => {
  const oneClient = await postEnquiries(baseURL, 12, () => "192.0.2.77", "proxied-same");
  expect(oneClient.filter((status) => status === "sent")).toHaveLength(PER_CONNECTION_ALLOWANCE);
  expect(oneClient.slice(PER_CONNECTION_ALLOWANCE)).toEqual(["refused", "refused"]);
  // Other collectors behind the same proxy are not held back by that one.
  const others = await postEnquiries(baseURL, 12, (index) => `192.0.2.${150 + index}`, "proxied-many");
  expect(others.every((status) => status === "sent")).toBe(true);
  for (const address of ["192.0.2.77", ...Array.from({ length: 12 }, (_, index) => `192.0.2.${150 + index}`)]) {
    writeDatabase(`DELETE FROM "RateLimiterFlexible" WHERE "key" = ?`, connectionLimitKey(address));
  }
});

test("an IPv6 client is counted by its /64: a script taking a new address in its network for each post is one client", async () => {
  const rotating = await postEnquiries(baseURL, 12, (index) => `2001:db8:77:1::${(index + 1).toString(16)}`, "ipv6-rotating");
  expect(rotating.slice(0, PER_CONNECTION_ALLOWANCE).every((status) => status === "sent")).toBe(true);
  expect(rotating.slice(PER_CONNECTION_ALLOWANCE)).toEqual(["refused", "refused"]);
  // A neighbouring network is someone else.
  expect(await postEnquiries(baseURL, 1, () => "2001:db8:77:2::1", "ipv6-neighbour")).toEqual(["sent"]);
  for (const network of ["2001:db8:77:1::/64", "2001:db8:77:2::/64"]) {
    writeDatabase(`DELETE FROM "RateLimiterFlexible" WHERE "key" = ?`, connectionLimitKey(network));
  }
});
