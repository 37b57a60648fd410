import { describe, expect, it } from "vitest";
import { clientAddressFrom, PEER_ADDRESS_HEADER } from "@/lib/http/client-address";
import { compileTrustedProxies } from "@/lib/env";

function from(peer: string | null, forwardedFor: string | null, trustedProxies = "", onVercel = false) {
  const headers = new Headers();
  if (peer !== null) headers.set(PEER_ADDRESS_HEADER, peer);
  if (forwardedFor !== null) headers.set("x-forwarded-for", forwardedFor);
  return clientAddressFrom(headers, { trusted: compileTrustedProxies(trustedProxies), onVercel });
}

describe("the client's address", () => {
  it("is the connection's own address when no proxy is trusted, whatever X-Forwarded-For claims", () => {
    expect(from("198.51.100.4", null)).toBe("198.51.100.4");
    expect(from("198.51.100.4", "203.0.113.1")).toBe("198.51.100.4");
    expect(from("198.51.100.4", "203.0.113.1, 203.0.113.2")).toBe("198.51.100.4");
    // Even a forged chain that ends in a loopback address: loopback is not trusted unless named.
    expect(from("198.51.100.4", "203.0.113.1, 127.0.0.1")).toBe("198.51.100.4");
  });

  it("behind a trusted proxy, is the address that proxy reports", () => {
    expect(from("127.0.0.1", "203.0.113.9", "loopback")).toBe("203.0.113.9");
    expect(from("::1", "203.0.113.9", "loopback")).toBe("203.0.113.9");
    expect(from("::ffff:127.0.0.1", "203.0.113.9", "loopback")).toBe("203.0.113.9");
  });

  it("is the right-most address no trusted proxy vouches for: what a client prepends does not count", () => {
    // The client wrote 192.0.2.66 itself; the load balancer (10.0.0.5) saw 203.0.113.9 and nginx saw the load balancer.
    expect(from("127.0.0.1", "192.0.2.66, 203.0.113.9, 10.0.0.5", "loopback, 10.0.0.0/8")).toBe("203.0.113.9");
    // A request that reached nginx directly: the trusted proxy's peer is the client.
    expect(from("10.0.0.5", "203.0.113.9", "10.0.0.0/8")).toBe("203.0.113.9");
    // A direct connection from an untrusted address: its header is ignored.
    expect(from("198.51.100.4", "203.0.113.9", "10.0.0.0/8")).toBe("198.51.100.4");
  });

  it("is one client whether an IPv4 address arrives plain or IPv6-mapped", () => {
    expect(from("::ffff:198.51.100.4", null)).toBe("198.51.100.4");
    expect(from("2001:db8::7", "203.0.113.9")).toBe("2001:db8::7");
  });

  it("on Vercel is the platform's header, which its edge writes", () => {
    const headers = new Headers({ "x-real-ip": "203.0.113.5", "x-forwarded-for": "203.0.113.5" });
    expect(clientAddressFrom(headers, { trusted: compileTrustedProxies(""), onVercel: true })).toBe("203.0.113.5");
  });

  it("refuses a trusted-proxy entry that is not an address or a range, naming it", () => {
    expect(() => compileTrustedProxies("loopback, nginx.local")).toThrow(/"nginx\.local" is not an IP address/);
    expect(() => compileTrustedProxies("10.0.0.0/33")).toThrow(/"10\.0\.0\.0\/33"/);
    expect(() => compileTrustedProxies(" loopback , 10.0.0.0/8 ,")).not.toThrow();
  });
});
