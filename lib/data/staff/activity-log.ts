import "server-only";
import { requireRole, type StaffMember } from "@/lib/staff/roles";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { activitySubjectFrom } from "@/lib/data/database-values";
import { serverEnv } from "@/lib/env";
import type { ActivitySubject } from "@/lib/staff/activity-vocabulary";
import { galleryDaysRange } from "@/lib/time/gallery-time";
import type { ActivityFilters } from "@/lib/validations/activity-filters";

/** Reading the activity log: any member of staff may (viewers too); nobody may change it. */

export type ActivityView = {
  id: string;
  at: string;
  actor: string;
  action: string;
  subjectType: ActivitySubject;
  subjectId: string | null;
  subjectLabel: string;
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
  detail: string | null;
};

function view(row: Prisma.ActivityEntryGetPayload<object>): ActivityView {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: row.actorName,
    action: row.action,
    subjectType: activitySubjectFrom(row.subjectType),
    subjectId: row.subjectId,
    subjectLabel: row.subjectLabel,
    field: row.field,
    oldValue: row.oldValue,
    newValue: row.newValue,
    detail: row.detail,
  };
}

/** One thing's history (an enquiry, a work), newest first. */
export async function historyOf(staff: StaffMember, subjectType: ActivitySubject, subjectId: string, limit = 100): Promise<ActivityView[]> {
  requireRole(staff);
  const rows = await db.activityEntry.findMany({ where: { subjectType, subjectId }, orderBy: { at: "desc" }, take: limit });
  return rows.map(view);
}

export const ACTIVITY_PAGE_SIZE = 50;

export async function listActivity(
  staff: StaffMember,
  filters: ActivityFilters,
): Promise<{ entries: ActivityView[]; more: boolean; actors: string[] }> {
  requireRole(staff);
  const at: Prisma.DateTimeFilter = galleryDaysRange(filters.from, filters.to, serverEnv().GALLERY_TIME_ZONE);
  const where: Prisma.ActivityEntryWhereInput = {
    ...(filters.subject ? { subjectType: filters.subject } : {}),
    ...(filters.actor ? { actorName: filters.actor } : {}),
    ...(filters.from || filters.to ? { at } : {}),
  };
  const [rows, actors] = await Promise.all([
    db.activityEntry.findMany({
      where,
      orderBy: { at: "desc" },
      skip: (filters.page - 1) * ACTIVITY_PAGE_SIZE,
      take: ACTIVITY_PAGE_SIZE + 1,
    }),
    db.activityEntry.findMany({ distinct: ["actorName"], select: { actorName: true }, orderBy: { actorName: "asc" } }),
  ]);
  return {
    entries: rows.slice(0, ACTIVITY_PAGE_SIZE).map(view),
    more: rows.length > ACTIVITY_PAGE_SIZE,
    actors: actors.map((row) => row.actorName),
  };
}
