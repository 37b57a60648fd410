/**
 * An invoice or credit note as a PDF (pdfkit: maintained, pure JavaScript, its standard fonts built in,
 * so nothing is fetched and no browser is started to print one). One A4 page for a usual sale; the
 * lines flow onto more where there are many. Text is laid out in reading order, so a person's PDF
 * reader (and `pdftotext` in the tests) reads it top to bottom as printed.
 */
import PDFDocument from "pdfkit";
import { invoiceMoney, taxWording } from "@/lib/sales/invoices";
import type { InvoiceKind, TaxMode } from "@/lib/sales/vocabulary";

export type InvoiceDocument = {
  kind: InvoiceKind;
  number: string;
  /** For a credit note: the invoice it cancels. */
  cancels?: string | null;
  issuedOn: string;
  dueOn: string | null;
  gallery: { name: string; address: string; email: string; siteUrl: string };
  buyer: { name: string; address: string; email: string };
  lines: Array<{ description: string; amountMinor: number }>;
  currency: string;
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
  taxMode: TaxMode;
  vatRateBasisPoints: number;
  bankDetails: string;
  terms: string;
};

const MARGIN = 56;
const INK = "#1d1c1a";
const SOFT = "#55514a";

export function renderInvoicePdf(invoice: InvoiceDocument): Promise<Buffer> {
  const money = (minor: number) => invoiceMoney(minor, invoice.currency);
  const title = invoice.kind === "credit_note" ? "Credit note" : "Invoice";
  const document = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    info: { Title: `${title} ${invoice.number}`, Author: invoice.gallery.name, Subject: `${title} ${invoice.number}` },
  });
  const chunks: Buffer[] = [];
  document.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    document.on("end", () => resolve(Buffer.concat(chunks)));
    document.on("error", reject);
  });

  const width = document.page.width - MARGIN * 2;
  const amountWidth = 110;

  document.fillColor(INK).font("Helvetica-Bold").fontSize(18).text(invoice.gallery.name);
  document.font("Helvetica").fontSize(9).fillColor(SOFT);
  for (const line of [...invoice.gallery.address.split(/,\s*|\n/).filter(Boolean), invoice.gallery.email, invoice.gallery.siteUrl])
    document.text(line);
  document.moveDown(1.5);

  document.fillColor(INK).font("Helvetica-Bold").fontSize(16).text(`${title} ${invoice.number}`);
  document.font("Helvetica").fontSize(10);
  document.text(`Date of issue: ${invoice.issuedOn}`);
  if (invoice.dueOn) document.text(`Payment due by: ${invoice.dueOn}`);
  if (invoice.cancels) document.text(`This credit note cancels invoice ${invoice.cancels} in full.`);
  document.moveDown();

  document.font("Helvetica-Bold").text("Bill to");
  document.font("Helvetica");
  for (const line of [invoice.buyer.name, ...invoice.buyer.address.split(/\r?\n/).filter(Boolean), invoice.buyer.email])
    document.text(line);
  document.moveDown(1.5);

  const row = (description: string, amount: string, bold = false) => {
    document.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(10);
    const top = document.y;
    document.text(description, MARGIN, top, { width: width - amountWidth - 12 });
    const bottom = document.y;
    document.text(amount, MARGIN + width - amountWidth, top, { width: amountWidth, align: "right" });
    document.y = Math.max(bottom, document.y) + 6;
    document.x = MARGIN;
  };
  const rule = () => {
    document
      .moveTo(MARGIN, document.y)
      .lineTo(MARGIN + width, document.y)
      .strokeColor("#d9d3c7")
      .stroke();
    document.y += 6;
  };

  row("Description", `Amount (${invoice.currency})`, true);
  rule();
  for (const line of invoice.lines) row(line.description, money(line.amountMinor));
  rule();
  row("Subtotal", money(invoice.subtotalMinor));
  if (invoice.taxMode === "vat") row(`VAT at ${invoice.vatRateBasisPoints / 100} %`, money(invoice.taxMinor));
  row(invoice.kind === "credit_note" ? "Total credited" : "Total due", money(invoice.totalMinor), true);
  document.moveDown();
  document.font("Helvetica").fontSize(9).fillColor(SOFT).text(taxWording(invoice.taxMode, invoice.vatRateBasisPoints), { width });
  document.moveDown(1.5);

  if (invoice.kind === "invoice") {
    document.fillColor(INK).font("Helvetica-Bold").fontSize(10).text("How to pay");
    document
      .font("Helvetica")
      .text(invoice.bankDetails || `Please ask ${invoice.gallery.email} for the gallery's bank details.`, { width });
    document.text(`Please quote ${invoice.number} as the payment's reference.`, { width });
    document.moveDown();
  }
  if (invoice.terms) {
    document.fillColor(INK).font("Helvetica-Bold").fontSize(10).text("Terms");
    document.font("Helvetica").fontSize(9).fillColor(SOFT).text(invoice.terms, { width });
  }
  document.end();
  return finished;
}
