import "server-only";
import { replyOf, type InboxRow } from "@/lib/data/staff/inbox";
import { availabilityFrom, enquiryStatusFrom, outboxStatusFrom } from "@/lib/data/database-values";
import { requireRole, type StaffMember } from "@/lib/staff/roles";
import { activityEntry, recordActivity } from "@/lib/data/activity";
import { readReplySchedule } from "@/lib/data/gallery-settings";
import { db } from "@/lib/db/client";
import { replyByFor } from "@/lib/enquiries/reply-by";
import { readArtworkSnapshot, type ArtworkSnapshot } from "@/lib/enquiries/snapshot";
import { ENQUIRY_QUESTION_LABELS, ENQUIRY_QUESTIONS, ENQUIRY_STATUS_LABELS, WAITING_STATUSES, type EnquiryQuestion, type EnquiryStatus, type OutboxStatus } from "@/lib/enquiries/vocabulary";
import { serverEnv } from "@/lib/env";
import { html, multiline } from "@/lib/emails/html";
import { queueEmail, requeueEmail } from "@/lib/data/outbox";
import { enquiryAssigned } from "@/lib/emails/templates";
import { priceText, worksInBrief } from "@/lib/catalogue/describe";
import { fileSizeLabel } from "@/lib/enquiries/email-replies";
import { galleryClock, galleryDay, galleryDayLabel, viewingTimeLabel } from "@/lib/time/gallery-time";

export type EnquiryEmailView = {
  id: string;
  kind: string;
  to: string;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  nextAttemptAt: string;
  createdAt: string;
  sentBy: string | null;
  textBody: string;
};

export type EmailAnswerView = {
  id: string;
  from: string;
  subject: string;
  receivedAt: string;
  replyText: string;
  /** The whole text as it came, when it differs from the answer (quoted history, signature). */
  fullText: string | null;
  attachments: Array<{ id: string; fileName: string; size: string; isImage: boolean }>;
  leftOut: string | null;
};

export function emailAnswerView(row: {
  id: string;
  fromAddress: string;
  fromName: string | null;
  subject: string;
  receivedAt: Date;
  replyText: string;
  fullText: string;
  leftOut: string | null;
  attachments: Array<{ id: string; fileName: string; size: number; contentType: string }>;
}): EmailAnswerView {
  return {
    id: row.id,
    from: row.fromName ? `${row.fromName} <${row.fromAddress}>` : row.fromAddress,
    subject: row.subject,
    receivedAt: row.receivedAt.toISOString(),
    replyText: row.replyText,
    fullText: row.fullText.trim() === row.replyText.trim() ? null : row.fullText,
    attachments: row.attachments.map((attachment) => ({
      id: attachment.id,
      fileName: attachment.fileName,
      size: fileSizeLabel(attachment.size),
      isImage: /^image\/(jpeg|png|gif|webp)$/i.test(attachment.contentType),
    })),
    leftOut: row.leftOut,
  };
}

export type EnquiryDetail = {
  reference: string;
  createdAt: string;
  name: string;
  email: string;
  phone: string | null;
  message: string;
  questions: string[];
  shippingCountry: string | null;
  status: EnquiryStatus;
  flagged: boolean;
  flagReasons: string | null;
  /** While it waits: its reply-by time and how long is left or how late it is. */
  reply: InboxRow["reply"];
  firstRepliedAt: string | null;
  assignedTo: { id: string; name: string } | null;
  /** Every work the enquiry names, as the collector saw it, and the work as it is now (null once removed). */
  works: Array<{
    snapshot: ArtworkSnapshot;
    current: { id: string; slug: string; title: string; availability: string; published: boolean; price: string } | null;
  }>;
  /** Messages the collector added from their follow page. */
  followUps: Array<{ id: string; body: string; createdAt: string }>;
  /** The collector's answers by email (read from the gallery's mailbox), their quoted history trimmed. */
  emailAnswers: EmailAnswerView[];
  /** The collector's follow link: whether one was sent, until when it works, and whether staff withdrew it. */
  followLink: { expiresAt: string; withdrawnAt: string | null } | null;
  /** The viewing booked with the enquiry, in the gallery's words. */
  viewing: {
    when: string;
    day: string;
    cancelledAt: string | null;
    /** Who cancelled it, when staff did (null: the collector, with their link). */
    cancelledByStaff: string | null;
    /** Held back with the enquiry: no place taken and no confirmation sent until staff release it. */
    awaitingRelease: boolean;
  } | null;
  emails: EnquiryEmailView[];
  notes: Array<{ id: string; body: string; author: string; createdAt: string }>;
};

