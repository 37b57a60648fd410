import { requireStaff } from "@/lib/auth/staff-session";
import { readInboundOriginal } from "@/lib/data/staff/inbound-emails";
import { objectStore } from "@/lib/storage";

/** A collector's emailed answer exactly as it arrived, to open in a mail program (downloaded, never shown as a page). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaff();
  const { id } = await params;
  const email = await readInboundOriginal(staff, id);
  const stored = email?.originalKey ? await objectStore().get(email.originalKey) : null;
  if (!stored) return new Response("No such email.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(new Uint8Array(stored.body), {
    headers: {
      "Content-Type": "message/rfc822",
      "Content-Disposition": 'attachment; filename="email.eml"',
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
