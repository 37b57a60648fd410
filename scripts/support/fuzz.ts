/**
 * A seeded fuzzer for the site's every way in: random fields, sizes, encodings, forged server-action
 * ids and garbage bodies, to the public pages' actions, the enquiry endpoint, the staff sign-in and
 * staff pages (signed out), the upload, cron and media routes, and odd addresses. The same seed
 * gives the same requests. A server error (5xx) is never an acceptable answer to bad input.
 * Used by the e2e suite (a bounded count) and `npm run fuzz` (10,000 by default).
 */

export type FuzzOutcome = { sent: number; byStatus: Map<number, number>; serverErrors: Array<{ status: number; request: string }> };

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NASTY = [
  "",
  " ",
  "\u0000",
  "\r\nBcc: victim@example.test",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "../../etc/passwd",
  "%E0%A4%A",
  "😀".repeat(50),
  "\uFFFF\uD800",
  "a".repeat(10_000),
  '=HYPERLINK("http://evil.test")',
  "null",
  "[]",
  "{}",
  "42-second-retreat-from-russia",
  "ENQ-2026-000001",
  "on",
];

const FIELDS = [
  "name",
  "email",
  "message",
  "phone",
  "questions",
  "shippingCountry",
  "consent",
  "artworkSlug",
  "formToken",
  "website",
  "password",
  "status",
  "reference",
  "note",
  "intent",
  "target",
  "csv",
  "title",
  "priceMinor",
  "availability",
  "0",
  "1_$ACTION_ID_x",
  "$ACTION_REF_1",
  "$ACTION_KEY",
  "offerAmount",
  "offerCurrency",
  "token",
  "answer",
  "amount",
  "idempotencyKey",
  "holdId",
  "untilDay",
  "requestId",
  "decision",
];

const PATHS = [
  "/works/42-second-retreat-from-russia",
  "/enquire",
  "/",
  "/works",
  "/api/enquiries",
  "/api/enquiries/form-token",
  "/staff/sign-in",
  "/staff",
  "/staff/account",
  "/staff/import",
  "/staff/import/upload",
  "/staff/import/progress",
  "/api/catalogue/refresh-if-changed",
  "/staff/enquiries/ENQ-2026-000001",
  "/staff/works/not-a-work/photographs",
  "/api/revalidate",
  "/api/outbox/sweep",
  "/api/retention/purge",
  "/api/digest/daily",
  "/staff/settings",
  "/staff/replies",
  "/staff/dashboard",
  "/staff/dashboard/weekly.csv",
  "/media/photographs/x/960.webp",
  "/sitemaps/0.xml",
  "/exhibitions/norman-neasom-exhibition/wars-and-conflicts",
  "/offers/not-an-offer.signature",
  "/alerts/confirm/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
  "/alerts/unsubscribe/not-an-alert.signature",
  "/api/alerts/unsubscribe/not-an-alert.signature",
  "/reserve/confirm/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
  "/follow/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/invoices/BFA-2026-0001",
  "/staff/offers",
  "/staff/invoices",
  "/staff/invoices/export",
  "/staff/invoices/not-an-invoice",
  "/staff/invoices/not-an-invoice/pdf",
  "/staff/dashboard/sales.csv",
];

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)]!;
}

function value(next: () => number): string {
  const roll = next();
  if (roll < 0.5) return pick(next, NASTY);
  if (roll < 0.8) return String(Math.floor(next() * 1e9));
  return Array.from({ length: Math.floor(next() * 40) }, () => String.fromCharCode(Math.floor(next() * 0x2fff))).join("");
}

/** Encoded when it can be; a lone surrogate cannot, so it goes as broken percent-encoding instead. */
function queryValue(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return "%E0%A4%A";
  }
}

export function fuzzRequest(next: () => number, baseUrl: string): { url: string; init: RequestInit } {
  const path = pick(next, PATHS);
  const query =
    next() < 0.3
      ? `?${pick(next, ["section", "sort", "page", "category", "availability", "reference", "q"])}=${queryValue(value(next))}`
      : "";
  const method = next() < 0.75 ? "POST" : pick(next, ["GET", "PUT", "DELETE", "PATCH"]);
  const headers: Record<string, string> = {};
  if (next() < 0.4)
    headers["next-action"] =
      next() < 0.5
        ? "0".repeat(42)
        : value(next)
            .replace(/[^\x20-\x7e]/g, "")
            .slice(0, 80) || "x";
  if (next() < 0.2) headers.origin = pick(next, ["null", "https://evil.example", baseUrl, "garbage"]);
  if (next() < 0.3) headers.accept = pick(next, ["application/json", "text/x-component", "*/*"]);
  headers["x-forwarded-for"] = `198.18.${Math.floor(next() * 255)}.${Math.floor(next() * 255)}`;
  let body: BodyInit | undefined;
  if (method !== "GET") {
    const kind = next();
    if (kind < 0.45) {
      const form = new FormData();
      for (let field = 0; field < 1 + Math.floor(next() * 8); field += 1) form.append(pick(next, FIELDS), value(next));
      body = form;
    } else if (kind < 0.65) {
      const form = new URLSearchParams();
      for (let field = 0; field < 1 + Math.floor(next() * 8); field += 1) form.append(pick(next, FIELDS), value(next));
      body = form;
    } else if (kind < 0.85) {
      headers["content-type"] = pick(next, [
        "text/plain",
        "application/json",
        "multipart/form-data; boundary=x",
        "application/x-www-form-urlencoded",
        "text/x-component",
      ]);
      body = pick(next, ["{{{", "[]", "null", '["$K1"]', "--x\r\n\r\n", value(next), "0".repeat(1000)]);
    } else {
      headers["content-type"] = "application/octet-stream";
      body = new Uint8Array(Array.from({ length: Math.floor(next() * 2048) }, () => Math.floor(next() * 256)));
    }
  }
  return { url: `${baseUrl}${path}${query}`, init: { method, headers, body, redirect: "manual" } };
}

/** Sends `count` fuzzed requests, `concurrency` at a time, and tallies the answers. */
export async function fuzz(baseUrl: string, options: { seed: number; count: number; concurrency?: number }): Promise<FuzzOutcome> {
  const next = random(options.seed);
  const requests = Array.from({ length: options.count }, () => fuzzRequest(next, baseUrl));
  const outcome: FuzzOutcome = { sent: 0, byStatus: new Map(), serverErrors: [] };
  let index = 0;
  await Promise.all(
    Array.from({ length: options.concurrency ?? 8 }, async () => {
      while (index < requests.length) {
        const { url, init } = requests[index++]!;
        let status: number;
        try {
          const response = await fetch(url, init);
          status = response.status;
          await response.arrayBuffer();
        } catch {
          status = 0; // the connection was refused or reset: counted, not a server error
        }
        outcome.sent += 1;
        outcome.byStatus.set(status, (outcome.byStatus.get(status) ?? 0) + 1);
        if (status >= 500)
          outcome.serverErrors.push({
            status,
            request: `${init.method} ${url.slice(0, 160)} ${JSON.stringify(init.headers).slice(0, 200)}`,
          });
      }
    }),
  );
  return outcome;
}