export async function getEnquiryForStaff(staff: StaffMember, reference: string): Promise<EnquiryDetail | null> {
  requireRole(staff);
  const row = await db.enquiry.findUnique({
    where: { reference },
    include: {
      works: {
        orderBy: { position: "asc" },
        include: {
          artwork: { select: { id: true, slug: true, title: true, availability: true, published: true, priceMinor: true, currency: true } },
        },
      },
      emails: { orderBy: { createdAt: "asc" }, include: { sentBy: { select: { name: true } } } },
      followUps: { orderBy: { createdAt: "asc" } },
      inboundEmails: { where: { status: "conversation" }, orderBy: { receivedAt: "asc" }, include: { attachments: { orderBy: { position: "asc" } } } },
      viewing: { include: { slot: true } },
      notes: { orderBy: { createdAt: "asc" }, include: { author: { select: { name: true, email: true } } } },
      assignedTo: { select: { id: true, name: true } },
    },
  });
  if (!row) return null;
  const questions = Array.isArray(row.questions) ? (row.questions as string[]) : [];
  return {
    reference: row.reference,
    createdAt: row.createdAt.toISOString(),
    name: row.name,
    email: row.email,
    phone: row.phone,
    message: row.message,
    questions: questions
      .filter((question): question is EnquiryQuestion => (ENQUIRY_QUESTIONS as readonly string[]).includes(question))
      .map((question) => ENQUIRY_QUESTION_LABELS[question]),
    shippingCountry: row.shippingCountry,
    status: enquiryStatusFrom(row.status),
    flagged: row.flagged,
    flagReasons: row.flagReasons,
    reply: replyOf(row.status, row.replyBy, new Date()),
    firstRepliedAt: row.firstRepliedAt?.toISOString() ?? null,
    assignedTo: row.assignedTo,
    followUps: row.followUps.map((followUp) => ({ id: followUp.id, body: followUp.body, createdAt: followUp.createdAt.toISOString() })),
    emailAnswers: row.inboundEmails.map(emailAnswerView),
    viewing: row.viewing
      ? {
          when: viewingTimeLabel(row.viewing.slot.startsAt, row.viewing.slot.endsAt, serverEnv().GALLERY_TIME_ZONE),
          day: galleryDay(row.viewing.slot.startsAt, serverEnv().GALLERY_TIME_ZONE),
          cancelledAt: row.viewing.cancelledAt?.toISOString() ?? null,
          cancelledByStaff: row.viewing.cancelledByStaff,
          awaitingRelease: row.viewing.awaitingReleaseSince !== null,
        }
      : null,
    followLink: row.followExpiresAt
      ? { expiresAt: row.followExpiresAt.toISOString(), withdrawnAt: row.followRevokedAt?.toISOString() ?? null }
      : null,
    works: row.works.flatMap((work) => {
      const snapshot = readArtworkSnapshot(work.snapshot);
      const current = work.artwork
        ? {
            id: work.artwork.id,
            slug: work.artwork.slug,
            title: work.artwork.title,
            availability: work.artwork.availability,
            published: work.artwork.published,
            price: priceText({ ...work.artwork, availability: availabilityFrom(work.artwork.availability) }),
          }
        : null;
      return snapshot ? [{ snapshot, current }] : [];
    }),
    emails: row.emails.map((email) => ({
      id: email.id,
      kind: email.kind,
      to: email.toAddress,
      subject: email.subject,
      status: outboxStatusFrom(email.status),
      attempts: email.attempts,
      lastError: email.lastError,
      sentAt: email.sentAt?.toISOString() ?? null,
      nextAttemptAt: email.nextAttemptAt.toISOString(),
      createdAt: email.createdAt.toISOString(),
      sentBy: email.sentBy?.name ?? null,
      textBody: email.textBody,
    })),
    notes: row.notes.map((note) => ({
      id: note.id,
      body: note.body,
      author: note.author?.name ?? "A former staff member",
      createdAt: note.createdAt.toISOString(),
    })),
  };
}

