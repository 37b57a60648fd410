import "server-only";
import { db } from "@/lib/db/client";
import { readArtworksForRoom, type ArtworkDetail } from "@/lib/data/catalogue";
import { hashLinkToken } from "@/lib/enquiries/link-token";
import { readPhotographAsJpeg } from "@/lib/images/photograph-files";
import { renderTearSheets, type TearSheet } from "@/lib/sales/tear-sheets";
import { artistWithDates, availabilityLabel, priceText, workLabel, mediumLine } from "@/lib/catalogue/describe";
import { formatBothUnits } from "@/lib/catalogue/sizes";
import { serverEnv } from "@/lib/env";

/**
 * A private viewing room as its guests see it (app/rooms/[token]). Every function takes the guest's
 * link token itself and finds nothing for a guessed, revoked or expired one, or for a room staff closed:
 * the page then says only "This link does not open a room". Opening the room and opening each work in
 * it are counted for staff (no third-party tracking).
 */

export type RoomWork = { work: ArtworkDetail; note: string; price: string | null; availability: string };
export type OpenRoom = { title: string; introduction: string; guestName: string; expiresAt: string; showPrices: boolean; works: RoomWork[] };

async function guestByToken(token: string, now: Date) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  return db.viewingRoomGuest.findFirst({
    where: { tokenHash: hashLinkToken(token), revokedAt: null, room: { closedAt: null, expiresAt: { gt: now } } },
    include: { room: { include: { works: { orderBy: { position: "asc" } } } } },
  });
}

function roomWorks(room: { showPrices: boolean; works: Array<{ artworkId: string; note: string }> }, details: ArtworkDetail[]): RoomWork[] {
  return room.works.flatMap((entry) => {
    const work = details.find((detail) => detail.id === entry.artworkId);
    if (!work) return [];
    return [
      {
        work,
        note: entry.note,
        price: room.showPrices ? priceText(work) : null,
        availability: availabilityLabel(work.availability),
      },
    ];
  });
}

/** The room, counted as opened by this guest; null when the link does not open one. */
export async function openViewingRoom(token: string, now = new Date()): Promise<OpenRoom | null> {
  const guest = await guestByToken(token, now);
  if (!guest) return null;
  await db.viewingRoomGuest.update({
    where: { id: guest.id },
    data: { opens: { increment: 1 }, lastOpenedAt: now, ...(guest.firstOpenedAt ? {} : { firstOpenedAt: now }) },
  });
  const details = await readArtworksForRoom(guest.room.works.map((entry) => entry.artworkId));
  return {
    title: guest.room.title,
    introduction: guest.room.introduction,
    guestName: guest.name,
    expiresAt: guest.room.expiresAt.toISOString(),
    showPrices: guest.room.showPrices,
    works: roomWorks(guest.room, details),
  };
}

/** One work of the room, counted as opened; null when the link does not open the room or the work is not in it. */
export async function openViewingRoomWork(
  token: string,
  slug: string,
  now = new Date(),
): Promise<(RoomWork & { roomTitle: string; onSite: boolean }) | null> {
  const guest = await guestByToken(token, now);
  if (!guest) return null;
  const artwork = await db.artwork.findUnique({
    where: { slug },
    select: { id: true, published: true, section: { select: { exhibition: { select: { published: true } } } } },
  });
  const entry = artwork ? guest.room.works.find((candidate) => candidate.artworkId === artwork.id) : undefined;
  if (!entry) return null;
  await db.viewingRoomWork.update({ where: { id: entry.id }, data: { opens: { increment: 1 } } });
  const [work] = roomWorks({ showPrices: guest.room.showPrices, works: [entry] }, await readArtworksForRoom([entry.artworkId]));
  // Shown on the site too: its own page takes offers and requests to reserve (the sale's forms).
  const onSite = Boolean(artwork?.published && artwork.section.exhibition.published);
  return work ? { ...work, roomTitle: guest.room.title, onSite } : null;
}

/** The works a guest ticked, for their enquiry: only works of their room, published or not. */
export async function roomWorksForEnquiry(token: string, artworkIds: string[], now = new Date()): Promise<ArtworkDetail[] | null> {
  const guest = await guestByToken(token, now);
  if (!guest) return null;
  const inRoom = guest.room.works.map((entry) => entry.artworkId).filter((id) => artworkIds.includes(id));
  return readArtworksForRoom(inRoom);
}

/** The room as tear sheets (one work a page, its photograph, details and price as the room shows it). */
export async function viewingRoomTearSheets(roomId: string): Promise<{ title: string; pdf: Buffer } | null> {
  const room = await db.viewingRoom.findUnique({ where: { id: roomId }, include: { works: { orderBy: { position: "asc" } } } });
  if (!room) return null;
  const details = await readArtworksForRoom(room.works.map((entry) => entry.artworkId));
  const env = serverEnv();
  const sheets: TearSheet[] = [];
  for (const { work, note, price } of roomWorks(room, details)) {
    const first = work.photographs[0];
    sheets.push({
      label: workLabel(work),
      artist: artistWithDates(work.artist),
      lines: [
        mediumLine(work) + (work.year ? `, ${work.year}` : ""),
        ...work.dimensions.map((dimension) => formatBothUnits(dimension)),
        ...(work.signature ? [work.signature] : []),
      ],
      price: price ?? "",
      availability: availabilityLabel(work.availability),
      note,
      photograph: first ? await readPhotographAsJpeg(first.storageKey) : null,
    });
  }
  const pdf = await renderTearSheets({ gallery: { name: env.GALLERY_NAME, siteUrl: env.SITE_URL }, title: room.title, sheets });
  return { title: room.title, pdf };
}

/** The room a guest's link opens, for its tear sheets; null when it does not open one. */
export async function roomIdForGuest(token: string, now = new Date()): Promise<string | null> {
  return (await guestByToken(token, now))?.room.id ?? null;
}
