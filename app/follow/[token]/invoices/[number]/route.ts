import { followedInvoicePdf } from "@/lib/data/enquiry-follow";
import { LINK_TOKEN_PATTERN } from "@/lib/enquiries/link-token";

/** The collector downloads an invoice of their enquiry from its follow page: the follow link is the authority. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string; number: string }> }) {
  const { token, number } = await params;
  const pdf = LINK_TOKEN_PATTERN.test(token) && /^[A-Z0-9-]{1,40}$/.test(number) ? await followedInvoicePdf(token, number) : null;
  if (!pdf)
    return new Response("No such invoice.", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  return new Response(new Uint8Array(pdf.body), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${pdf.fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}
