import "server-only";
import { workLabel } from "@/lib/catalogue/describe";
import { db } from "@/lib/db/client";
import { queueEmail } from "@/lib/data/outbox";
import { takeWriteLock } from "@/lib/data/write-lock";
import { availabilityFrom } from "@/lib/data/database-values";
import { alertConfirmationEmail, availableAgainEmail, oneClickUnsubscribeHeaders } from "@/lib/emails/sale-emails";
import { hashLinkToken, issueLinkToken } from "@/lib/enquiries/link-token";
import { serverEnv } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  alertConfirmPath,
  alertOneClickPath,
  alertUnsubscribePath,
  alertUnsubscribeToken,
  readAlertUnsubscribeToken,
} from "@/lib/sales/signed-links";
import { heldUntilLabel } from "@/lib/sales/holds";

/**
 * "Tell me if it becomes available": asked for on a reserved or sold work's page (kept only once the
 * emailed link is pressed), or kept by itself for a collector whose enquiry named a reserved work.
 * When the work is available again (a hold ends without a sale, staff mark it available) each
 * confirmed alert that has not been told is sent one email, written in the same transaction as the
 * change; marking it told first, with a condition, means two processes ending two holds on the
 * same work at once still send it once.
 */

const CONFIRM_WITHIN_MS = 48 * 3_600_000;

function gallery() {
  const env = serverEnv();
  return { name: env.GALLERY_NAME, siteUrl: env.SITE_URL };
}

/** The unsubscribe page a person opens from the email, and the address a mail program posts to with one click. */
function unsubscribeLinks(alertId: string): { page: string; headers: Record<string, string> } {
  const env = serverEnv();
  const token = alertUnsubscribeToken(env.FORM_SIGNING_SECRET, alertId);
  return {
    page: `${env.SITE_URL}${alertUnsubscribePath(token)}`,
    headers: oneClickUnsubscribeHeaders(`${env.SITE_URL}${alertOneClickPath(token)}`),
  };
}

/** Queues the "available again" email to everyone waiting for this work; how many were queued. */
export async function queueAvailableAgainEmails(tx: Prisma.TransactionClient, artworkId: string, now: Date): Promise<number> {
  const waiting = await tx.availabilityAlert.findMany({
    where: { artworkId, confirmedAt: { not: null }, unsubscribedAt: null, notifiedAt: null },
    include: { artwork: { select: { catalogueNumber: true, title: true, slug: true } } },
  });
  const env = serverEnv();
  let queued = 0;
  for (const alert of waiting) {
    const { count } = await tx.availabilityAlert.updateMany({ where: { id: alert.id, notifiedAt: null }, data: { notifiedAt: now } });
    if (count === 0) continue;
    const unsubscribe = unsubscribeLinks(alert.id);
    const rendered = availableAgainEmail(gallery(), {
      name: alert.name,
      work: { label: workLabel(alert.artwork), url: `${env.SITE_URL}/works/${alert.artwork.slug}` },
      unsubscribeUrl: unsubscribe.page,
    });
    await queueEmail(
      {
        kind: "available_again",
        to: alert.email,
        from: env.MAIL_FROM,
        replyTo: env.GALLERY_EMAIL,
        ...rendered,
        enquiryId: alert.enquiryId ?? undefined,
        headers: unsubscribe.headers,
      },
      tx,
    );
    queued += 1;
  }
  return queued;
}

export type AlertRequestOutcome =
  | { outcome: "confirmation_sent"; outboxId: string }
  | { outcome: "already_kept" }
  | { outcome: "work_available" }
  | { outcome: "no_such_work" };

/**
 * Someone asks on a work's page. Nothing counts until they press the emailed link; asking again
 * sends a new link (the old one stops working). An alert already confirmed and not yet used is left as
 * it is (and the answer is the same as for a new one, so the form tells nobody whether an address is
 * waiting for a work).
 */
