import "server-only";
import { workLabel } from "@/lib/catalogue/describe";
import type { CatalogueChange } from "@/lib/catalogue/catalogue-change";
import { AVAILABILITY_LABELS } from "@/lib/catalogue/vocabulary";
import { db } from "@/lib/db/client";
import { changeAround } from "@/lib/data/catalogue-changes";
import { isForeignKeyViolation, isUniqueViolation } from "@/lib/data/database-errors";
import { availabilityFrom, holdEndReasonFrom } from "@/lib/data/database-values";
import { endHoldInTransaction, holdDetail, recordHoldActivity } from "@/lib/data/holds";
import { declineHoldRequest, grantHoldRequest, waitingHoldRequests, type HoldRequestView, type RequestDecision } from "@/lib/data/hold-requests";
import { serverEnv } from "@/lib/env";
import { heldUntilLabel, holdEndProblem } from "@/lib/sales/holds";
import type { HoldEndReason } from "@/lib/sales/vocabulary";
import { requireRole, type StaffMember } from "@/lib/staff/roles";

/**
 * Staff's holds: placed on a work for a named collector (from an enquiry or from the work's page),
 * extended, released. The database keeps at most one open hold per work (a partial unique index), so
 * two members of staff pressing "Hold" at the same instant get one hold between them, and the other is
 * told whose it is.
 */

export type HoldChange = { ok: true; change: CatalogueChange; artworkId: string; message: string } | { ok: false; message: string };

export type HoldView = {
  id: string;
  collectorName: string;
  collectorEmail: string;
  heldUntil: string;
  heldUntilLabel: string;
  placedBy: string;
  enquiryReference: string | null;
  createdAt: string;
  endedAt: string | null;
  endReason: HoldEndReason | null;
};

class HoldRefused extends Error {}

function untilWords(heldUntil: Date): string {
  return heldUntilLabel(heldUntil, serverEnv().GALLERY_TIME_ZONE);
}

async function openHoldSentence(artworkId: string): Promise<string> {
  const open = await db.workHold.findFirst({ where: { artworkId, endedAt: null }, include: { placedBy: { select: { name: true } } } });
  if (!open) return "Another hold was being placed on this work at the same moment; look again before holding it.";
  const by = open.placedBy ? `, placed by ${open.placedBy.name}` : "";
  return `This work is held already for ${open.collectorName} until ${untilWords(open.heldUntil)}${by}. Release or extend that hold instead.`;
}

export async function placeHold(
  staff: StaffMember,
  input: { artworkId: string; collectorName: string; collectorEmail: string; heldUntil: Date; enquiryReference?: string | null },
  now = new Date(),
): Promise<HoldChange> {
  requireRole(staff, "staff");
  const problem = holdEndProblem(input.heldUntil, now);
  if (problem) return { ok: false, message: problem };
  let enquiryId: number | null = null;
  if (input.enquiryReference) {
    const enquiry = await db.enquiry.findUnique({ where: { reference: input.enquiryReference }, select: { id: true } });
    if (!enquiry) return { ok: false, message: "That enquiry no longer exists; nothing was held." };
    enquiryId = enquiry.id;
  }
  try {
    await db.$transaction(async (tx) => {
      // The hold is written first: the unique index decides between two people holding at once, and the
      // write lock is taken before anything is read.
      await tx.workHold.create({
        data: {
          artworkId: input.artworkId,
          collectorName: input.collectorName,
          collectorEmail: input.collectorEmail.toLowerCase(),
          enquiryId,
          heldUntil: input.heldUntil,
          placedById: staff.id,
        },
      });
      const work = await tx.artwork.findUniqueOrThrow({ where: { id: input.artworkId }, select: { availability: true } });
      const availability = availabilityFrom(work.availability);
      if (availability === "sold" || availability === "private_collection")
        throw new HoldRefused(`This work is ${AVAILABILITY_LABELS[availability].toLowerCase()}: it cannot be held. Nothing was changed.`);
      await tx.artwork.update({ where: { id: input.artworkId }, data: { availability: "reserved" } });
      const reference = input.enquiryReference ?? null;
      await recordHoldActivity(tx, {
        actor: staff,
        action: "placed a hold",
        artworkId: input.artworkId,
        enquiryId,
        detail: holdDetail(input.heldUntil, reference),
        at: now,
      });
    });
  } catch (error) {
    if (error instanceof HoldRefused) return { ok: false, message: error.message };
    if (isUniqueViolation(error)) return { ok: false, message: await openHoldSentence(input.artworkId) };
    if (isForeignKeyViolation(error) || (error instanceof Error && error.name === "NotFoundError"))
      return { ok: false, message: "That work no longer exists; nothing was held." };
    throw error;
  }
  return {
    ok: true,
    change: await changeAround(input.artworkId),
    artworkId: input.artworkId,
    message: `Held for ${input.collectorName} until ${untilWords(input.heldUntil)}. The public pages show it as Reserved now.`,
  };
}

