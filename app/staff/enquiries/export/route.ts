import { toCsv } from "@/lib/csv/export";
import { exportInbox } from "@/lib/data/staff/inbox";
import { requireStaff } from "@/lib/auth/staff-session";
import { inboxFiltersSchema } from "@/lib/validations/inbox-filters";

export async function GET(request: Request) {
  const staff = await requireStaff();
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const rows = await exportInbox(staff, inboxFiltersSchema.parse(params));
  const csv = toCsv(rows, [
    "reference",
    "received",
    "status",
    "reply by",
    "assigned to",
    "name",
    "email",
    "phone",
    "work",
    "questions",
    "message",
    "flagged",
  ]);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="enquiries-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