export async function askForAvailabilityAlert(input: { artworkSlug: string; name: string; email: string; now: Date }): Promise<AlertRequestOutcome> {
  const work = await db.artwork.findFirst({
    where: { slug: input.artworkSlug, published: true, section: { exhibition: { published: true } } },
    select: { id: true, slug: true, catalogueNumber: true, title: true, availability: true },
  });
  if (!work) return { outcome: "no_such_work" };
  const availability = availabilityFrom(work.availability);
  if (availability === "available") return { outcome: "work_available" };
  const email = input.email.toLowerCase();
  const existing = await db.availabilityAlert.findUnique({ where: { artworkId_email: { artworkId: work.id, email } } });
  if (existing?.confirmedAt && !existing.unsubscribedAt && !existing.notifiedAt) return { outcome: "already_kept" };

  const env = serverEnv();
  const confirm = issueLinkToken();
  const confirmBy = new Date(input.now.getTime() + CONFIRM_WITHIN_MS);
  const rendered = alertConfirmationEmail(gallery(), {
    work: { label: workLabel(work), url: `${env.SITE_URL}/works/${work.slug}` },
    confirmUrl: `${env.SITE_URL}${alertConfirmPath(confirm.token)}`,
    confirmBy: heldUntilLabel(confirmBy, env.GALLERY_TIME_ZONE),
  });
  return db.$transaction(async (tx) => {
    // Prisma's upsert may read before it writes: the lock is taken first.
    await takeWriteLock(tx);
    const alert = await tx.availabilityAlert.upsert({
      where: { artworkId_email: { artworkId: work.id, email } },
      create: { artworkId: work.id, email, name: input.name, source: "page", confirmTokenHash: confirm.hash, confirmBy },
      update: {
        name: input.name,
        source: "page",
        confirmTokenHash: confirm.hash,
        confirmBy,
        confirmedAt: null,
        unsubscribedAt: null,
        notifiedAt: null,
      },
    });
    const outboxId = await queueEmail(
      {
        kind: "availability_alert_confirmation",
        to: email,
        from: env.MAIL_FROM,
        replyTo: env.GALLERY_EMAIL,
        ...rendered,
        headers: unsubscribeLinks(alert.id).headers,
      },
      tx,
    );
    return { outcome: "confirmation_sent" as const, outboxId };
  });
}

export type AlertLinkOutcome =
  | { outcome: "confirmed"; work: { label: string; slug: string; availableNow: boolean } }
  | { outcome: "already_confirmed"; work: { label: string; slug: string; availableNow: boolean } }
  | { outcome: "expired" }
  | { outcome: "unknown" };

/** The emailed link pressed: the alert counts from now. Pressed twice, it says so; pressed late, it asks again. */
export async function confirmAvailabilityAlert(token: string, now: Date): Promise<AlertLinkOutcome> {
  const alert = await db.availabilityAlert.findUnique({
    where: { confirmTokenHash: hashLinkToken(token) },
    include: { artwork: { select: { catalogueNumber: true, title: true, slug: true, availability: true } } },
  });
  if (!alert) return { outcome: "unknown" };
  const work = {
    label: workLabel(alert.artwork),
    slug: alert.artwork.slug,
    availableNow: availabilityFrom(alert.artwork.availability) === "available",
  };
  if (alert.confirmedAt) return { outcome: "already_confirmed", work };
  if (!alert.confirmBy || alert.confirmBy.getTime() < now.getTime()) return { outcome: "expired" };
  const { count } = await db.availabilityAlert.updateMany({ where: { id: alert.id, confirmedAt: null }, data: { confirmedAt: now } });
  return { outcome: count === 1 ? "confirmed" : "already_confirmed", work };
}

/** The unsubscribe link (a person's press or a mail program's one-click POST): the alert sends nothing more. */
export async function unsubscribeAvailabilityAlert(token: string, now: Date): Promise<{ outcome: "unsubscribed"; workLabel: string } | { outcome: "unknown" }> {
  const alertId = readAlertUnsubscribeToken(serverEnv().FORM_SIGNING_SECRET, token);
  if (!alertId) return { outcome: "unknown" };
  const alert = await db.availabilityAlert.findUnique({
    where: { id: alertId },
    include: { artwork: { select: { catalogueNumber: true, title: true } } },
  });
  // An erased alert's link says the same as a good one: nothing will be sent.
  if (!alert) return { outcome: "unsubscribed", workLabel: "" };
  if (!alert.unsubscribedAt) await db.availabilityAlert.updateMany({ where: { id: alertId, unsubscribedAt: null }, data: { unsubscribedAt: now } });
  return { outcome: "unsubscribed", workLabel: workLabel(alert.artwork) };
}

/** The alert an enquiry about a reserved work keeps by itself (its acknowledgement promised to tell them). SQL for the enquiry's transaction. */
export const KEEP_ALERT_FOR_RESERVED_WORK_SQL = `INSERT INTO "AvailabilityAlert" ("id", "artworkId", "email", "name", "source", "enquiryId",
  "confirmedAt", "createdAt", "updatedAt")
  SELECT ?, "id", ?, ?, 'enquiry', ?, ?, ?, ? FROM "Artwork" WHERE "id" = ? AND "availability" = 'reserved'
  ON CONFLICT ("artworkId", "email") DO UPDATE SET "confirmedAt" = COALESCE("AvailabilityAlert"."confirmedAt", excluded."confirmedAt"),
    "unsubscribedAt" = NULL, "notifiedAt" = NULL, "enquiryId" = excluded."enquiryId", "updatedAt" = excluded."updatedAt"`;