export async function extendHold(staff: StaffMember, input: { holdId: string; heldUntil: Date }, now = new Date()): Promise<HoldChange> {
  requireRole(staff, "staff");
  const problem = holdEndProblem(input.heldUntil, now);
  if (problem) return { ok: false, message: problem };
  const changed = await db.$transaction(async (tx) => {
    const { count } = await tx.workHold.updateMany({ where: { id: input.holdId, endedAt: null }, data: { heldUntil: input.heldUntil } });
    if (count === 0) return null;
    const hold = await tx.workHold.findUniqueOrThrow({ where: { id: input.holdId }, include: { enquiry: { select: { reference: true } } } });
    await recordHoldActivity(tx, {
      actor: staff,
      action: "changed the hold's end",
      artworkId: hold.artworkId,
      enquiryId: hold.enquiryId,
      detail: holdDetail(input.heldUntil, hold.enquiry?.reference ?? null),
      at: now,
    });
    return hold;
  });
  if (!changed) return { ok: false, message: "That hold has ended already (released, run out or sold); nothing was changed." };
  return {
    ok: true,
    change: await changeAround(changed.artworkId),
    artworkId: changed.artworkId,
    message: `The hold now runs until ${untilWords(input.heldUntil)}.`,
  };
}

export async function releaseHold(staff: StaffMember, holdId: string, now = new Date()): Promise<HoldChange> {
  requireRole(staff, "staff");
  const hold = await db.workHold.findUnique({ where: { id: holdId }, select: { id: true, artworkId: true, enquiryId: true, heldUntil: true } });
  const released = hold ? await db.$transaction((tx) => endHoldInTransaction(tx, hold, "released", staff, now)) : false;
  if (!hold || !released) return { ok: false, message: "That hold has ended already (released, run out or sold); nothing was changed." };
  return {
    ok: true,
    change: await changeAround(hold.artworkId),
    artworkId: hold.artworkId,
    message: "Released. The work is available again on every page.",
  };
}

function holdView(hold: {
  id: string;
  collectorName: string;
  collectorEmail: string;
  heldUntil: Date;
  createdAt: Date;
  endedAt: Date | null;
  endReason: string | null;
  placedBy: { name: string } | null;
  enquiry: { reference: string } | null;
}): HoldView {
  return {
    id: hold.id,
    collectorName: hold.collectorName,
    collectorEmail: hold.collectorEmail,
    heldUntil: hold.heldUntil.toISOString(),
    heldUntilLabel: untilWords(hold.heldUntil),
    placedBy: hold.placedBy?.name ?? "—",
    enquiryReference: hold.enquiry?.reference ?? null,
    createdAt: hold.createdAt.toISOString(),
    endedAt: hold.endedAt?.toISOString() ?? null,
    endReason: hold.endReason === null ? null : holdEndReasonFrom(hold.endReason),
  };
}

const HOLD_INCLUDE = { placedBy: { select: { name: true } }, enquiry: { select: { reference: true } } } as const;

/** A work's holds, the open one first, then the ended ones, newest first. */
export async function holdsOfWork(staff: StaffMember, artworkId: string): Promise<{ open: HoldView | null; ended: HoldView[] }> {
  requireRole(staff);
  const holds = await db.workHold.findMany({ where: { artworkId }, orderBy: { createdAt: "desc" }, take: 20, include: HOLD_INCLUDE });
  const views = holds.map(holdView);
  return { open: views.find((hold) => hold.endedAt === null) ?? null, ended: views.filter((hold) => hold.endedAt !== null) };
}

/** The open holds on an enquiry's works, by work id: shown beside each work on the enquiry's page. */
export async function openHoldsOfWorks(staff: StaffMember, artworkIds: string[]): Promise<Map<string, HoldView & { artworkLabel: string }>> {
  requireRole(staff);
  const holds = await db.workHold.findMany({
    where: { artworkId: { in: artworkIds }, endedAt: null },
    include: { ...HOLD_INCLUDE, artwork: { select: { catalogueNumber: true, title: true } } },
  });
  return new Map(holds.map((hold) => [hold.artworkId, { ...holdView(hold), artworkLabel: workLabel(hold.artwork) }]));
}

/** Collectors' confirmed requests to reserve, waiting for staff (of one work, or all). */
export async function holdRequestsWaiting(staff: StaffMember, artworkId?: string): Promise<HoldRequestView[]> {
  requireRole(staff);
  return waitingHoldRequests(artworkId);
}

export async function grantRequestedHold(staff: StaffMember, requestId: string): Promise<RequestDecision> {
  requireRole(staff, "staff");
  return grantHoldRequest(staff, requestId);
}

export async function declineRequestedHold(staff: StaffMember, requestId: string): Promise<RequestDecision> {
  requireRole(staff, "staff");
  return declineHoldRequest(requestId);
}
