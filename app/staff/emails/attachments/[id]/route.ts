import { requireStaff } from "@/lib/auth/staff-session";
import { readInboundAttachment } from "@/lib/data/staff/inbound-emails";
import { objectStore } from "@/lib/storage";

/** Types shown in the page as they are; anything else is only downloaded, never opened by the browser as a page. */
const SHOWN_AS_IS = /^(image\/(jpeg|png|gif|webp)|application\/pdf)$/i;

/** A file a collector's emailed answer carried, for signed-in staff. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaff();
  const { id } = await params;
  const attachment = await readInboundAttachment(staff, id);
  const stored = attachment ? await objectStore().get(attachment.storageKey) : null;
  if (!attachment || !stored)
    return new Response("No such file.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const contentType = SHOWN_AS_IS.test(attachment.contentType) ? attachment.contentType : "application/octet-stream";
  const fileName = attachment.fileName.replace(/["\\\r\n]/g, "_");
  return new Response(new Uint8Array(stored.body), {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `${contentType.startsWith("image/") ? "inline" : "attachment"}; filename="${fileName.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
