import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { serverEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import { readFormWithin, UnreadableBody } from "@/lib/http/request-body";
import { firstUseOfWebhookToken, forgetWebhookToken } from "@/lib/data/inbound-emails";
import { ingestRawEmail } from "@/lib/jobs/read-mailbox";
import { deliverAfterResponse } from "@/lib/jobs/deliver-after-response";

/**
 * Mailgun's inbound routes, as the second way collectors' answers come in (for a gallery whose mail
 * goes through Mailgun rather than a mailbox read over IMAP). The route forwards to
 * https://…/api/inbound/mailgun-mime: a URL ending in "mime" is sent the raw message as `body-mime`, so
 * it is parsed here exactly as a message read over IMAP is, and stored once by its Message-ID whichever
 * way it came. Each post is signed: HMAC-SHA256 of its timestamp and token with the domain's webhook
 * signing key (INBOUND_MAILGUN_SIGNING_KEY); a post older than 15 minutes, or whose token was used
 * before, is refused. Answers as Mailgun reads them: 200 taken, 406 not for us (never retried),
 * anything else retried for 8 hours (a database that is down loses nothing).
 */

/** Mailgun takes messages of up to 25 MB; their form adds a little. */
const LARGEST_POST_BYTES = 30 * 1024 * 1024;
const SIGNATURE_LIFETIME_SECONDS = 15 * 60;

function answer(status: number, body: Record<string, unknown>): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

export function validMailgunSignature(
  key: string,
  fields: { timestamp: string; token: string; signature: string },
  nowSeconds: number,
): boolean {
  if (
    !/^\d{1,12}$/.test(fields.timestamp) ||
    !/^[0-9a-f]{64}$/i.test(fields.signature) ||
    fields.token.length < 20 ||
    fields.token.length > 200
  )
    return false;
  if (Math.abs(nowSeconds - Number(fields.timestamp)) > SIGNATURE_LIFETIME_SECONDS) return false;
  const expected = createHmac("sha256", key)
    .update(fields.timestamp + fields.token)
    .digest();
  const given = Buffer.from(fields.signature, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function handleMailgunInbound(request: Request): Promise<Response> {
  const key = serverEnv().INBOUND_MAILGUN_SIGNING_KEY;
  if (!key) return answer(406, { error: "Inbound email by webhook is not set up on this site." });
  let form: FormData;
  try {
    form = await readFormWithin(request, LARGEST_POST_BYTES);
  } catch (error) {
    if (error instanceof UnreadableBody) return answer(error.status === 413 ? 406 : 400, { error: error.message });
    throw error;
  }
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const fields = { timestamp: field("timestamp"), token: field("token"), signature: field("signature") };
  if (!validMailgunSignature(key, fields, Math.floor(Date.now() / 1000)))
    return answer(401, { error: "The signature is not valid, or too old." });
  const mime = form.get("body-mime");
  const raw = typeof mime === "string" ? Buffer.from(mime, "utf8") : mime instanceof Blob ? Buffer.from(await mime.arrayBuffer()) : null;
  if (!raw || raw.length === 0) return answer(406, { error: "No body-mime: the route must forward to a URL ending in mime." });
  if (!(await firstUseOfWebhookToken(fields.token))) return answer(401, { error: "This post was received before." });
  let outcome: Awaited<ReturnType<typeof ingestRawEmail>>;
  try {
    outcome = await ingestRawEmail(raw, { source: "mailgun", mailboxPlace: null });
  } catch (error) {
    // Not taken (the database or storage failed): Mailgun retries, and its retry must not look like a replay.
    await forgetWebhookToken(fields.token).catch(() => {});
    throw error;
  }
  if (outcome.stored === "conversation") deliverAfterResponse(outcome.outboxIds);
  logger.info({ source: "mailgun", stored: outcome.stored }, "Inbound email taken");
  return answer(200, { stored: outcome.stored });
}
