import type { Metadata } from "next";
import Link from "next/link";
import { TableHead } from "@/components/staff/table-head";
import { requireStaff } from "@/lib/auth/staff-session";
import { listInvoices } from "@/lib/data/staff/invoices";
import { INVOICE_STANDING_LABELS, INVOICE_STANDINGS } from "@/lib/sales/vocabulary";
import { staffNoticeText } from "@/lib/staff/notices";
import { invoiceFilterSchema } from "@/lib/validations/invoices";

export const metadata: Metadata = { title: "Invoices", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function InvoicesPage({ searchParams }: Props) {
  const staff = await requireStaff();
  const query = await searchParams;
  const { standing } = invoiceFilterSchema.parse(query);
  const notice = staffNoticeText("invoices", query.notice);
  const invoices = await listInvoices(staff, standing ?? null);
  return (
    <>
      <h1 className="text-3xl font-semibold">Invoices</h1>
      <p role="status" aria-live="polite" className={notice ? "mt-4 border-l-4 border-ok bg-white p-3 font-sans" : "sr-only"}>
        {notice}
      </p>
      <p className="mt-2 max-w-2xl font-sans text-ink-soft">
        Invoices and credit notes, with what has been paid. A draft becomes an invoice, with the next number, when it is issued; an issued
        invoice never changes, and is corrected by cancelling it with a credit note.
      </p>
      <p className="mt-4 font-sans text-sm">
        <a href="/staff/invoices/export" download>
          Download for the accountant (CSV, Xero&rsquo;s sales-invoice import)
        </a>
      </p>
      <nav aria-label="Invoices by standing" className="mt-6 font-sans text-sm">
        <ul className="flex flex-wrap gap-4">
          <li>
            <Link href="/staff/invoices" aria-current={standing ? undefined : "page"}>
              All
            </Link>
          </li>
          {INVOICE_STANDINGS.map((name) => (
            <li key={name}>
              <Link href={`/staff/invoices?standing=${name}`} aria-current={standing === name ? "page" : undefined}>
                {INVOICE_STANDING_LABELS[name]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {invoices.length === 0 ? (
        <p className="mt-6 font-sans">No invoices{standing ? ` ${INVOICE_STANDING_LABELS[standing].toLowerCase()}` : ""} yet.</p>
      ) : (
        <table className="mt-6 w-full border-collapse font-sans text-sm">
          <caption className="sr-only">Invoices</caption>
          <TableHead columns={["Number", "Buyer", "Total", "Paid", "Standing", "Issued", "Due"]} />
          <tbody>
            {invoices.map((invoice) => (
              <tr key={invoice.id} className="border-b border-rule" data-testid="invoice-row">
                <td className="py-2 pr-4">
                  <Link href={`/staff/invoices/${invoice.id}`}>{invoice.number ?? "Draft"}</Link>
                </td>
                <td className="py-2 pr-4">{invoice.buyerName}</td>
                <td className="py-2 pr-4">{invoice.total}</td>
                <td className="py-2 pr-4">{invoice.paid}</td>
                <td className="py-2 pr-4">{INVOICE_STANDING_LABELS[invoice.standing]}</td>
                <td className="py-2 pr-4">{invoice.issuedAt ?? "—"}</td>
                <td className="py-2 pr-4">{invoice.dueAt ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
