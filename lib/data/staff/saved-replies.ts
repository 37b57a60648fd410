import "server-only";
import { requireRole, type StaffMember } from "@/lib/staff/roles";
import { recordActivity } from "@/lib/data/activity";
import { db } from "@/lib/db/client";
import { workLabel } from "@/lib/catalogue/describe";
import type { EnquiryDetail } from "@/lib/data/staff/enquiry-desk";
import { fillTemplate, placeholderValues } from "@/lib/enquiries/reply-placeholders";
import { serverEnv } from "@/lib/env";
import type { ReplyTemplateInput } from "@/lib/validations/saved-replies";

export type ReplyTemplateView = { id: string; name: string; subject: string; body: string; forSold: boolean; updatedAt: string };

export async function listReplyTemplates(staff: StaffMember): Promise<ReplyTemplateView[]> {
  requireRole(staff);
  const rows = await db.replyTemplate.findMany({ orderBy: [{ forSold: "desc" }, { name: "asc" }] });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    subject: row.subject,
    body: row.body,
    forSold: row.forSold,
    updatedAt: row.updatedAt.toISOString(),
  }));
}

export type SaveTemplateOutcome = "saved" | "name_taken" | "gone";

/**
 * Adds or changes a saved reply. Marking one "for a sold work" takes the mark from any other in the
 * same transaction (the database keeps it to one). Recorded in the history.
 */
export async function saveReplyTemplate(staff: StaffMember, input: ReplyTemplateInput): Promise<SaveTemplateOutcome> {
  requireRole(staff, "staff");
  const clash = await db.replyTemplate.findUnique({ where: { name: input.name }, select: { id: true } });
  if (clash && clash.id !== input.id) return "name_taken";
  const data = { name: input.name, subject: input.subject, body: input.body, forSold: input.forSold };
  return db.$transaction(async (tx) => {
    if (input.forSold)
      await tx.replyTemplate.updateMany({ where: { forSold: true, NOT: { id: input.id ?? "" } }, data: { forSold: false } });
    let saved: { id: string; name: string };
    let action: string;
    if (input.id) {
      const before = await tx.replyTemplate.findUnique({ where: { id: input.id }, select: { name: true } });
      if (!before) return "gone" as const;
      saved = await tx.replyTemplate.update({ where: { id: input.id }, data, select: { id: true, name: true } });
      action = before.name === input.name ? "changed the saved reply" : `changed the saved reply (was “${before.name}”)`;
    } else {
      saved = await tx.replyTemplate.create({ data, select: { id: true, name: true } });
      action = "added the saved reply";
    }
    await recordActivity(tx, {
      actor: staff,
      action,
      subjectType: "reply",
      subjectId: saved.id,
      subjectLabel: saved.name,
      detail: input.forSold ? "offered by itself when a work asked about is sold" : null,
    });
    return "saved" as const;
  });
}

export async function deleteReplyTemplate(staff: StaffMember, id: string): Promise<boolean> {
  requireRole(staff, "staff");
  return db.$transaction(async (tx) => {
    const template = await tx.replyTemplate.findUnique({ where: { id }, select: { name: true } });
    if (!template) return false;
    await tx.replyTemplate.delete({ where: { id } });
    await recordActivity(tx, {
      actor: staff,
      action: "deleted the saved reply",
      subjectType: "reply",
      subjectId: id,
      subjectLabel: template.name,
    });
    return true;
  });
}

export type FilledReply = { id: string; name: string; subject: string; body: string; forSold: boolean };

/** What the reply form starts from: every saved reply filled in, the one chosen, and a note when a work is sold. */
export type ReplyChoice = { replies: FilledReply[]; chosenId: string | null; notice: string | null };

/**
 * The saved replies for one enquiry, filled in for its collector and its works as the catalogue has
 * them now. The one asked for (`requestedId`, from "Use this reply") is chosen; otherwise, when a
 * work asked about is sold now, the saved reply marked for that is chosen by itself, and the notice
 * says so.
 */
export async function replyChoiceFor(staff: StaffMember, enquiry: EnquiryDetail, requestedId: string | null): Promise<ReplyChoice> {
  const env = serverEnv();
  const templates = await listReplyTemplates(staff);
  const values = placeholderValues({
    collectorName: enquiry.name,
    works: enquiry.works.map(({ snapshot, current }) => ({
      label: workLabel(snapshot),
      price: current?.price ?? snapshot.price,
      url: `${env.SITE_URL}/works/${current?.slug ?? snapshot.slug}`,
    })),
    galleryName: env.GALLERY_NAME,
    reference: enquiry.reference,
    siteUrl: env.SITE_URL,
  });
  const replies = templates.map((template) => ({
    id: template.id,
    name: template.name,
    forSold: template.forSold,
    subject: fillTemplate(template.subject, values),
    body: fillTemplate(template.body, values),
  }));
  const sold = enquiry.works.filter(({ current }) => current?.availability === "sold").map(({ snapshot }) => `“${workLabel(snapshot)}”`);
  const requested = replies.find((reply) => reply.id === requestedId);
  const soldReply = sold.length > 0 ? replies.find((reply) => reply.forSold) : undefined;
  const offeredForSold = !requested && soldReply;
  return {
    replies,
    chosenId: (requested ?? soldReply)?.id ?? null,
    notice:
      sold.length > 0
        ? `${sold.join(", ")} ${sold.length === 1 ? "is" : "are"} sold now.${
            offeredForSold ? ` The saved reply “${soldReply.name}” is filled in below: edit it before sending, or choose another.` : ""
          }`
        : null,
  };
}