export async function setEnquiryStatus(staff: StaffMember, reference: string, status: EnquiryStatus): Promise<boolean> {
  requireRole(staff, "staff");
  const enquiry = await db.enquiry.findUnique({ where: { reference }, select: { id: true, status: true } });
  if (!enquiry) return false;
  // Reopening an answered or closed enquiry owes the collector a reply again, counted from now; one
  // released from spam keeps the time from its arrival (the collector has waited since then).
  const reopened = (enquiry.status === "replied" || enquiry.status === "closed") && WAITING_STATUSES.includes(status);
  const replyBy = reopened ? replyByFor(new Date(), await readReplySchedule()) : undefined;
  // The change, its line in the notes and its history entry are one record: none is kept without the others.
  await db.$transaction([
    db.enquiry.update({
      where: { id: enquiry.id },
      data: { status, ...(status !== "spam" ? { flagged: false } : {}), ...(replyBy ? { replyBy } : {}) },
    }),
    db.enquiryNote.create({
      data: { enquiryId: enquiry.id, authorId: staff.id, body: `Status changed to “${ENQUIRY_STATUS_LABELS[status]}”.` },
    }),
    activityEntry({
      actor: staff,
      action: "changed the status",
      subjectType: "enquiry",
      subjectId: reference,
      subjectLabel: reference,
      field: "status",
      oldValue: ENQUIRY_STATUS_LABELS[enquiryStatusFrom(enquiry.status)],
      newValue: ENQUIRY_STATUS_LABELS[status],
    }),
  ]);
  return true;
}

/** Withdraws the collector's follow link at once (a forwarded email, a shared screen); recorded in the notes. */
export async function withdrawFollowLink(staff: StaffMember, reference: string): Promise<boolean> {
  requireRole(staff, "staff");
  const enquiry = await db.enquiry.findUnique({ where: { reference }, select: { id: true, followRevokedAt: true } });
  if (!enquiry) return false;
  if (enquiry.followRevokedAt) return true;
  await db.$transaction([
    db.enquiry.update({ where: { id: enquiry.id }, data: { followRevokedAt: new Date() } }),
    db.enquiryNote.create({
      data: {
        enquiryId: enquiry.id,
        authorId: staff.id,
        body: "The collector's follow link was withdrawn: it no longer opens this enquiry.",
      },
    }),
  ]);
  return true;
}

export async function addEnquiryNote(staff: StaffMember, reference: string, body: string): Promise<boolean> {
  requireRole(staff, "staff");
  const enquiry = await db.enquiry.findUnique({ where: { reference }, select: { id: true } });
  if (!enquiry) return false;
  await db.$transaction([
    db.enquiryNote.create({ data: { enquiryId: enquiry.id, authorId: staff.id, body } }),
    // The note's words stay on the enquiry (and go with it when it is erased), not in the history.
    activityEntry({ actor: staff, action: "added a note", subjectType: "enquiry", subjectId: reference, subjectLabel: reference }),
  ]);
  return true;
}

/** Queues a reply from the gallery's address (kept on the enquiry) and marks the enquiry replied. */
export async function queueStaffReply(staff: StaffMember, reference: string, subject: string, body: string): Promise<string | null> {
  requireRole(staff, "staff");
  const env = serverEnv();
  const enquiry = await db.enquiry.findUnique({ where: { reference }, select: { id: true, email: true } });
  if (!enquiry) return null;
  const htmlBody = html`<!doctype html>
    <html lang="en-GB">
      <body style="font-family:Georgia,serif;font-size:16px;line-height:1.5;color:#1d1c1a">
        <div style="max-width:600px">
          ${multiline(body)}
          <p style="color:#55514a;font-size:13px;margin-top:24px">${env.GALLERY_NAME} · ${env.SITE_URL} · Ref. ${reference}</p>
        </div>
      </body>
    </html>`.value;
  const email = await db.$transaction(async (tx) => {
    const created = {
      id: await queueEmail(
        {
          enquiryId: enquiry.id,
          kind: "staff_reply",
          sentById: staff.id,
          to: enquiry.email,
          from: env.MAIL_FROM,
          replyTo: env.GALLERY_EMAIL,
          subject,
          text: `${body}\n\n--\n${env.GALLERY_NAME}\n${env.SITE_URL}\nRef. ${reference}`,
          html: htmlBody,
        },
        tx,
      ),
    };
    const previous = await tx.enquiry.findUniqueOrThrow({ where: { id: enquiry.id }, select: { status: true, firstRepliedAt: true } });
    await tx.enquiry.update({
      where: { id: enquiry.id },
      data: { status: "replied", ...(previous.firstRepliedAt ? {} : { firstRepliedAt: new Date() }) },
    });
    await recordActivity(tx, {
      actor: staff,
      action: "replied by email",
      subjectType: "enquiry",
      subjectId: reference,
      subjectLabel: reference,
      field: "status",
      oldValue: ENQUIRY_STATUS_LABELS[enquiryStatusFrom(previous.status)],
      newValue: ENQUIRY_STATUS_LABELS.replied,
    });
    return created;
  });
  return email.id;
}

