import "server-only";
import { clientAddressFrom } from "@/lib/http/client-address";
import { compileTrustedProxies, type TrustedProxy } from "@/lib/env";
import { serverEnv } from "@/lib/env";

let trusted: TrustedProxy | undefined;

/**
 * The client's address as far as this server can know it: the socket's peer, or behind proxies
 * the operator named in TRUSTED_PROXIES the right-most address that none of them vouches for
 * (lib/http/client-address.ts). On Vercel, the platform's own header.
 */
export function clientIpFrom(headers: Headers): string | null {
  const env = serverEnv();
  trusted ??= compileTrustedProxies(env.TRUSTED_PROXIES);
  return clientAddressFrom(headers, { trusted, onVercel: env.isVercel });
}
