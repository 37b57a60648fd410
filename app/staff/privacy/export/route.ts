import { staffPermitted } from "@/lib/auth/staff-session";
import { exportPersonalDataForStaff } from "@/lib/data/staff/privacy";
import { readFormWithin, UnreadableBody } from "@/lib/http/request-body";
import { fromThisSite } from "@/lib/http/same-origin";
import { findHeldDataSchema } from "@/lib/validations/privacy-request";

/**
 * Everything held about an address, as one JSON file to send the collector. A POST (the address is
 * never in a URL, so never in a log), from this site's staff page only; recorded in the activity log.
 */
export async function POST(request: Request) {
  const permit = await staffPermitted("staff");
  const plain = (status: number, message: string) =>
    new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  if (!permit.staff) return plain(403, permit.refusal);
  if (!fromThisSite(request.headers)) return plain(403, "Accepted only from this site's own staff pages.");
  let form: FormData;
  try {
    form = await readFormWithin(request, 4096);
  } catch (error) {
    if (error instanceof UnreadableBody) return plain(error.status, error.message);
    throw error;
  }
  const parsed = findHeldDataSchema.safeParse({ email: form.get("email") ?? "" });
  if (!parsed.success) return plain(400, "Give the collector's email address, such as name@example.com.");
  const held = await exportPersonalDataForStaff(permit.staff, parsed.data.email);
  return new Response(JSON.stringify(held, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="personal-data-${new Date().toISOString().slice(0, 10)}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
