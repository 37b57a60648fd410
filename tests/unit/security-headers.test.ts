import { describe, expect, it } from "vitest";
import { createRequire } from "node:module";
import { config as proxyConfig } from "@/proxy";
import {
  contentSecurityPolicy,
  madePerRequest,
  PER_REQUEST_PAGE_PREFIXES,
  PRE_RENDERED_PAGES_SOURCE,
  securityHeaders,
} from "@/lib/http/security-headers";

// The matcher Next.js itself compiles next.config sources and proxy matchers with (it ships no types).
const { pathToRegexp } = createRequire(import.meta.url)("next/dist/compiled/path-to-regexp") as {
  pathToRegexp: (source: string) => RegExp;
};

const header = (headers: Array<{ key: string; value: string }>, key: string) => headers.find((entry) => entry.key === key)?.value;

const PER_REQUEST = [
  "/staff",
  "/staff/enquiries",
  "/follow/abc",
  "/enquire",
  "/enquire/sent",
  "/enquiry-list",
  "/offers/x",
  "/viewings/cancel/x",
  "/alerts/confirm/x",
  "/reserve/confirm/x",
  "/rooms/abc",
  "/rooms/abc/works/42-second-retreat-from-russia",
  "/search",
];
const PRE_RENDERED = [
  "/",
  "/works/42-second-retreat-from-russia",
  "/exhibitions/norman-neasom-exhibition",
  "/privacy",
  "/enquirer",
  "/staffing",
  "/searchlight",
  "/roomservice",
];

describe("security headers", () => {
  it("forbid framing, plugins, other origins' scripts and forms posting elsewhere, and report what they block", () => {
    for (const policy of [
      contentSecurityPolicy({ https: true, development: false }),
      contentSecurityPolicy({ https: true, development: false, nonce: "abc" }),
    ]) {
      for (const directive of [
        "default-src 'self'",
        "frame-ancestors 'none'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "report-uri /api/csp-report",
      ]) {
        expect(policy).toContain(directive);
      }
      expect(policy).not.toContain("unsafe-eval");
    }
  });

  it("a page made per request allows only scripts with its nonce (and what they load); a pre-rendered page allows inline scripts", () => {
    const perRequest = contentSecurityPolicy({ https: false, development: false, nonce: "n0nce" });
    expect(perRequest).toContain("script-src 'self' 'nonce-n0nce' 'strict-dynamic'");
    expect(perRequest).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(contentSecurityPolicy({ https: false, development: false })).toContain("script-src 'self' 'unsafe-inline'");
  });

  it("send HSTS only when the site is served over https, and allow eval only in development", () => {
    expect(header(securityHeaders({ https: true, development: false }), "Strict-Transport-Security")).toBe(
      "max-age=31536000; includeSubDomains",
    );
    expect(header(securityHeaders({ https: false, development: false }), "Strict-Transport-Security")).toBeUndefined();
    expect(contentSecurityPolicy({ https: false, development: false })).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy({ https: false, development: true })).toContain("'unsafe-eval'");
  });

  it("next.config's static policy, proxy.ts's matcher and the list of pages made per request agree, page by page", () => {
    const staticPolicy = pathToRegexp(PRE_RENDERED_PAGES_SOURCE);
    const matchers = proxyConfig.matcher
      .filter((entry): entry is string => typeof entry === "string")
      .map((source) => pathToRegexp(source));
    for (const path of PER_REQUEST) {
      expect(madePerRequest(path), path).toBe(true);
      expect(staticPolicy.test(path), path).toBe(false);
      expect(
        matchers.some((matcher) => matcher.test(path)),
        path,
      ).toBe(true);
    }
    for (const path of PRE_RENDERED) {
      expect(madePerRequest(path), path).toBe(false);
      expect(staticPolicy.test(path), path).toBe(true);
    }
    // Every prefix has a page above: a new one must be added to PER_REQUEST too.
    expect(PER_REQUEST_PAGE_PREFIXES.length).toBe(10);
  });
});
