import "server-only";
import type { ActivitySubject } from "@/lib/staff/activity-vocabulary";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The activity log: who changed what, and when (the ActivityEntry table, append-only). Changes write
 * their entry with activityEntry() inside their own transaction where they have one, so a change and
 * its history are kept together or not at all. Entries name references and values, never a
 * collector's name, address or words. No session code here: the import command (plain Node) writes
 * entries too. Reading the log (staff only) is lib/data/staff/activity-log.ts.
 */

/** Who did it: a member of staff, or something else named (the import command); null for the system. */
export type Actor = { id: string | null; name: string } | null;

export type ActivityRecord = {
  actor: Actor;
  /** What was done, in a few words: "changed the status", "edited", "imported". */
  action: string;
  subjectType: ActivitySubject;
  subjectId?: string | null;
  subjectLabel: string;
  field?: string | null;
  oldValue?: string | null;
  newValue?: string | null;
  detail?: string | null;
  at?: Date;
};

function data(entry: ActivityRecord): Prisma.ActivityEntryCreateInput {
  return {
    at: entry.at ?? new Date(),
    actorId: entry.actor?.id ?? null,
    actorName: entry.actor?.name ?? "The system",
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    subjectLabel: entry.subjectLabel.slice(0, 300),
    field: entry.field ?? null,
    oldValue: entry.oldValue?.slice(0, 500) ?? null,
    newValue: entry.newValue?.slice(0, 500) ?? null,
    detail: entry.detail?.slice(0, 1000) ?? null,
  };
}

/** The entry as a write, for a `$transaction([...])` beside the change it records. */
export function activityEntry(entry: ActivityRecord) {
  return db.activityEntry.create({ data: data(entry) });
}

/** The entry written inside an interactive transaction. */
export async function recordActivity(tx: Prisma.TransactionClient, entry: ActivityRecord): Promise<void> {
  await tx.activityEntry.create({ data: data(entry) });
}

/** Several entries as one write (an edit that changed price and availability together). */
export function activityEntries(entries: ActivityRecord[]) {
  return db.activityEntry.createMany({ data: entries.map(data) });
}

/** Several entries written inside an interactive transaction, as one statement. */
export async function recordActivities(tx: Prisma.TransactionClient, entries: ActivityRecord[]): Promise<void> {
  if (entries.length > 0) await tx.activityEntry.createMany({ data: entries.map(data) });
}
