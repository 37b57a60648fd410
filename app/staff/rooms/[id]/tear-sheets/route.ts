import { requireStaff } from "@/lib/auth/staff-session";
import { viewingRoomTearSheets } from "@/lib/data/viewing-rooms";
import { readViewingRoom } from "@/lib/data/staff/viewing-rooms";

/** The room's tear sheets, for staff (to print, or to send as they are). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaff();
  const { id } = await params;
  const room = await readViewingRoom(staff, id);
  const sheets = room ? await viewingRoomTearSheets(room.id) : null;
  if (!sheets) return new Response("No such viewing room.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(new Uint8Array(sheets.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": 'attachment; filename="tear-sheets.pdf"',
      "Cache-Control": "private, no-store",
    },
  });
}
