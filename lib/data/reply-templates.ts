import "server-only";
import { requireStaff } from "@/lib/auth/staff-session";
import { recordActivity } from "@/lib/data/activity";
import { db } from "@/lib/db";
import { fillTemplate, placeholderValues, type TemplateWork } from "@/lib/enquiries/reply-templates";
import { serverEnv } from "@/lib/env";
import type { ReplyTemplateInput } from "@/lib/validations/reply-templates";

export type ReplyTemplateView = { id: string; name: string; subject: string; body: string; forSold: boolean; updatedAt: string };

export async function listReplyTemplates(): Promise<ReplyTemplateView[]> {
  await requireStaff();
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
export async function saveReplyTemplate(input: ReplyTemplateInput): Promise<SaveTemplateOutcome> {
  const staff = await requireStaff("staff");
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

export async function deleteReplyTemplate(id: string): Promise<boolean> {
  const staff = await requireStaff("staff");
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

/** Every saved reply filled in for one enquiry's collector and works (the works as the catalogue has them now). */
export async function repliesFilledFor(enquiry: {
  reference: string;
  name: string;
  works: Array<Omit<TemplateWork, "url"> & { slug: string }>;
}): Promise<FilledReply[]> {
  const env = serverEnv();
  const templates = await listReplyTemplates();
  const values = placeholderValues({
    collectorName: enquiry.name,
    works: enquiry.works.map((work) => ({ label: work.label, price: work.price, url: `${env.SITE_URL}/works/${work.slug}` })),
    galleryName: env.GALLERY_NAME,
    reference: enquiry.reference,
    siteUrl: env.SITE_URL,
  });
  return templates.map((template) => ({
    id: template.id,
    name: template.name,
    forSold: template.forSold,
    subject: fillTemplate(template.subject, values),
    body: fillTemplate(template.body, values),
  }));
}
