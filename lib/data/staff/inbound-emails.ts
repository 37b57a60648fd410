import "server-only";
import { db } from "@/lib/db/client";
import { recordActivity } from "@/lib/data/activity";
import { emailAnswerView, type EmailAnswerView } from "@/lib/data/staff/enquiry-desk";
import { CHECK_REASON_LABELS } from "@/lib/enquiries/email-replies";
import { requireRole, type StaffMember } from "@/lib/staff/roles";

/**
 * Inbound emails staff decide about ("to check"): automatic replies, answers from another address than
 * the enquiry's, and emails no enquiry was found for. Staff put one into an enquiry's conversation
 * (the one it was matched to, or one they name) or set it aside; either is in the enquiry's history.
 */

export type EmailToCheck = EmailAnswerView & { reason: string; enquiryReference: string | null; fromAddress: string };

export async function listEmailsToCheck(staff: StaffMember, limit = 100): Promise<EmailToCheck[]> {
  requireRole(staff);
  const rows = await db.inboundEmail.findMany({
    where: { status: "to_check" },
    orderBy: { receivedAt: "desc" },
    take: limit,
    include: { attachments: { orderBy: { position: "asc" } }, enquiry: { select: { reference: true } } },
  });
  return rows.map((row) => ({
    ...emailAnswerView(row),
    reason: CHECK_REASON_LABELS[row.checkReason ?? ""] ?? "For staff to check",
    enquiryReference: row.enquiry?.reference ?? null,
    fromAddress: row.fromAddress,
  }));
}

export type FileOutcome = "filed" | "no_enquiry" | "gone";

/** Puts an email waiting in "to check" into an enquiry's conversation, as the collector's words. */
export async function fileEmailIntoEnquiry(staff: StaffMember, emailId: string, reference: string): Promise<FileOutcome> {
  requireRole(staff, "staff");
  return db.$transaction(async (tx) => {
    const enquiry = await tx.enquiry.findUnique({ where: { reference }, select: { id: true, reference: true } });
    if (!enquiry) return "no_enquiry";
    const { count } = await tx.inboundEmail.updateMany({
      where: { id: emailId, status: "to_check" },
      data: { status: "conversation", enquiryId: enquiry.id },
    });
    if (count === 0) return "gone";
    await tx.enquiry.update({ where: { id: enquiry.id }, data: { updatedAt: new Date() } });
    await recordActivity(tx, {
      actor: staff,
      action: "put an emailed answer into the conversation",
      subjectType: "enquiry",
      subjectId: enquiry.reference,
      subjectLabel: enquiry.reference,
    });
    return "filed";
  });
}

/** Sets an email waiting in "to check" aside (kept, out of the list). */
export async function setEmailAside(staff: StaffMember, emailId: string): Promise<boolean> {
  requireRole(staff, "staff");
  return db.$transaction(async (tx) => {
    const row = await tx.inboundEmail.findFirst({ where: { id: emailId, status: "to_check" }, select: { enquiry: { select: { reference: true } } } });
    if (!row) return false;
    await tx.inboundEmail.update({ where: { id: emailId }, data: { status: "dismissed" } });
    await recordActivity(tx, {
      actor: staff,
      action: "set an inbound email aside",
      subjectType: "enquiry",
      subjectId: row.enquiry?.reference ?? null,
      subjectLabel: row.enquiry?.reference ?? "no enquiry",
    });
    return true;
  });
}

/** A file an inbound email carried, for a signed-in member of staff to open. */
export async function readInboundAttachment(staff: StaffMember, attachmentId: string) {
  requireRole(staff);
  return db.inboundEmailAttachment.findUnique({ where: { id: attachmentId }, select: { storageKey: true, fileName: true, contentType: true } });
}

/** The whole message as it arrived (.eml), for a signed-in member of staff to open. */
export async function readInboundOriginal(staff: StaffMember, emailId: string) {
  requireRole(staff);
  return db.inboundEmail.findUnique({ where: { id: emailId }, select: { originalKey: true, subject: true } });
}
