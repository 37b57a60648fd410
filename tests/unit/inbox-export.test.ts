import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { toCsv } from "@/lib/csv/export";
import { db } from "@/lib/db/client";
import { EXPORT_PAGE_SIZE, exportInboxPages, type ExportRow } from "@/lib/data/staff/inbox";
import type { StaffMember } from "@/lib/staff/roles";
import { inboxFiltersSchema } from "@/lib/validations/inbox-filters";

/*
 * The inbox's CSV export is read a page at a time (a whole week's inbox held a web process's thread for
 * about a second): every enquiry once, newest first, also where many arrived in the same millisecond
 * and a page's edge falls among them, and the parts make one file with one header.
 */
describe("the inbox export, a page at a time", () => {
  it("gives every enquiry once, newest first, across pages whose edges fall among enquiries of the same moment", async () => {
    const count = 2 * EXPORT_PAGE_SIZE + 137;
    const base = new Date("2026-11-20T10:00:00Z").getTime();
    await db.enquiry.createMany({
      data: Array.from({ length: count }, (_, index) => ({
        reference: `ENQ-2026-${String(700_000 + index).padStart(6, "0")}`,
        name: `Collector ${index}`,
        email: `collector-${index}@example.test`,
        message: index === 3 ? '=HYPERLINK("http://evil.test")' : `Question ${index}`,
        questions: ["price_availability"],
        consentedAt: new Date(base),
        // Runs of forty enquiries share one millisecond, so most pages begin and end inside a run.
        createdAt: new Date(base + Math.floor(index / 40)),
      })),
    });
    const staff: StaffMember = { id: "export-test", role: "owner", name: "Export Test", email: "export@example.test" };

    const pages: ExportRow[][] = [];
    for await (const page of exportInboxPages(staff, inboxFiltersSchema.parse({ status: "all" }))) pages.push(page);
    expect(pages.map((page) => page.length)).toEqual([EXPORT_PAGE_SIZE, EXPORT_PAGE_SIZE, 137]);

    const references = pages.flat().map((row) => row.reference);
    expect(new Set(references).size).toBe(count);
    const expected = await db.enquiry.findMany({
      where: { status: { not: "spam" } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { reference: true },
    });
    expect(references).toEqual(expected.map((row) => row.reference));

    const columns = ["reference", "received", "message"] as const;
    const csv = pages.map((page, index) => toCsv(page, columns, { continuing: index > 0 })).join("");
    expect(csv.startsWith("\uFEFFreference,received,message\r\n")).toBe(true);
    expect(csv.match(/reference,received,message/g)).toHaveLength(1);
    const records = parse(csv, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(records).toHaveLength(count);
    expect(records.find((record) => record.reference === "ENQ-2026-700003")?.message).toBe('\'=HYPERLINK("http://evil.test")');
  });

  it("gives an empty inbox as one empty page, so the file still has its header", async () => {
    const staff: StaffMember = { id: "export-test", role: "owner", name: "Export Test", email: "export@example.test" };
    const pages: ExportRow[][] = [];
    for await (const page of exportInboxPages(staff, inboxFiltersSchema.parse({ status: "all", q: "nobody-has-this-name" })))
      pages.push(page);
    expect(pages).toEqual([[]]);
    expect(toCsv(pages[0]!, ["reference", "received"] as const, { continuing: false })).toBe("\uFEFFreference,received\r\n");
  });
});
