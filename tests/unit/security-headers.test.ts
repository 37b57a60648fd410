import { describe, expect, it } from "vitest";
import { securityHeaders } from "@/lib/http/security-headers";

const header = (headers: Array<{ key: string; value: string }>, key: string) => headers.find((entry) => entry.key === key)?.value;

describe("security headers", () => {
  it("forbid framing, plugins, other origins' scripts and forms posting elsewhere, without a per-request nonce", () => {
    const policy = header(securityHeaders({ https: true, development: false }), "Content-Security-Policy")!;
    for (const directive of [
      "default-src 'self'",
      "frame-ancestors 'none'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ]) {
      expect(policy).toContain(directive);
    }
    expect(policy).toContain("script-src 'self' 'unsafe-inline'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).not.toContain("nonce-");
  });

  it("send HSTS only when the site is served over https, and allow eval only in development", () => {
    expect(header(securityHeaders({ https: true, development: false }), "Strict-Transport-Security")).toBe(
      "max-age=31536000; includeSubDomains",
    );
    expect(header(securityHeaders({ https: false, development: false }), "Strict-Transport-Security")).toBeUndefined();
    expect(header(securityHeaders({ https: false, development: false }), "Content-Security-Policy")).not.toContain(
      "upgrade-insecure-requests",
    );
    expect(header(securityHeaders({ https: false, development: true }), "Content-Security-Policy")).toContain("'unsafe-eval'");
  });
});
