import "server-only";
import { db } from "@/lib/db/client";
import { queueEmail } from "@/lib/data/outbox";
import { recordActivity } from "@/lib/data/activity";
import { workLabel } from "@/lib/catalogue/describe";
import { viewingRoomInvitation } from "@/lib/emails/templates";
import { issueLinkToken } from "@/lib/enquiries/link-token";
import { heldUntilLabel } from "@/lib/sales/holds";
import { serverEnv } from "@/lib/env";
import { requireRole, type StaffMember } from "@/lib/staff/roles";

/**
 * Private viewing rooms, for staff (/staff/rooms): made, filled with works (published or not) in their
 * order with a note on each, guests invited by email (each with a link of their own, only its SHA-256
 * kept, so a link can be sent once and never shown again), links and rooms closed, and what was opened.
 */

export type RoomSummary = { id: string; title: string; expiresAt: string; closed: boolean; expired: boolean; works: number; guests: number; opens: number };

export async function listViewingRooms(staff: StaffMember): Promise<RoomSummary[]> {
  requireRole(staff);
  const rooms = await db.viewingRoom.findMany({
    orderBy: { createdAt: "desc" },
    include: { _count: { select: { works: true } }, guests: { select: { opens: true } } },
  });
  const now = Date.now();
  return rooms.map((room) => ({
    id: room.id,
    title: room.title,
    expiresAt: room.expiresAt.toISOString(),
    closed: room.closedAt !== null,
    expired: room.expiresAt.getTime() <= now,
    works: room._count.works,
    guests: room.guests.length,
    opens: room.guests.reduce((sum, guest) => sum + guest.opens, 0),
  }));
}

export type RoomInput = { title: string; introduction: string; showPrices: boolean; expiresAt: Date };

export async function createViewingRoom(staff: StaffMember, input: RoomInput): Promise<string> {
  requireRole(staff, "staff");
  return db.$transaction(async (tx) => {
    const room = await tx.viewingRoom.create({ data: { ...input, createdById: staff.id } });
    await recordActivity(tx, { actor: staff, action: "made a viewing room", subjectType: "room", subjectId: room.id, subjectLabel: input.title });
    return room.id;
  });
}

export async function updateViewingRoom(staff: StaffMember, id: string, input: RoomInput): Promise<boolean> {
  requireRole(staff, "staff");
  return db.$transaction(async (tx) => {
    const { count } = await tx.viewingRoom.updateMany({ where: { id }, data: input });
    if (count === 1) await recordActivity(tx, { actor: staff, action: "changed a viewing room", subjectType: "room", subjectId: id, subjectLabel: input.title });
    return count === 1;
  });
}

export type RoomDetail = {
  id: string;
  title: string;
  introduction: string;
  showPrices: boolean;
  expiresAt: string;
  closedAt: string | null;
  /** Neither closed nor past its last day: its links open it. */
  open: boolean;
  works: Array<{ id: string; artworkId: string; slug: string; label: string; published: boolean; note: string; opens: number }>;
  guests: Array<{ id: string; name: string; email: string; opens: number; firstOpenedAt: string | null; lastOpenedAt: string | null; revokedAt: string | null }>;
};

export async function readViewingRoom(staff: StaffMember, id: string): Promise<RoomDetail | null> {
  requireRole(staff);
  const room = await db.viewingRoom.findUnique({
    where: { id },
    include: {
      works: {
        orderBy: { position: "asc" },
        include: { artwork: { select: { slug: true, catalogueNumber: true, title: true, published: true, section: { select: { exhibition: { select: { published: true } } } } } } },
      },
      guests: { orderBy: { createdAt: "asc" } },
    },
  });
  if (!room) return null;
  return {
    id: room.id,
    title: room.title,
    introduction: room.introduction,
    showPrices: room.showPrices,
    expiresAt: room.expiresAt.toISOString(),
    closedAt: room.closedAt?.toISOString() ?? null,
    open: !room.closedAt && room.expiresAt.getTime() > Date.now(),
    works: room.works.map((entry) => ({
      id: entry.id,
      artworkId: entry.artworkId,
      slug: entry.artwork.slug,
      label: workLabel(entry.artwork),
      published: entry.artwork.published && entry.artwork.section.exhibition.published,
      note: entry.note,
      opens: entry.opens,
    })),
    guests: room.guests.map((guest) => ({
      id: guest.id,
      name: guest.name,
      email: guest.email,
      opens: guest.opens,
      firstOpenedAt: guest.firstOpenedAt?.toISOString() ?? null,
      lastOpenedAt: guest.lastOpenedAt?.toISOString() ?? null,
      revokedAt: guest.revokedAt?.toISOString() ?? null,
    })),
  };
}

export type AddWorkOutcome = { added: true } | { added: false; reason: "no_room" | "no_work" | "already" } | { added: false; reason: "several"; slugs: string[] };

/**
 * Adds a work found by its web address name (slug) or its catalogue number; a number several works
 * share (catalogues repeat them across series) asks for the slug instead, naming them.
 */
