import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { queueEmail } from "@/lib/data/outbox";
import { takeWriteLock } from "@/lib/data/write-lock";
import { workLabel } from "@/lib/catalogue/describe";
import { formatPrice } from "@/lib/catalogue/prices";
import { criteriaKeyOf, criteriaLabel, workAnswersAlert, type AlertCriteria, type AlertScope } from "@/lib/catalogue/new-work-alerts";
import { greetingFor, newWorkAlertConfirmationEmail, newWorksEmail, type NewWorkLine } from "@/lib/emails/new-work-emails";
import { escapeHtml } from "@/lib/emails/html";
import { oneClickUnsubscribeHeaders } from "@/lib/emails/sale-emails";
import { hashLinkToken, issueLinkToken } from "@/lib/enquiries/link-token";
import { photographUrl } from "@/lib/images/photograph-urls";
import { heldUntilLabel } from "@/lib/sales/holds";
import {
  newWorkAlertConfirmPath,
  newWorkAlertOneClickPath,
  newWorkAlertUnsubscribePath,
  newWorkAlertUnsubscribeToken,
  readNewWorkAlertUnsubscribeToken,
} from "@/lib/sales/signed-links";
import { serverEnv } from "@/lib/env";
import { requireRole, type StaffMember } from "@/lib/staff/roles";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * "Tell me about new works like this" (NewWorkAlert). Asked for on a work's or a section's page and kept
 * once the emailed link is pressed. When works are first published (by staff, or by an import), each
 * alert they answer is sent one email listing them, at most one a day: queueNewWorkEmails runs on every
 * sweep and writes all of a round's emails in one transaction under the write lock, so two processes
 * sweeping at once cannot both send the day's email.
 */

const CONFIRM_WITHIN_MS = 48 * 3_600_000;
// Stand-ins in a rendering shared by many subscribers, replaced by each one's own.
const GREETING_MARK = "\u0000greeting\u0000";
const UNSUBSCRIBE_MARK = "\u0000unsubscribe\u0000";
const DAY_MS = 24 * 3_600_000;

function gallery() {
  const env = serverEnv();
  return { name: env.GALLERY_NAME, siteUrl: env.SITE_URL };
}

function unsubscribeLinks(alertId: string): { page: string; headers: Record<string, string> } {
  const env = serverEnv();
  const token = newWorkAlertUnsubscribeToken(env.FORM_SIGNING_SECRET, alertId);
  return { page: `${env.SITE_URL}${newWorkAlertUnsubscribePath(token)}`, headers: oneClickUnsubscribeHeaders(`${env.SITE_URL}${newWorkAlertOneClickPath(token)}`) };
}

async function namesFor(criteria: Pick<AlertCriteria, "artistId" | "sectionId">) {
  const [artist, section] = await Promise.all([
    db.artist.findUnique({ where: { id: criteria.artistId }, select: { name: true } }),
    criteria.sectionId ? db.section.findUnique({ where: { id: criteria.sectionId }, select: { title: true } }) : null,
  ]);
  return { artist: artist?.name ?? "the artist", section: section?.title ?? null };
}

export type NewWorkAlertRequest = {
  /** The page it was asked on: a work's slug, or a section (exhibition and section slugs). */
  from: { artworkSlug: string } | { exhibitionSlug: string; sectionSlug: string };
  scope: AlertScope;
  maxPrice: number | null;
  name: string;
  email: string;
  now: Date;
};

export type NewWorkAlertOutcome = { outcome: "confirmation_sent"; outboxId: string } | { outcome: "already_kept" } | { outcome: "not_found" };

