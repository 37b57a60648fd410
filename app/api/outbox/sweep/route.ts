import { timingSafeEqual } from "node:crypto";
import { serverEnv } from "@/lib/env";
import { sweepOutbox } from "@/lib/mail/outbox";

/**
 * The outbox sweep for hosts without a long-lived process (a scheduler calls it, as Vercel Cron
 * does, with "Authorization: Bearer <CRON_SECRET>"). On a Node server it also runs by itself.
 */
async function sweep(request: Request) {
  const secret = serverEnv().CRON_SECRET;
  const given = Buffer.from(request.headers.get("authorization") ?? "");
  const expected = Buffer.from(`Bearer ${secret ?? ""}`);
  if (!secret || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return Response.json({ error: "Not authorised" }, { status: 401, headers: { "Cache-Control": "no-store" } });
  }
  const report = await sweepOutbox();
  return Response.json(report, { headers: { "Cache-Control": "no-store" } });
}

export const GET = sweep;
export const POST = sweep;