export async function addWorkToRoom(staff: StaffMember, roomId: string, which: string): Promise<AddWorkOutcome> {
  requireRole(staff, "staff");
  const wanted = which.trim();
  const bySlug = await db.artwork.findUnique({ where: { slug: wanted.toLowerCase() }, select: { id: true } });
  const byNumber = bySlug ? [] : await db.artwork.findMany({ where: { catalogueNumber: wanted }, select: { id: true, slug: true }, take: 10 });
  if (!bySlug && byNumber.length > 1) return { added: false, reason: "several", slugs: byNumber.map((work) => work.slug) };
  const artworkId = bySlug?.id ?? byNumber[0]?.id;
  if (!artworkId) return { added: false, reason: "no_work" };
  return db.$transaction(async (tx) => {
    const room = await tx.viewingRoom.findUnique({ where: { id: roomId }, select: { id: true, _count: { select: { works: true } } } });
    if (!room) return { added: false, reason: "no_room" } as const;
    const existing = await tx.viewingRoomWork.findUnique({ where: { roomId_artworkId: { roomId, artworkId } } });
    if (existing) return { added: false, reason: "already" } as const;
    const last = await tx.viewingRoomWork.findFirst({ where: { roomId }, orderBy: { position: "desc" }, select: { position: true } });
    await tx.viewingRoomWork.create({ data: { roomId, artworkId, position: (last?.position ?? -1) + 1 } });
    return { added: true } as const;
  });
}

export async function setRoomWorkNote(staff: StaffMember, roomId: string, entryId: string, note: string): Promise<boolean> {
  requireRole(staff, "staff");
  const { count } = await db.viewingRoomWork.updateMany({ where: { id: entryId, roomId }, data: { note } });
  return count === 1;
}

export async function removeRoomWork(staff: StaffMember, roomId: string, entryId: string): Promise<boolean> {
  requireRole(staff, "staff");
  const { count } = await db.viewingRoomWork.deleteMany({ where: { id: entryId, roomId } });
  return count === 1;
}

/** Moves a work one place earlier or later in the room (swapping with its neighbour). */
export async function moveRoomWork(staff: StaffMember, roomId: string, entryId: string, direction: "up" | "down"): Promise<boolean> {
  requireRole(staff, "staff");
  return db.$transaction(async (tx) => {
    const entries = await tx.viewingRoomWork.findMany({ where: { roomId }, orderBy: { position: "asc" }, select: { id: true, position: true } });
    const index = entries.findIndex((entry) => entry.id === entryId);
    const other = entries[direction === "up" ? index - 1 : index + 1];
    const entry = entries[index];
    if (!entry || !other) return false;
    // Through a free position: (roomId, position) is not unique, but the order must never show two at once.
    await tx.viewingRoomWork.update({ where: { id: entry.id }, data: { position: other.position } });
    await tx.viewingRoomWork.update({ where: { id: other.id }, data: { position: entry.position } });
    return true;
  });
}

export type InviteOutcome = { invited: true; outboxId: string } | { invited: false; reason: "no_room" | "closed" };

/** Invites a collector: a link of their own, sent by email at once (its token is not kept, so not shown again). */
export async function inviteRoomGuest(staff: StaffMember, roomId: string, guest: { name: string; email: string }, now = new Date()): Promise<InviteOutcome> {
  requireRole(staff, "staff");
  const env = serverEnv();
  const link = issueLinkToken();
  return db.$transaction(async (tx) => {
    const room = await tx.viewingRoom.findUnique({ where: { id: roomId } });
    if (!room) return { invited: false, reason: "no_room" } as const;
    if (room.closedAt || room.expiresAt.getTime() <= now.getTime()) return { invited: false, reason: "closed" } as const;
    await tx.viewingRoomGuest.create({ data: { roomId, name: guest.name, email: guest.email.toLowerCase(), tokenHash: link.hash } });
    const rendered = viewingRoomInvitation(
      { name: env.GALLERY_NAME, siteUrl: env.SITE_URL },
      { name: guest.name, title: room.title, introduction: room.introduction, url: `${env.SITE_URL}/rooms/${link.token}`, until: heldUntilLabel(room.expiresAt, env.GALLERY_TIME_ZONE) },
    );
    const outboxId = await queueEmail({ kind: "viewing_room_invitation", to: guest.email, from: env.MAIL_FROM, replyTo: env.GALLERY_EMAIL, ...rendered }, tx);
    await recordActivity(tx, { actor: staff, action: "invited a collector to a viewing room", subjectType: "room", subjectId: roomId, subjectLabel: room.title });
    return { invited: true, outboxId } as const;
  });
}

export async function revokeRoomGuest(staff: StaffMember, roomId: string, guestId: string, now = new Date()): Promise<boolean> {
  requireRole(staff, "staff");
  const { count } = await db.viewingRoomGuest.updateMany({ where: { id: guestId, roomId, revokedAt: null }, data: { revokedAt: now } });
  return count === 1;
}

/** Closes the room: every link to it stops opening it at once. */
export async function closeViewingRoom(staff: StaffMember, roomId: string, now = new Date()): Promise<boolean> {
  requireRole(staff, "staff");
  return db.$transaction(async (tx) => {
    const { count } = await tx.viewingRoom.updateMany({ where: { id: roomId, closedAt: null }, data: { closedAt: now } });
    if (count === 0) return false;
    // The history names the room as staff know it, not by its id.
    const { title } = await tx.viewingRoom.findUniqueOrThrow({ where: { id: roomId }, select: { title: true } });
    await recordActivity(tx, { actor: staff, action: "closed a viewing room", subjectType: "room", subjectId: roomId, subjectLabel: title });
    return true;
  });
}
