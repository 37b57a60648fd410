import "server-only";
import { enquiryStatusFrom } from "@/lib/data/database-values";
import { requireRole, type StaffMember } from "@/lib/staff/roles";
import { db } from "@/lib/db/client";
import { readOutboxBacklog, readUndeliveredEmails, type UndeliveredEmails } from "@/lib/data/outbox";
import { replyByState } from "@/lib/enquiries/reply-by";
import { FLOOD_REASON_START } from "@/lib/enquiries/rate-limits";
import { readArtworkSnapshot } from "@/lib/enquiries/snapshot";
import { WAITING_STATUSES, type EnquiryStatus } from "@/lib/enquiries/vocabulary";
import { serverEnv } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { InboxFilters } from "@/lib/validations/inbox-filters";
import { workLabel, worksInBrief } from "@/lib/catalogue/describe";
import { galleryDaysRange } from "@/lib/time/gallery-time";

function whereFor(filters: InboxFilters, staffId: string): Prisma.EnquiryWhereInput {
  const status: Prisma.EnquiryWhereInput =
    filters.status === "all"
      ? { status: { not: "spam" } }
      : filters.status === "waiting"
        ? { status: { in: WAITING_STATUSES } }
        : { status: filters.status };
  // Days as staff read them on every page: the gallery's, not UTC's.
  const created: Prisma.DateTimeFilter = galleryDaysRange(filters.from, filters.to, serverEnv().GALLERY_TIME_ZONE);
  return {
    ...status,
    ...(filters.who === "mine" ? { assignedToId: staffId } : filters.who === "nobody" ? { assignedToId: null } : {}),
    ...(filters.work ? { works: { some: { artwork: { slug: filters.work } } } } : {}),
    ...(filters.from || filters.to ? { createdAt: created } : {}),
    ...(filters.q
      ? {
          OR: [{ name: { contains: filters.q } }, { email: { contains: filters.q } }, { reference: { contains: filters.q.toUpperCase() } }],
        }
      : {}),
  };
}

export type InboxRow = {
  reference: string;
  createdAt: string;
  name: string;
  email: string;
  status: EnquiryStatus;
  flagged: boolean;
  work: string | null;
  deliveryProblem: boolean;
  excerpt: string;
  /** While the enquiry waits: when it should be answered by, and how long is left or how late it is. */
  reply: { by: string; overdue: boolean; words: string } | null;
  assignee: string | null;
};

