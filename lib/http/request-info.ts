import "server-only";
import { createHmac } from "node:crypto";
import { clientAddressFrom, countedClient } from "@/lib/http/client-address";
import { compileTrustedProxies, type TrustedProxy } from "@/lib/env";
import { serverEnv } from "@/lib/env";

let trusted: TrustedProxy | undefined;

/**
 * The client's address as far as this server can know it: the socket's peer, or behind proxies
 * the operator named in TRUSTED_PROXIES the right-most address that none of them vouches for
 * (lib/http/client-address.ts). On Vercel, the platform's own header. An IPv6 client is its /64, as
 * every limit counts it.
 */
export function clientIpFrom(headers: Headers): string | null {
  const env = serverEnv();
  trusted ??= compileTrustedProxies(env.TRUSTED_PROXIES);
  const address = clientAddressFrom(headers, {
    trusted,
    onVercel: env.isVercel,
    peerSecret: env.GALLERY_PEER_SECRET,
    developing: !env.isProduction,
  });
  return address === null ? null : countedClient(address);
}

/** A client's address as the log may show it: a keyed hash, the same for the same client, never the address. */
export function clientTag(address: string): string {
  return createHmac("sha256", serverEnv().FORM_SIGNING_SECRET).update(address).digest("hex").slice(0, 16);
}
