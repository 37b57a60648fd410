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
 * PEER_ADDRESS_HEADER on every request, replacing whatever a client sent under that name, behind a
 * secret it made for this process alone (GALLERY_PEER_SECRET). The header is believed only with that
 * secret: a server started some other way (`next start`, Next's own server.js) has no such header, and
 * a client's header of the same name is not the socket's word.
 *
 * Not server-only: the stack's scripts use it too. The proxy list is read and checked by lib/env.ts.
 */
import { timingSafeEqual } from "node:crypto";
import ipaddr from "ipaddr.js";
import proxyaddr from "proxy-addr";
import type { TrustedProxy } from "@/lib/env";

export const PEER_ADDRESS_HEADER = "x-gallery-peer-address";

/** The header's value as the gallery's server writes it: its process's secret, a space, the socket's peer. */
export function peerAddressHeaderValue(secret: string, address: string): string {
  return `${secret} ${address}`;
}

/** The socket's peer, from a header that carries this process's secret; null from any other. */
function verifiedPeer(value: string | null, secret: string | undefined): string | null {
  if (!value || !secret) return null;
  const space = value.indexOf(" ");
  if (space < 0) return null;
  const offered = Buffer.from(value.slice(0, space));
  const expected = Buffer.from(secret);
  if (offered.length !== expected.length || !timingSafeEqual(offered, expected)) return null;
  return value.slice(space + 1).trim() || null;
}

export type ClientAddressOptions = {
  trusted: TrustedProxy;
  onVercel: boolean;
  /** The secret the gallery's own server put in front of the peer's address (unset under `next dev`). */
  peerSecret: string | undefined;
  /** `next dev` only: no server of the gallery's writes the peer, and nothing is at stake. */
  developing: boolean;
};

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

export function clientAddressFrom(headers: Headers, options: ClientAddressOptions): string | null {
  if (options.onVercel) {
    // Vercel's edge replaces X-Forwarded-For and X-Real-IP with the address it was called from.
    const platform = listed(headers.get("x-real-ip"))[0] ?? listed(headers.get("x-forwarded-for"))[0];
    return platform ? plain(platform) : null;
  }
  const peer = verifiedPeer(headers.get(PEER_ADDRESS_HEADER), options.peerSecret);
  const forwarded = headers.get("x-forwarded-for") ?? undefined;
  if (peer) {
    const request = { headers: { "x-forwarded-for": forwarded }, connection: { remoteAddress: peer }, socket: { remoteAddress: peer } };
    return plain(proxyaddr(request as unknown as Parameters<typeof proxyaddr>[0], options.trusted));
  }
  if (!options.developing) return null;
  // `next dev` runs without the gallery's server in front: Next.js fills X-Forwarded-For from the socket
  // when a client sent none, so its last entry is the best there is (and can be forged: never in production).
  const last = listed(forwarded ?? null).at(-1);
  return last ? plain(last) : null;
}

/**
 * The client as the limits count it: an IPv4 address as it is; an IPv6 address by its /64, the network
 * one home or one server is given, inside which a script can take a new address for every request.
 */
export function countedClient(address: string): string {
  if (!ipaddr.IPv6.isValid(address)) return address;
  const parts = ipaddr.IPv6.parse(address).parts.slice(0, 4);
  return `${parts.map((part) => part.toString(16)).join(":")}::/64`;
}
