/** Invoices: numbers, totals, tax wording, and how one stands once payments and its due date are read in. */
import type { InvoiceKind, InvoiceStanding, InvoiceStatus, LineKind, TaxMode } from "@/lib/sales/vocabulary";

/** "BFA-2026-0001"; a credit note's series is its own ("BFA-CN-2026-0001"). */
export function invoiceSeries(prefix: string, kind: InvoiceKind, year: number): string {
  return kind === "credit_note" ? `${prefix}-CN-${year}` : `${prefix}-${year}`;
}

export function invoiceNumber(series: string, sequence: number): string {
  return `${series}-${String(sequence).padStart(4, "0")}`;
}

export type InvoiceLineInput = { kind: LineKind; amountMinor: number };

/** A discount is a deduction whatever sign it was typed with. */
export function signedAmount(line: InvoiceLineInput): number {
  return line.kind === "discount" ? -Math.abs(line.amountMinor) : line.amountMinor;
}

export type InvoiceTotals = { subtotalMinor: number; taxMinor: number; totalMinor: number };

/**
 * VAT is added on the subtotal at the rate (basis points: 2000 = 20 %), rounded to the penny. Under
 * the margin scheme no VAT is shown (the gallery accounts for it on its margin, which the buyer is not
 * told), and with none there is no tax.
 */
export function invoiceTotals(lines: InvoiceLineInput[], taxMode: TaxMode, vatRateBasisPoints: number): InvoiceTotals {
  const subtotalMinor = lines.reduce((sum, line) => sum + signedAmount(line), 0);
  const taxMinor = taxMode === "vat" ? Math.round((subtotalMinor * vatRateBasisPoints) / 10_000) : 0;
  return { subtotalMinor, taxMinor, totalMinor: subtotalMinor + taxMinor };
}

/** The sentence about tax an invoice carries. */
export function taxWording(taxMode: TaxMode, vatRateBasisPoints: number): string {
  switch (taxMode) {
    case "vat":
      return `VAT at ${vatRateBasisPoints / 100} % is added to the subtotal.`;
    case "margin":
      return "Sold under the VAT margin scheme for works of art: no VAT is shown on this invoice, and none can be reclaimed on it.";
    case "none":
      return "No VAT is charged.";
  }
}

/** Draft, issued, part paid, paid, overdue, cancelled, or a credit note. */
export function invoiceStanding(
  invoice: { kind: InvoiceKind; status: InvoiceStatus; totalMinor: number; dueAt: Date | null },
  paidMinor: number,
  now: Date,
): InvoiceStanding {
  if (invoice.kind === "credit_note") return "credit_note";
  if (invoice.status === "draft") return "draft";
  if (invoice.status === "cancelled") return "cancelled";
  if (paidMinor >= invoice.totalMinor) return "paid";
  if (invoice.dueAt && invoice.dueAt.getTime() < now.getTime()) return "overdue";
  return paidMinor > 0 ? "part_paid" : "issued";
}

/**
 * A work as an invoice prints it: catalogue number and title, artist with dates, medium, year and the
 * size as the gallery wrote it (or as measured, where nothing was written).
 */
export function invoiceWorkDescription(work: {
  catalogueNumber: string;
  title: string;
  artist: string;
  medium: string;
  year: number | null;
  size: string | null;
}): string {
  return [`${work.catalogueNumber} ${work.title}`.trim(), work.artist, work.medium, work.year ? String(work.year) : null, work.size]
    .filter((part): part is string => Boolean(part))
    .join(" — ");
}

/** Money as an invoice prints it: always with its pence ("£3,500.00"). */
export function invoiceMoney(amountMinor: number, currency: string): string {
  return new Intl.NumberFormat("en-GB", { style: "currency", currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    amountMinor / 100,
  );
}
