import type { Metadata } from "next";
import Link from "next/link";
import { EditorOnly } from "@/components/staff/editor-only";
import { ViewingRoomForm } from "@/components/staff/viewing-room-forms";
import { requireStaff } from "@/lib/auth/staff-session";
import { listViewingRooms } from "@/lib/data/staff/viewing-rooms";
import { roleAllows } from "@/lib/staff/roles";
import { staffTime } from "@/lib/time/gallery-time";

export const metadata: Metadata = { title: "Viewing rooms", robots: { index: false } };

export default async function ViewingRoomsPage() {
  const staff = await requireStaff();
  const rooms = await listViewingRooms(staff);
  return (
    <>
      <h1 className="text-3xl font-semibold">Viewing rooms</h1>
      <p className="mt-2 max-w-3xl font-sans text-sm text-ink-soft">
        Works chosen for one collector or a few, published or not yet, shown only through each guest&rsquo;s own private link until the
        room&rsquo;s last day or until it is closed.
      </p>
      {rooms.length > 0 && (
        <table className="mt-6 w-full max-w-4xl border-collapse font-sans text-sm">
          <caption className="sr-only">Viewing rooms, the newest first</caption>
          <thead>
            <tr className="border-b border-rule text-left">
              <th scope="col" className="py-2 pr-4">
                Room
              </th>
              <th scope="col" className="py-2 pr-4">
                Works
              </th>
              <th scope="col" className="py-2 pr-4">
                Guests
              </th>
              <th scope="col" className="py-2 pr-4">
                Opened
              </th>
              <th scope="col" className="py-2">
                Opens until
              </th>
            </tr>
          </thead>
          <tbody>
            {rooms.map((room) => (
              <tr key={room.id} className="border-b border-rule" data-testid="room-row">
                <td className="py-2 pr-4">
                  <Link href={`/staff/rooms/${room.id}`}>{room.title}</Link>
                  {room.closed ? " (closed)" : room.expired ? " (expired)" : ""}
                </td>
                <td className="py-2 pr-4">{room.works}</td>
                <td className="py-2 pr-4">{room.guests}</td>
                <td className="py-2 pr-4">{room.opens}</td>
                <td className="py-2">{staffTime(room.expiresAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <EditorOnly canEdit={roleAllows(staff.role, "staff")}>
        <section aria-labelledby="new-room-heading" className="mt-10 max-w-2xl">
          <h2 id="new-room-heading" className="text-xl font-semibold">
            Make a viewing room
          </h2>
          <ViewingRoomForm room={null} />
        </section>
      </EditorOnly>
    </>
  );
}
