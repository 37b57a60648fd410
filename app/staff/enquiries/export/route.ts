import { toCsv } from "@/lib/csv/export";
import { exportInboxPages } from "@/lib/data/staff/inbox";
import { requireStaff } from "@/lib/auth/staff-session";
import { inboxFiltersSchema } from "@/lib/validations/inbox-filters";

const EXPORT_COLUMNS = [
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
] as const;

export async function GET(request: Request) {
  const staff = await requireStaff();
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parts: string[] = [];
  for await (const page of exportInboxPages(staff, inboxFiltersSchema.parse(params)))
    parts.push(toCsv(page, EXPORT_COLUMNS, { continuing: parts.length > 0 }));
  const csv = parts.join("");
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="enquiries-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
