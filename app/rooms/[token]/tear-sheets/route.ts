import { roomIdForGuest, viewingRoomTearSheets } from "@/lib/data/viewing-rooms";

/** The room's tear sheets for its guest: one work a page, as the room shows it. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const roomId = await roomIdForGuest(token);
  const sheets = roomId ? await viewingRoomTearSheets(roomId) : null;
  if (!sheets)
    return new Response("This link does not open a room.", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  return new Response(new Uint8Array(sheets.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": 'attachment; filename="tear-sheets.pdf"',
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}