/** What the page offers: the criteria an alert asked from there would have. */
async function criteriaFrom(request: NewWorkAlertRequest): Promise<AlertCriteria | null> {
  const place =
    "artworkSlug" in request.from
      ? await db.artwork.findFirst({
          where: { slug: request.from.artworkSlug, published: true, section: { exhibition: { published: true } } },
          select: { category: true, currency: true, section: { select: { id: true, exhibition: { select: { artistId: true } } } } },
        })
      : await db.section
          .findFirst({
            where: { slug: request.from.sectionSlug, exhibition: { slug: request.from.exhibitionSlug, published: true } },
            select: { id: true, exhibition: { select: { artistId: true } } },
          })
          .then((section) => (section ? { category: null, currency: null, section } : null));
  if (!place) return null;
  if (request.scope === "medium" && !place.category) return null;
  return {
    scope: request.scope,
    artistId: place.section.exhibition.artistId,
    sectionId: request.scope === "section" ? place.section.id : null,
    category: request.scope === "medium" ? place.category : null,
    maxPriceMinor: request.maxPrice === null ? null : Math.round(request.maxPrice * 100),
    currency: request.maxPrice === null ? null : (place.currency ?? "GBP"),
  };
}

/**
 * Someone asks. Nothing counts until they press the emailed link; asking again sends a new link. An
 * alert already confirmed is left as it is, and the answer is the same as for a new one (the form tells
 * nobody whether an address is signed up).
 */
export async function askForNewWorkAlert(request: NewWorkAlertRequest): Promise<NewWorkAlertOutcome> {
  const criteria = await criteriaFrom(request);
  if (!criteria) return { outcome: "not_found" };
  const email = request.email.trim().toLowerCase();
  const criteriaKey = criteriaKeyOf(criteria);
  const existing = await db.newWorkAlert.findUnique({ where: { email_criteriaKey: { email, criteriaKey } } });
  if (existing?.confirmedAt && !existing.unsubscribedAt) return { outcome: "already_kept" };
  const env = serverEnv();
  const confirm = issueLinkToken();
  const confirmBy = new Date(request.now.getTime() + CONFIRM_WITHIN_MS);
  const what = criteriaLabel(criteria, await namesFor(criteria));
  const rendered = newWorkAlertConfirmationEmail(gallery(), {
    what,
    confirmUrl: `${env.SITE_URL}${newWorkAlertConfirmPath(confirm.token)}`,
    confirmBy: heldUntilLabel(confirmBy, env.GALLERY_TIME_ZONE),
  });
  return db.$transaction(async (tx) => {
    await takeWriteLock(tx);
    const fields = { name: request.name, confirmTokenHash: confirm.hash, confirmBy, confirmedAt: null, unsubscribedAt: null };
    const alert = await tx.newWorkAlert.upsert({
      where: { email_criteriaKey: { email, criteriaKey } },
      create: { email, criteriaKey, ...criteria, ...fields },
      update: fields,
    });
    const outboxId = await queueEmail(
      { kind: "new_work_alert_confirmation", to: email, from: env.MAIL_FROM, replyTo: env.GALLERY_EMAIL, ...rendered, headers: unsubscribeLinks(alert.id).headers },
      tx,
    );
    return { outcome: "confirmation_sent" as const, outboxId };
  });
}

export type NewWorkAlertLinkOutcome = { outcome: "confirmed" | "already_confirmed"; what: string } | { outcome: "expired" } | { outcome: "unknown" };

/** The emailed link pressed: works first published from now on are looked out for. */
export async function confirmNewWorkAlert(token: string, now: Date): Promise<NewWorkAlertLinkOutcome> {
  const alert = await db.newWorkAlert.findUnique({ where: { confirmTokenHash: hashLinkToken(token) } });
  if (!alert) return { outcome: "unknown" };
  const what = criteriaLabel(alert as AlertCriteria, await namesFor({ artistId: alert.artistId ?? "", sectionId: alert.sectionId }));
  if (alert.confirmedAt) return { outcome: "already_confirmed", what };
  if (!alert.confirmBy || alert.confirmBy.getTime() < now.getTime()) return { outcome: "expired" };
  const { count } = await db.newWorkAlert.updateMany({ where: { id: alert.id, confirmedAt: null }, data: { confirmedAt: now, coveredUntil: now } });
  return { outcome: count === 1 ? "confirmed" : "already_confirmed", what };
}

