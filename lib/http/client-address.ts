/**
 * Which address a request came from, for rate limits and the spam checks.
 *
 * X-Forwarded-For is written by whoever sent the request: a client can put any address in it. Only
 * the socket's peer is known for certain, and a proxy's word about the hop before it counts only when
 * that proxy is one the operator named (TRUSTED_PROXIES, e.g. `loopback` for nginx on the same machine,
 * or `10.0.0.0/8`). The client is the right-most address in the chain that is not a trusted proxy —
 * the rule Express's `trust proxy` follows, through the same library (proxy-addr).
 *
 * Next.js does not give route handlers the socket, so the gallery's own server
 * (scripts/build/warm-server.mjs, which `npm start`, the stack and systemd run) writes the peer into
 * PEER_ADDRESS_HEADER on every request, replacing whatever a client sent under that name.
 *
 * Not server-only: the stack's scripts use it too. The proxy list is read and checked by lib/env.ts.
 */
import proxyaddr from "proxy-addr";
import type { TrustedProxy } from "@/lib/env";

export const PEER_ADDRESS_HEADER = "x-gallery-peer-address";

/** "::ffff:203.0.113.9" (an IPv4 client on a dual-stack socket) and "203.0.113.9" are one client. */
function plain(address: string): string {
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");
}

function listed(value: string | null): string[] {
  return (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}

export function clientAddressFrom(headers: Headers, options: { trusted: TrustedProxy; onVercel: boolean }): string | null {
  if (options.onVercel) {
    // Vercel's edge replaces X-Forwarded-For and X-Real-IP with the address it was called from.
    const platform = listed(headers.get("x-real-ip"))[0] ?? listed(headers.get("x-forwarded-for"))[0];
    return platform ? plain(platform) : null;
  }
  const peer = headers.get(PEER_ADDRESS_HEADER);
  const forwarded = headers.get("x-forwarded-for") ?? undefined;
  if (peer) {
    const request = { headers: { "x-forwarded-for": forwarded }, connection: { remoteAddress: peer }, socket: { remoteAddress: peer } };
    return plain(proxyaddr(request as unknown as Parameters<typeof proxyaddr>[0], options.trusted));
  }
  // Only `next dev` runs without the gallery's server in front: Next.js fills X-Forwarded-For from the
  // socket when a client sent none, so its last entry is the best there is (and can be forged).
  const last = listed(forwarded ?? null).at(-1);
  return last ? plain(last) : null;
}
