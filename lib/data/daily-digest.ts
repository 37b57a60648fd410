import "server-only";
import { queueEmail, readUndeliveredEmails } from "@/lib/data/outbox";
import { randomUUID } from "node:crypto";
import { worksInBrief } from "@/lib/catalogue/describe";
import { readSavedGallerySettings, replyScheduleOf } from "@/lib/data/gallery-settings";
import { db, sqlTimestamp } from "@/lib/db/client";
import { isOpenDay, replyByState } from "@/lib/enquiries/reply-by";
import { readArtworkSnapshot } from "@/lib/enquiries/snapshot";
import { WAITING_STATUSES } from "@/lib/enquiries/vocabulary";
import { serverEnv } from "@/lib/env";
import { dailyDigest, type DigestLine } from "@/lib/emails/templates";
import { galleryClock, galleryDay, galleryDayLabel } from "@/lib/time/gallery-time";

/** How many of each kind the email lists by name; the rest are counted ("… and 12 more in the inbox"). */
const LISTED = 50;

export type DigestOutcome =
  | { outcome: "off" }
  | { outcome: "not_yet"; at: string }
  | { outcome: "closed_day"; day: string }
  | { outcome: "done_already"; day: string }
  | { outcome: "nothing_waiting"; day: string }
  | { outcome: "queued"; day: string; emailId: string; waiting: number; overdue: number };

/**
 * The daily digest, once per gallery day: from the set time on (or at the first chance after it, if
 * nothing was running then), it lists every enquiry still waiting, the overdue ones first, and puts
 * the email in the outbox. A day is claimed by inserting its DigestRun row, so of two processes
 * (two web servers, a worker and Vercel's cron) asking at the same moment exactly one sends; a day
 * with nothing waiting is claimed too, with no email, so nothing arrives later that day either.
 */
export async function runDailyDigest(now = new Date()): Promise<DigestOutcome> {
  const env = serverEnv();
  const settings = await readSavedGallerySettings();
  if (!settings.digestEnabled) return { outcome: "off" };
  const timeZone = env.GALLERY_TIME_ZONE;
  const day = galleryDay(now, timeZone);
  if (galleryClock(now, timeZone) < settings.digestTime) return { outcome: "not_yet", at: settings.digestTime };
  if (!settings.digestOnClosedDays && !isOpenDay(day, replyScheduleOf(settings))) return { outcome: "closed_day", day };
  if (await db.digestRun.findUnique({ where: { day }, select: { day: true } })) return { outcome: "done_already", day };

  const waiting = await db.enquiry.findMany({
    where: { status: { in: WAITING_STATUSES } },
    orderBy: [{ replyBy: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    select: {
      reference: true,
      name: true,
      createdAt: true,
      replyBy: true,
      artworkSnapshot: true,
      assignedTo: { select: { name: true } },
      _count: { select: { works: true } },
    },
  });
  const lines = waiting.map((enquiry) => {
    const replyBy = enquiry.replyBy ?? enquiry.createdAt;
    const state = replyByState(replyBy, now);
    const snapshot = readArtworkSnapshot(enquiry.artworkSnapshot);
    const line: DigestLine = {
      reference: enquiry.reference,
      name: enquiry.name,
      about: snapshot ? worksInBrief(snapshot, enquiry._count.works) : "General question",
      replyBy: `${galleryDayLabel(replyBy, timeZone)}, ${galleryClock(replyBy, timeZone)}`,
      state: state.words,
      assignee: enquiry.assignedTo ? `assigned to ${enquiry.assignedTo.name}` : "not assigned",
      url: `${env.SITE_URL}/staff/enquiries/${enquiry.reference}`,
    };
    return { line, overdue: state.overdue };
  });
  const overdue = lines.filter((entry) => entry.overdue).map((entry) => entry.line);
  const dueLater = lines.filter((entry) => !entry.overdue).map((entry) => entry.line);

  const undelivered = await readUndeliveredEmails(now);
  const emailId = waiting.length > 0 ? randomUUID() : null;
  const claimed = await db.$transaction(async (tx) => {
    const inserted = await tx.$executeRaw`
      INSERT INTO "DigestRun" ("day", "waiting", "overdue", "emailId", "createdAt")
      VALUES (${day}, ${waiting.length}, ${overdue.length}, ${emailId}, ${sqlTimestamp(now)}) ON CONFLICT ("day") DO NOTHING`;
    if (inserted === 0 || !emailId) return inserted > 0;
    const rendered = dailyDigest(
      { name: env.GALLERY_NAME, siteUrl: env.SITE_URL },
      {
        dayLabel: galleryDayLabel(now, timeZone),
        overdue: overdue.slice(0, LISTED),
        moreOverdue: Math.max(0, overdue.length - LISTED),
        dueLater: dueLater.slice(0, LISTED),
        moreDueLater: Math.max(0, dueLater.length - LISTED),
        inboxUrl: `${env.SITE_URL}/staff`,
        undelivered: {
          count: undelivered.count,
          enquiries: undelivered.references.map((reference) => ({ reference, url: `${env.SITE_URL}/staff/enquiries/${reference}` })),
        },
      },
    );
    await queueEmail(
      {
        id: emailId,
        kind: "daily_digest",
        dedupeKey: `daily-digest:${day}`,
        to: settings.digestTo ?? env.GALLERY_EMAIL,
        from: env.MAIL_FROM,
        replyTo: null,
        ...rendered,
      },
      tx,
    );
    return true;
  });
  if (!claimed) return { outcome: "done_already", day };
  if (!emailId) return { outcome: "nothing_waiting", day };
  return { outcome: "queued", day, emailId, waiting: waiting.length, overdue: overdue.length };
}