export async function listInbox(staff: StaffMember, filters: InboxFilters, limit = 200, now = new Date()): Promise<InboxRow[]> {
  requireRole(staff);
  const where = whereFor(filters, staff.id);
  const include = {
    emails: { where: { status: "failed" }, select: { id: true } },
    _count: { select: { works: true } },
    assignedTo: { select: { name: true } },
  } as const;
  let rows;
  if (filters.sort === "newest") {
    rows = await db.enquiry.findMany({ where, orderBy: { createdAt: "desc" }, take: limit, include });
  } else {
    // Waiting first, by reply-by time, so the most overdue is at the top; then everything else, newest first.
    const waiting = await db.enquiry.findMany({
      where: { AND: [where, { status: { in: WAITING_STATUSES } }] },
      orderBy: [{ replyBy: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
      take: limit,
      include,
    });
    const rest =
      waiting.length < limit
        ? await db.enquiry.findMany({
            where: { AND: [where, { status: { notIn: WAITING_STATUSES } }] },
            orderBy: { createdAt: "desc" },
            take: limit - waiting.length,
            include,
          })
        : [];
    rows = [...waiting, ...rest];
  }
  return rows.map((row) => {
    const snapshot = readArtworkSnapshot(row.artworkSnapshot);
    return {
      reference: row.reference,
      createdAt: row.createdAt.toISOString(),
      name: row.name,
      email: row.email,
      status: enquiryStatusFrom(row.status),
      flagged: row.flagged,
      work: snapshot ? worksInBrief(snapshot, row._count.works) : null,
      deliveryProblem: row.emails.length > 0,
      excerpt: row.message.slice(0, 140),
      reply: replyOf(row.status, row.replyBy, now),
      assignee: row.assignedTo?.name ?? null,
    };
  });
}

/** A waiting enquiry's reply-by time and how it stands now; null once it is answered or closed. */
export function replyOf(status: string, replyBy: Date | null, now: Date): InboxRow["reply"] {
  if (!replyBy || !WAITING_STATUSES.includes(enquiryStatusFrom(status))) return null;
  return { by: replyBy.toISOString(), ...replyByState(replyBy, now) };
}

export async function inboxCounts(
  staff: StaffMember,
  now = new Date(),
): Promise<{
  waiting: number;
  overdue: number;
  mine: number;
  spam: number;
  failedEmails: number;
  heldAsFlood: number;
  undelivered: UndeliveredEmails;
  backlog: { waiting: number; oldestMinutes: number } | null;
}> {
  requireRole(staff);
  const [{ waiting, overdue }, mine, spam, failedEmails, heldAsFlood, undelivered, backlog] = await Promise.all([
    countWaiting(staff, now),
    db.enquiry.count({ where: { status: { in: WAITING_STATUSES }, assignedToId: staff.id } }),
    db.enquiry.count({ where: { status: "spam" } }),
    db.outboxEmail.count({ where: { status: "failed" } }),
    countHeldAsFlood(new Date(Date.now() - 86_400_000)),
    readUndeliveredEmails(now),
    readOutboxBacklog(now),
  ]);
  return { waiting, overdue, mine, spam, failedEmails, heldAsFlood, undelivered, backlog };
}

/** Enquiries waiting for the gallery, and how many of them are past their reply-by time (the inbox and the dashboard). */
export async function countWaiting(staff: StaffMember, now: Date): Promise<{ waiting: number; overdue: number }> {
  requireRole(staff);
  const [waiting, overdue] = await Promise.all([
    db.enquiry.count({ where: { status: { in: WAITING_STATUSES } } }),
    db.enquiry.count({ where: { status: { in: WAITING_STATUSES }, replyBy: { lt: now } } }),
  ]);
  return { waiting, overdue };
}

/** Enquiries since `since` held in spam because the whole site was flooded (lib/enquiry-intake/submit-enquiry.ts flags them). */
async function countHeldAsFlood(since: Date): Promise<number> {
  return db.enquiry.count({ where: { status: "spam", createdAt: { gte: since }, flagReasons: { contains: FLOOD_REASON_START } } });
}

/** Works that have enquiries, for the inbox's work filter. */
export async function enquiredWorks(staff: StaffMember): Promise<Array<{ slug: string; label: string }>> {
  requireRole(staff);
  const works = await db.artwork.findMany({
    where: { enquiryWorks: { some: {} } },
    select: { slug: true, catalogueNumber: true, title: true },
    orderBy: { slug: "asc" },
  });
  return works.map((work) => ({ slug: work.slug, label: workLabel(work) }));
}

export type ExportRow = Record<
  | "reference"
  | "received"
  | "status"
  | "reply by"
  | "assigned to"
  | "name"
  | "email"
  | "phone"
  | "work"
  | "questions"
  | "message"
  | "flagged",
  string
>;

/** How many enquiries an export reads at a time. */
export const EXPORT_PAGE_SIZE = 200;

/**
 * The inbox as CSV rows, newest first, a page at a time, letting the event loop go between pages.
 * Read whole, 8,906 enquiries (a week of the soak benchmark) held the web process's only thread for
 * 0.5–0.7 s, and every collector whose request that process had open waited for it (the soak's
 * enquiry p99 grew with the inbox, exported each minute). The export first reads which enquiries it
 * holds, in order (their ids alone: 15–25 ms for those 8,906), then reads them 200 at a time by id: a
 * page holds the thread 5–6 ms. Pages that continued from the last row's (createdAt, id) instead took
 * 20–50 ms each on that inbox, the newest the slowest: SQLite sorted every older enquiry for each.
 * An enquiry that arrives during the export is not in it; one purged meanwhile is left out.
 */
export async function* exportInboxPages(
  staff: StaffMember,
  filters: InboxFilters,
  pageSize = EXPORT_PAGE_SIZE,
): AsyncGenerator<ExportRow[]> {
  requireRole(staff);
  const ordered = await db.enquiry.findMany({
    where: whereFor(filters, staff.id),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  // An empty inbox still gives one (empty) page: the file has its header row.
  if (ordered.length === 0) yield [];
  for (let start = 0; start < ordered.length; start += pageSize) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    const ids = ordered.slice(start, start + pageSize).map((row) => row.id);
    const rows = await db.enquiry.findMany({
      where: { id: { in: ids } },
      // Only the columns the CSV shows: the whole row (the enquiry's stored snapshot, follow-link and
      // hash columns) took twice as long to read.
      select: {
        id: true,
        reference: true,
        createdAt: true,
        status: true,
        replyBy: true,
        name: true,
        email: true,
        phone: true,
        questions: true,
        message: true,
        flagged: true,
        flagReasons: true,
        works: { orderBy: { position: "asc" }, select: { snapshot: true } },
        assignedTo: { select: { name: true } },
      },
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    yield ids.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      const works = row.works.flatMap((work) => readArtworkSnapshot(work.snapshot) ?? []);
      const questions = Array.isArray(row.questions) ? (row.questions as string[]) : [];
      return {
        reference: row.reference,
        received: row.createdAt.toISOString(),
        status: row.status,
        "reply by": row.replyBy && WAITING_STATUSES.includes(enquiryStatusFrom(row.status)) ? row.replyBy.toISOString() : "",
        "assigned to": row.assignedTo?.name ?? "",
        name: row.name,
        email: row.email,
        phone: row.phone ?? "",
        work: works.map((work) => workLabel(work)).join("; "),
        questions: questions.join("; "),
        message: row.message,
        flagged: row.flagged ? `yes: ${row.flagReasons ?? ""}` : "no",
      };
    });
  }
}

/** Who an enquiry can be given to: members of staff and owners whose accounts are open (a viewer cannot reply). */
