import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { randomBytes } from "node:crypto";
import { EditorOnly } from "@/components/staff/editor-only";
import { CancelInvoiceForm, DeleteDraftForm, DraftInvoiceForm, IssueInvoiceForm, PaymentForm } from "@/components/staff/invoice-forms";
import { requireStaff } from "@/lib/auth/staff-session";
import { invoiceForStaff } from "@/lib/data/staff/invoices";
import { serverEnv } from "@/lib/env";
import { INVOICE_STANDING_LABELS, LINE_KIND_LABELS, PAYMENT_METHOD_LABELS } from "@/lib/sales/vocabulary";
import { staffNoticeText } from "@/lib/staff/notices";
import { roleAllows } from "@/lib/staff/roles";
import { galleryDay } from "@/lib/time/gallery-time";

export const metadata: Metadata = { title: "Invoice", robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function InvoicePage({ params, searchParams }: Props) {
  const staff = await requireStaff();
  const canEdit = roleAllows(staff.role, "staff");
  const { id } = await params;
  const notice = staffNoticeText("invoice", (await searchParams).notice);
  const invoice = await invoiceForStaff(staff, id);
  if (!invoice) notFound();
  const extra = (kind: "framing" | "delivery" | "discount") => {
    const line = invoice.lines.find((entry) => entry.kind === kind);
    return { amount: line ? (Math.abs(line.amountMinor) / 100).toFixed(2) : "", text: line?.description ?? "" };
  };
  const title =
    invoice.kind === "credit_note" ? `Credit note ${invoice.number}` : invoice.number ? `Invoice ${invoice.number}` : "Draft invoice";
  return (
    <>
      <p className="font-sans text-sm">
        <Link href="/staff/invoices">← Invoices</Link>
        {invoice.reference && (
          <>
            {" "}
            · <Link href={`/staff/enquiries/${invoice.reference}`}>Enquiry {invoice.reference}</Link>
          </>
        )}
      </p>
      <p role="status" aria-live="polite" className={notice ? "mt-4 border-l-4 border-ok bg-white p-3 font-sans" : "sr-only"}>
        {notice}
      </p>
      <h1 className="mt-4 text-3xl font-semibold">{title}</h1>
      <p className="mt-1 font-sans text-ink-soft" data-testid="invoice-standing">
        {INVOICE_STANDING_LABELS[invoice.standing]}
        {invoice.issuedAt && <> · issued {invoice.issuedAt}</>}
        {invoice.dueAt && <> · due {invoice.dueAt}</>}
        {invoice.cancels && (
          <>
            {" "}
            · cancels <Link href={`/staff/invoices/${invoice.cancels.id}`}>{invoice.cancels.number}</Link>
          </>
        )}
        {invoice.creditNote && (
          <>
            {" "}
            · cancelled by <Link href={`/staff/invoices/${invoice.creditNote.id}`}>{invoice.creditNote.number}</Link>
          </>
        )}
      </p>
      <div className="mt-6 max-w-3xl space-y-10">
        <section aria-labelledby="lines-heading">
          <h2 id="lines-heading" className="text-2xl font-semibold">
            {invoice.buyerName}
          </h2>
          <p className="mt-1 font-sans text-sm whitespace-pre-line">
            {invoice.buyerAddress || "No postal address yet."}
            {"\n"}
            {invoice.buyerEmail}
          </p>
          <table className="mt-4 w-full border-collapse font-sans text-sm">
            <caption className="sr-only">Lines</caption>
            <thead>
              <tr className="border-b border-rule text-left">
                <th scope="col" className="py-2 pr-4">
                  What
                </th>
                <th scope="col" className="py-2 pr-4">
                  Description
                </th>
                <th scope="col" className="py-2 text-right">
                  Amount
                </th>
              </tr>
            </thead>
            <tbody>
              {invoice.lines.map((line) => (
                <tr key={line.id} className="border-b border-rule" data-testid="invoice-line">
                  <td className="py-2 pr-4">{LINE_KIND_LABELS[line.kind]}</td>
                  <td className="py-2 pr-4">{line.description}</td>
                  <td className="py-2 text-right">{line.amount}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2} className="py-2 pr-4 text-left">
                  Subtotal
                </th>
                <td className="py-2 text-right">{invoice.subtotal}</td>
              </tr>
              {invoice.tax && (
                <tr>
                  <th scope="row" colSpan={2} className="py-2 pr-4 text-left">
                    VAT
                  </th>
                  <td className="py-2 text-right">{invoice.tax}</td>
                </tr>
              )}
              <tr>
                <th scope="row" colSpan={2} className="py-2 pr-4 text-left">
                  Total
                </th>
                <td className="py-2 text-right font-semibold" data-testid="invoice-total">
                  {invoice.total}
                </td>
              </tr>
            </tfoot>
          </table>
          <p className="mt-2 font-sans text-sm text-ink-soft">{invoice.taxWords}</p>
          {invoice.hasPdf && (
            <p className="mt-3 font-sans">
              <a href={`/staff/invoices/${invoice.id}/pdf`} download>
                Download the PDF
              </a>
            </p>
          )}
        </section>

        {invoice.status === "draft" && (
          <EditorOnly canEdit={canEdit} instead={<p className="font-sans">A draft: staff add the address and issue it.</p>}>
            <section aria-labelledby="draft-heading" className="space-y-4">
              <h2 id="draft-heading" className="text-2xl font-semibold">
                Before it is issued
              </h2>
              <DraftInvoiceForm
                id={invoice.id}
                buyer={{ name: invoice.buyerName, email: invoice.buyerEmail, address: invoice.buyerAddress }}
                extras={{ framing: extra("framing"), delivery: extra("delivery"), discount: extra("discount") }}
              />
              <div className="flex flex-wrap gap-3">
                <IssueInvoiceForm id={invoice.id} />
                <DeleteDraftForm id={invoice.id} />
              </div>
            </section>
          </EditorOnly>
        )}

        {invoice.kind === "invoice" && invoice.status !== "draft" && (
          <section aria-labelledby="payments-heading">
            <h2 id="payments-heading" className="text-2xl font-semibold">
              Payments
            </h2>
            {invoice.payments.length === 0 ? (
              <p className="mt-2 font-sans text-sm">None recorded yet.</p>
            ) : (
              <ul className="mt-2 space-y-1 font-sans text-sm">
                {invoice.payments.map((payment) => (
                  <li key={payment.id} data-testid="payment">
                    {payment.amount} on {payment.receivedOn}, {PAYMENT_METHOD_LABELS[payment.method]}
                    {payment.reference && <> ({payment.reference})</>}, recorded by {payment.recordedBy}
                  </li>
                ))}
              </ul>
            )}
            <p className="mt-2 font-sans" data-testid="outstanding">
              Outstanding: {invoice.outstanding}
            </p>
            {canEdit && invoice.status === "issued" && invoice.outstandingMinor > 0 && (
              <div className="mt-4">
                <PaymentForm
                  invoiceId={invoice.id}
                  outstanding={invoice.outstanding}
                  today={galleryDay(new Date(), serverEnv().GALLERY_TIME_ZONE)}
                  formKey={randomBytes(18).toString("base64url")}
                />
              </div>
            )}
            {roleAllows(staff.role, "owner") && invoice.status === "issued" && invoice.number && (
              <div className="mt-6">
                <CancelInvoiceForm id={invoice.id} number={invoice.number} />
                <p className="mt-1 font-sans text-sm text-ink-soft">Owners only. The buyer is sent the credit note.</p>
              </div>
            )}
          </section>
        )}
      </div>
    </>
  );
}
