import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/staff/action-form";
import { EditorOnly } from "@/components/staff/editor-only";
import { AddRoomWorkForm, InviteGuestForm, RoomWorkNoteForm, ViewingRoomForm } from "@/components/staff/viewing-room-forms";
import { arrangeRoomWork, closeRoom, revokeGuest } from "@/lib/actions/staff-viewing-rooms";
import { requireStaff } from "@/lib/auth/staff-session";
import { readViewingRoom } from "@/lib/data/staff/viewing-rooms";
import { serverEnv } from "@/lib/env";
import { roleAllows } from "@/lib/staff/roles";
import { staffNoticeText } from "@/lib/staff/notices";
import { addDays, galleryDay, staffTime } from "@/lib/time/gallery-time";

export const metadata: Metadata = { title: "Viewing room", robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ViewingRoomPage({ params, searchParams }: Props) {
  const staff = await requireStaff();
  const { id } = await params;
  const { notice } = await searchParams;
  const room = await readViewingRoom(staff, id);
  if (!room) notFound();
  const canEdit = roleAllows(staff.role, "staff");
  const noticeText = staffNoticeText("rooms", notice);
  // The last day it opens: the day before the instant it stops, in the gallery's clock.
  const expiresOn = addDays(galleryDay(new Date(room.expiresAt), serverEnv().GALLERY_TIME_ZONE), -1);
  const open = room.open;
  return (
    <>
      <p className="font-sans text-sm">
        <Link href="/staff/rooms">All viewing rooms</Link>
      </p>
      <h1 className="mt-2 text-3xl font-semibold">{room.title}</h1>
      <p className="mt-1 font-sans text-sm" data-testid="room-state">
        {room.closedAt
          ? `Closed ${staffTime(room.closedAt)}`
          : open
            ? `Opens until ${staffTime(room.expiresAt)}`
            : `Expired ${staffTime(room.expiresAt)}`}{" "}
        · <a href={`/staff/rooms/${room.id}/tear-sheets`}>Tear sheets (PDF)</a>
      </p>
      <p role="status" className={noticeText ? "mt-4 border-l-4 border-ok bg-white p-3 font-sans" : "sr-only"}>
        {noticeText}
      </p>
      <div className="mt-8 grid gap-10 lg:grid-cols-[3fr_2fr]">
        <section aria-labelledby="room-works-heading">
          <h2 id="room-works-heading" className="text-xl font-semibold">
            Works, in their order
          </h2>
          <ol className="mt-3 space-y-4">
            {room.works.map((work, index) => (
              <li key={work.id} className="bg-white p-4" data-testid="room-work">
                <p className="font-sans">
                  <strong>{work.label}</strong>
                  {!work.published && <span className="text-ink-soft"> · not published: seen only in rooms</span>}
                  <span className="text-ink-soft" data-testid="room-work-opens">
                    {" "}
                    · opened {work.opens} {work.opens === 1 ? "time" : "times"}
                  </span>
                </p>
                <EditorOnly canEdit={canEdit} instead={work.note ? <p className="mt-2 text-sm">{work.note}</p> : null}>
                  <RoomWorkNoteForm roomId={room.id} entryId={work.id} note={work.note} label={work.label} />
                  <div className="mt-2 flex gap-3 font-sans text-sm">
                    {(["up", "down", "remove"] as const)
                      .filter((direction) => (direction === "up" ? index > 0 : direction === "down" ? index < room.works.length - 1 : true))
                      .map((direction) => (
                        <ActionForm key={direction} action={arrangeRoomWork}>
                          <input type="hidden" name="roomId" value={room.id} />
                          <input type="hidden" name="entryId" value={work.id} />
                          <input type="hidden" name="direction" value={direction} />
                          <button
                            type="submit"
                            className="button-quiet"
                            aria-label={`${direction === "remove" ? "Take out" : `Move ${direction}`}: ${work.label}`}
                          >
                            {direction === "remove" ? "Take out" : direction === "up" ? "Move up" : "Move down"}
                          </button>
                        </ActionForm>
                      ))}
                  </div>
                </EditorOnly>
              </li>
            ))}
          </ol>
          <EditorOnly canEdit={canEdit}>
            <div className="mt-6">
              <AddRoomWorkForm roomId={room.id} />
            </div>
          </EditorOnly>
        </section>
        <aside className="space-y-8">
          <section aria-labelledby="room-guests-heading">
            <h2 id="room-guests-heading" className="text-xl font-semibold">
              Guests
            </h2>
            <ul className="mt-2 space-y-2 font-sans text-sm">
              {room.guests.map((guest) => (
                <li key={guest.id} className="bg-white p-3" data-testid="room-guest">
                  <p>
                    <strong>{guest.name}</strong> · {guest.email}
                  </p>
                  <p className="text-ink-soft" data-testid="room-guest-opens">
                    {guest.opens === 0
                      ? "Not opened yet"
                      : `Opened ${guest.opens} ${guest.opens === 1 ? "time" : "times"}, first ${staffTime(guest.firstOpenedAt!)}, last ${staffTime(guest.lastOpenedAt!)}`}
                    {guest.revokedAt ? ` · link withdrawn ${staffTime(guest.revokedAt)}` : ""}
                  </p>
                  {canEdit && !guest.revokedAt && (
                    <ActionForm action={revokeGuest} className="mt-1">
                      <input type="hidden" name="roomId" value={room.id} />
                      <input type="hidden" name="guestId" value={guest.id} />
                      <button type="submit" className="button-quiet" aria-label={`Withdraw the link of ${guest.name}`}>
                        Withdraw their link
                      </button>
                    </ActionForm>
                  )}
                </li>
              ))}
            </ul>
            {canEdit && open && (
              <div className="mt-3">
                <InviteGuestForm roomId={room.id} />
              </div>
            )}
          </section>
          <EditorOnly canEdit={canEdit}>
            <section aria-labelledby="room-settings-heading">
              <h2 id="room-settings-heading" className="text-xl font-semibold">
                The room
              </h2>
              <ViewingRoomForm
                room={{ id: room.id, title: room.title, introduction: room.introduction, showPrices: room.showPrices, expiresOn }}
              />
              {!room.closedAt && (
                <ActionForm action={closeRoom} className="mt-4">
                  <input type="hidden" name="roomId" value={room.id} />
                  <button type="submit" className="button-quiet text-alert">
                    Close the room now
                  </button>
                </ActionForm>
              )}
            </section>
          </EditorOnly>
        </aside>
      </div>
    </>
  );
}