export async function retryEnquiryEmail(staff: StaffMember, emailId: string): Promise<boolean> {
  requireRole(staff, "staff");
  return requeueEmail(emailId);
}

export async function assignableStaff(staff: StaffMember): Promise<Array<{ id: string; name: string; email: string }>> {
  requireRole(staff);
  return db.user.findMany({
    where: { disabledAt: null, role: { in: ["staff", "owner"] } },
    select: { id: true, name: true, email: true },
    orderBy: { name: "asc" },
  });
}

export type AssignOutcome =
  { outcome: "assigned"; outboxIds: string[] } | { outcome: "unchanged" | "no_enquiry" | "no_member"; outboxIds: [] };

/**
 * Gives an enquiry to a member of staff (or to nobody). The change is in the history, old and new;
 * the new assignee is emailed through the outbox, unless they assigned it to themselves.
 */
export async function assignEnquiry(staff: StaffMember, reference: string, assigneeId: string | null): Promise<AssignOutcome> {
  requireRole(staff, "staff");
  const env = serverEnv();
  const enquiry = await db.enquiry.findUnique({
    where: { reference },
    select: {
      id: true,
      name: true,
      message: true,
      replyBy: true,
      status: true,
      artworkSnapshot: true,
      assignedTo: { select: { id: true, name: true } },
      _count: { select: { works: true } },
    },
  });
  if (!enquiry) return { outcome: "no_enquiry", outboxIds: [] };
  const assignee = assigneeId
    ? await db.user.findFirst({
        where: { id: assigneeId, disabledAt: null, role: { in: ["staff", "owner"] } },
        select: { id: true, name: true, email: true },
      })
    : null;
  if (assigneeId && !assignee) return { outcome: "no_member", outboxIds: [] };
  if ((enquiry.assignedTo?.id ?? null) === (assignee?.id ?? null)) return { outcome: "unchanged", outboxIds: [] };

  const snapshot = readArtworkSnapshot(enquiry.artworkSnapshot);
  const about = snapshot ? worksInBrief(snapshot, enquiry._count.works) : "a general question";
  const timeZone = env.GALLERY_TIME_ZONE;
  const outboxIds = await db.$transaction(async (tx) => {
    await tx.enquiry.update({ where: { id: enquiry.id }, data: { assignedToId: assignee?.id ?? null } });
    await recordActivity(tx, {
      actor: staff,
      action: assignee ? (enquiry.assignedTo ? "reassigned the enquiry" : "assigned the enquiry") : "unassigned the enquiry",
      subjectType: "enquiry",
      subjectId: reference,
      subjectLabel: reference,
      field: "assigned to",
      oldValue: enquiry.assignedTo?.name ?? "nobody",
      newValue: assignee?.name ?? "nobody",
    });
    if (!assignee || assignee.id === staff.id) return [];
    const rendered = enquiryAssigned(
      { name: env.GALLERY_NAME, siteUrl: env.SITE_URL },
      {
        assignee: assignee.name,
        assignedBy: staff.name,
        reference,
        collector: enquiry.name,
        about,
        replyBy:
          enquiry.replyBy && WAITING_STATUSES.includes(enquiryStatusFrom(enquiry.status))
            ? `${galleryDayLabel(enquiry.replyBy, timeZone)}, ${galleryClock(enquiry.replyBy, timeZone)}`
            : null,
        excerpt: enquiry.message.length > 400 ? `${enquiry.message.slice(0, 400)}…` : enquiry.message,
        url: `${env.SITE_URL}/staff/enquiries/${reference}`,
      },
    );
    return [
      await queueEmail(
        {
          enquiryId: enquiry.id,
          kind: "enquiry_assigned",
          sentById: staff.id,
          to: assignee.email,
          from: env.MAIL_FROM,
          replyTo: null,
          ...rendered,
        },
        tx,
      ),
    ];
  });
  return { outcome: "assigned", outboxIds };
}
