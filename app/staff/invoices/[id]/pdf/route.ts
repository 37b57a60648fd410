import { requireStaff } from "@/lib/auth/staff-session";
import { invoicePdfForStaff } from "@/lib/data/staff/invoices";

/** The invoice's PDF exactly as the buyer was sent it. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaff();
  const { id } = await params;
  const pdf = await invoicePdfForStaff(staff, id);
  if (!pdf) return new Response("No such invoice PDF.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(new Uint8Array(pdf.body), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${pdf.fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
