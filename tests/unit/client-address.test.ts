import { describe, expect, it } from "vitest";
import { clientAddressFrom, countedClient, PEER_ADDRESS_HEADER, peerAddressHeaderValue } from "@/lib/http/client-address";
import { compileTrustedProxies } from "@/lib/env";
import { unprotectedStartReason } from "@/lib/jobs/server-startup";

const PROCESS_SECRET = "this-process-own-secret-0123456789abcdefghij";

/** A request as the gallery's own server hands it on: the socket's peer behind this process's secret. */
function from(peer: string | null, forwardedFor: string | null, trustedProxies = "", onVercel = false) {
  const headers = new Headers();
  if (peer !== null) headers.set(PEER_ADDRESS_HEADER, peerAddressHeaderValue(PROCESS_SECRET, peer));
  if (forwardedFor !== null) headers.set("x-forwarded-for", forwardedFor);
  return clientAddressFrom(headers, {
    trusted: compileTrustedProxies(trustedProxies),
    onVercel,
    peerSecret: PROCESS_SECRET,
    developing: false,
  });
}

/** A request with these headers exactly, as a client might send them. */
function fromHeaders(sent: Record<string, string>, options: { peerSecret?: string; developing?: boolean } = {}) {
  return clientAddressFrom(new Headers(sent), {
    trusted: compileTrustedProxies("loopback"),
    onVercel: false,
    peerSecret: options.peerSecret,
    developing: options.developing ?? false,
  });
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
    expect(
      clientAddressFrom(headers, { trusted: compileTrustedProxies(""), onVercel: true, peerSecret: undefined, developing: false }),
    ).toBe("203.0.113.5");
  });

  it("is never a client's word: a peer header without this process's secret, or with another's, is not believed", () => {
    // A client that writes the header itself, with or without a guess at the secret.
    expect(
      fromHeaders({ [PEER_ADDRESS_HEADER]: "127.0.0.1", "x-forwarded-for": "203.0.113.7" }, { peerSecret: PROCESS_SECRET }),
    ).toBeNull();
    expect(
      fromHeaders({ [PEER_ADDRESS_HEADER]: "guessed-secret 127.0.0.1", "x-forwarded-for": "203.0.113.7" }, { peerSecret: PROCESS_SECRET }),
    ).toBeNull();
    expect(
      fromHeaders(
        { [PEER_ADDRESS_HEADER]: peerAddressHeaderValue(`${PROCESS_SECRET}x`, "127.0.0.1"), "x-forwarded-for": "203.0.113.7" },
        { peerSecret: PROCESS_SECRET },
      ),
    ).toBeNull();
    // A production server started without the gallery's own (next start, server.js): no secret, no address,
    // whatever X-Forwarded-For or the peer header claim.
    expect(fromHeaders({ [PEER_ADDRESS_HEADER]: peerAddressHeaderValue("", "127.0.0.1"), "x-forwarded-for": "203.0.113.7" })).toBeNull();
    expect(fromHeaders({ "x-forwarded-for": "203.0.113.7" })).toBeNull();
    // `next dev` alone takes X-Forwarded-For's last entry (Next writes it from the socket there).
    expect(fromHeaders({ "x-forwarded-for": "203.0.113.7, 127.0.0.1" }, { developing: true })).toBe("127.0.0.1");
  });

  it("a production web server started without the gallery's own server in front is refused, with the way to start it", () => {
    const production = { isProduction: true, isVercel: false, isBuilding: false, GALLERY_PEER_SECRET: undefined };
    expect(unprotectedStartReason(production)).toMatch(/`next start`[\s\S]*Start it with `npm start`/);
    expect(unprotectedStartReason({ ...production, GALLERY_PEER_SECRET: PROCESS_SECRET })).toBeNull();
    // Vercel's edge writes the address; a build serves nobody; `next dev` is a developer's own machine.
    expect(unprotectedStartReason({ ...production, isVercel: true })).toBeNull();
    expect(unprotectedStartReason({ ...production, isBuilding: true })).toBeNull();
    expect(unprotectedStartReason({ ...production, isProduction: false })).toBeNull();
  });

  it("counts an IPv6 client by its /64, so rotating addresses inside one network is one client; IPv4 as it is", () => {
    expect(countedClient("2001:db8:1:2::7")).toBe("2001:db8:1:2::/64");
    expect(countedClient("2001:0db8:0001:0002:ffff:1:2:3")).toBe("2001:db8:1:2::/64");
    expect(countedClient("2001:db8:1:3::7")).toBe("2001:db8:1:3::/64");
    expect(countedClient("::1")).toBe("0:0:0:0::/64");
    expect(countedClient("198.51.100.4")).toBe("198.51.100.4");
  });

  it("refuses a trusted-proxy entry that is not an address or a range, naming it", () => {
    expect(() => compileTrustedProxies("loopback, nginx.local")).toThrow(/"nginx\.local" is not an IP address/);
    expect(() => compileTrustedProxies("10.0.0.0/33")).toThrow(/"10\.0\.0\.0\/33"/);
    expect(() => compileTrustedProxies(" loopback , 10.0.0.0/8 ,")).not.toThrow();
  });
});
