import "server-only";
import { timingSafeEqual } from "node:crypto";
import { serverEnv } from "@/lib/env";

/** For machine-to-machine routes (a scheduler, the import command): "Authorization: Bearer <CRON_SECRET>". */
export function carriesCronSecret(request: Request): boolean {
  const secret = serverEnv().CRON_SECRET;
  if (!secret) return false;
  const given = Buffer.from(request.headers.get("authorization") ?? "");
  const expected = Buffer.from(`Bearer ${secret}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function notAuthorised(): Response {
  return Response.json({ error: "Not authorised" }, { status: 401, headers: { "Cache-Control": "no-store" } });
}