/** The unsubscribe link (a person's press, or a mail program's one-click POST): nothing more is sent. */
export async function unsubscribeNewWorkAlert(token: string, now: Date): Promise<{ outcome: "unsubscribed" } | { outcome: "unknown" }> {
  const alertId = readNewWorkAlertUnsubscribeToken(serverEnv().FORM_SIGNING_SECRET, token);
  if (!alertId) return { outcome: "unknown" };
  await db.newWorkAlert.updateMany({ where: { id: alertId, unsubscribedAt: null }, data: { unsubscribedAt: now } });
  // An erased alert's link says the same as a good one: nothing will be sent.
  return { outcome: "unsubscribed" };
}

export type NewWorkRound = { alertsDue: number; newWorks: number; queued: number };

/**
 * One round: every confirmed alert not written to in the last day is matched against the works first
 * published since it was last looked at; each with matches gets one email listing them. All of it in one
 * transaction under the write lock (two sweepers at once: the second finds nothing due).
 */
export async function queueNewWorkEmails(now = new Date()): Promise<NewWorkRound> {
  const env = serverEnv();
  const dayAgo = new Date(now.getTime() - DAY_MS);
  return db.$transaction(
    async (tx) => {
      await takeWriteLock(tx);
      const due = await tx.newWorkAlert.findMany({
        where: { confirmedAt: { not: null }, unsubscribedAt: null, OR: [{ lastSentAt: null }, { lastSentAt: { lte: dayAgo } }] },
        select: { id: true, email: true, name: true, scope: true, artistId: true, sectionId: true, category: true, maxPriceMinor: true, currency: true, coveredUntil: true, confirmedAt: true },
      });
      if (due.length === 0) return { alertsDue: 0, newWorks: 0, queued: 0 };
      const since = due.reduce((earliest, alert) => Math.min(earliest, (alert.coveredUntil ?? alert.confirmedAt!).getTime()), now.getTime());
      const works = await tx.artwork.findMany({
        where: { firstPublishedAt: { gt: new Date(since), lte: now }, published: true, availability: "available", section: { exhibition: { published: true } } },
        orderBy: [{ firstPublishedAt: "asc" }, { position: "asc" }],
        take: 500,
        select: {
          slug: true,
          catalogueNumber: true,
          title: true,
          category: true,
          technique: true,
          availability: true,
          priceMinor: true,
          currency: true,
          firstPublishedAt: true,
          sectionId: true,
          section: { select: { title: true, exhibition: { select: { artistId: true, artist: { select: { name: true } } } } } },
          images: { orderBy: { position: "asc" }, take: 1, select: { storageKey: true, altText: true } },
        },
      });
      const lines = new Map<string, NewWorkLine>();
      const lineOf = (work: (typeof works)[number]): NewWorkLine => {
        let line = lines.get(work.slug);
        if (!line) {
          const image = work.images[0];
          line = {
            label: workLabel(work),
            details: [work.technique || work.category, work.section.title, work.priceMinor !== null && work.currency ? formatPrice(work.priceMinor, work.currency) : "Price on application"].join(" · "),
            url: `${env.SITE_URL}/works/${work.slug}`,
            photographUrl: image ? `${env.SITE_URL}${photographUrl(image.storageKey, 480)}` : null,
            photographAlt: image?.altText || workLabel(work),
          };
          lines.set(work.slug, line);
        }
        return line;
      };
      const artistNames = new Map(works.map((work) => [work.section.exhibition.artistId, work.section.exhibition.artist.name]));
      const sectionTitles = new Map(works.map((work) => [work.sectionId, work.section.title]));
      const sentIds: string[] = [];
      const emails: Prisma.OutboxEmailCreateManyInput[] = [];
      // Alerts that ask the same thing and were last looked at together get the same list: matched
      // and rendered once, with markers for the greeting and the unsubscribe link.
      const renderedFor = new Map<string, { subject: string; text: string; html: string } | null>();
      for (const alert of due) {
        const criteria = alert as AlertCriteria & typeof alert;
        const after = (alert.coveredUntil ?? alert.confirmedAt!).getTime();
        const groupKey = `${criteriaKeyOf(criteria)}|${after}`;
        let rendered = renderedFor.get(groupKey);
        if (rendered === undefined) {
          const matches = works.filter(
            (work) =>
              work.firstPublishedAt!.getTime() > after &&
              workAnswersAlert(
                {
                  artistId: work.section.exhibition.artistId,
                  sectionId: work.sectionId,
                  category: work.category,
                  availability: work.availability,
                  priceMinor: work.priceMinor,
                  currency: work.currency,
                },
                criteria,
              ),
          );
          rendered =
            matches.length === 0
              ? null
              : newWorksEmail(gallery(), {
                  greeting: GREETING_MARK,
                  what: criteriaLabel(criteria, {
                    artist: artistNames.get(alert.artistId ?? "") ?? "the artist",
                    section: alert.sectionId ? (sectionTitles.get(alert.sectionId) ?? null) : null,
                  }),
                  works: matches.map(lineOf),
                  unsubscribeUrl: UNSUBSCRIBE_MARK,
                });
          renderedFor.set(groupKey, rendered);
        }
        if (!rendered) continue;
        const unsubscribe = unsubscribeLinks(alert.id);
        const greeting = greetingFor(alert.name);
        emails.push({
          id: randomUUID(),
          kind: "new_works",
          toAddress: alert.email,
          fromAddress: env.MAIL_FROM,
          replyTo: env.GALLERY_EMAIL,
          subject: rendered.subject,
          textBody: rendered.text.replace(GREETING_MARK, greeting).replace(UNSUBSCRIBE_MARK, unsubscribe.page),
          htmlBody: rendered.html.replace(GREETING_MARK, escapeHtml(greeting)).replace(UNSUBSCRIBE_MARK, escapeHtml(unsubscribe.page)),
          headers: unsubscribe.headers,
        });
        sentIds.push(alert.id);
      }
      // Every alert due has now been looked at up to this moment; those written to wait a day.
      const dueIds = due.map((alert) => alert.id);
      for (let start = 0; start < dueIds.length; start += 500) {
        await tx.newWorkAlert.updateMany({ where: { id: { in: dueIds.slice(start, start + 500) } }, data: { coveredUntil: now } });
      }
      for (let start = 0; start < sentIds.length; start += 500) {
        await tx.newWorkAlert.updateMany({ where: { id: { in: sentIds.slice(start, start + 500) } }, data: { lastSentAt: now } });
      }
      for (let start = 0; start < emails.length; start += 1000) await tx.outboxEmail.createMany({ data: emails.slice(start, start + 1000) });
      return { alertsDue: due.length, newWorks: works.length, queued: emails.length };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

export type AlertSubscribers = { label: string; subscribers: Array<{ email: string; name: string; since: string; lastSentAt: string | null }> };

/** For staff: each alert asked for, and who is signed up to it (confirmed, not unsubscribed). */
export async function listNewWorkAlerts(staff: StaffMember): Promise<{ alerts: AlertSubscribers[]; confirmed: number; waitingConfirmation: number }> {
  requireRole(staff);
  const rows = await db.newWorkAlert.findMany({
    where: { unsubscribedAt: null },
    orderBy: { createdAt: "asc" },
    include: { artist: { select: { name: true } }, section: { select: { title: true } } },
  });
  const byKey = new Map<string, AlertSubscribers>();
  let waitingConfirmation = 0;
  for (const row of rows) {
    if (!row.confirmedAt) {
      waitingConfirmation += 1;
      continue;
    }
    const label = criteriaLabel(row as AlertCriteria, { artist: row.artist?.name ?? "the artist", section: row.section?.title ?? null });
    const entry = byKey.get(row.criteriaKey) ?? { label, subscribers: [] };
    entry.subscribers.push({ email: row.email, name: row.name, since: row.confirmedAt.toISOString(), lastSentAt: row.lastSentAt?.toISOString() ?? null });
    byKey.set(row.criteriaKey, entry);
  }
  const alerts = [...byKey.values()].sort((a, b) => b.subscribers.length - a.subscribers.length);
  return { alerts, confirmed: rows.length - waitingConfirmation, waitingConfirmation };
}

/** The dashboard's figure: addresses signed up (confirmed) for new works. */
export async function countNewWorkSubscribers(): Promise<number> {
  const rows = await db.newWorkAlert.findMany({ where: { confirmedAt: { not: null }, unsubscribedAt: null }, distinct: ["email"], select: { email: true } });
  return rows.length;
}

