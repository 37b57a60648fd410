import "server-only";
import { serverEnv } from "@/lib/env";

/**
 * The client's address as far as this server can trust it. Behind a proxy we trust (Vercel,
 * nginx: TRUST_PROXY_HEADERS=true) it is the first X-Forwarded-For entry; otherwise only the
 * entry our own server appended (the last) — a client can prepend anything it likes.
 */
export function clientIpFrom(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for");
  const entries = forwarded
    ?.split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (!entries || entries.length === 0) return headers.get("x-real-ip");
  return (serverEnv().TRUST_PROXY_HEADERS ? entries[0] : entries.at(-1)) ?? null;
}
