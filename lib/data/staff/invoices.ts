import "server-only";
import { workLabel } from "@/lib/catalogue/describe";
import type { CatalogueChange } from "@/lib/catalogue/catalogue-change";
import { db } from "@/lib/db/client";
import { recordActivity } from "@/lib/data/activity";
import { invoiceKindFrom, invoiceStatusFrom, lineKindFrom, paymentMethodFrom, taxModeFrom } from "@/lib/data/database-values";
import {
  cancelInvoiceWithCreditNote,
  createDraftInvoiceInTransaction,
  issueInvoice,
  recordPayment,
  SaleRefusal,
  type DraftLine,
  type PaymentInput,
} from "@/lib/data/invoices";
import { readSaleSettings } from "@/lib/data/sale-settings";
import { takeWriteLock } from "@/lib/data/write-lock";
import { invoiceMoney, invoiceStanding, invoiceTotals, signedAmount, taxWording } from "@/lib/sales/invoices";
import type { InvoiceKind, InvoiceStanding, LineKind, PaymentMethod } from "@/lib/sales/vocabulary";
import { objectStore } from "@/lib/storage";
import { requireRole, type StaffMember } from "@/lib/staff/roles";
import { staffTime } from "@/lib/time/gallery-time";

/**
 * The staff area's invoices: the list with how each stands, one invoice with its lines and payments,
 * a draft's buyer and extra lines, issuing, cancelling (owners only), payments, the PDF, and the CSV
 * for the accountant. Staff hold, offer, invoice and record payments; viewers read.
 */

export type InvoiceOutcome<T = undefined> = { ok: true; value: T } | { ok: false; message: string };

async function refusalsAsSentences<T>(work: () => Promise<T>): Promise<InvoiceOutcome<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof SaleRefusal) return { ok: false, message: error.message };
    throw error;
  }
}

const paidOf = (payments: Array<{ amountMinor: number }>) => payments.reduce((sum, payment) => sum + payment.amountMinor, 0);

export type InvoiceRow = {
  id: string;
  number: string | null;
  kind: InvoiceKind;
  standing: InvoiceStanding;
  buyerName: string;
  total: string;
  paid: string;
  issuedAt: string | null;
  dueAt: string | null;
  reference: string | null;
};

const ROW_INCLUDE = { payments: { select: { amountMinor: true } }, enquiry: { select: { reference: true } } } as const;

function row(
  invoice: {
    id: string;
    number: string | null;
    kind: string;
    status: string;
    buyerName: string;
    totalMinor: number;
    currency: string;
    issuedAt: Date | null;
    dueAt: Date | null;
    payments: Array<{ amountMinor: number }>;
    enquiry: { reference: string } | null;
  },
  now: Date,
): InvoiceRow {
  const kind = invoiceKindFrom(invoice.kind);
  const paid = paidOf(invoice.payments);
  return {
    id: invoice.id,
    number: invoice.number,
    kind,
    standing: invoiceStanding({ kind, status: invoiceStatusFrom(invoice.status), totalMinor: invoice.totalMinor, dueAt: invoice.dueAt }, paid, now),
    buyerName: invoice.buyerName,
    total: invoiceMoney(invoice.totalMinor, invoice.currency),
    paid: invoiceMoney(paid, invoice.currency),
    issuedAt: invoice.issuedAt ? staffTime(invoice.issuedAt.toISOString()) : null,
    dueAt: invoice.dueAt ? staffTime(invoice.dueAt.toISOString()) : null,
    reference: invoice.enquiry?.reference ?? null,
  };
}

/** Every invoice and credit note, newest first, of one standing or all. */
export async function listInvoices(staff: StaffMember, standing: InvoiceStanding | null, now = new Date()): Promise<InvoiceRow[]> {
  requireRole(staff);
  const invoices = await db.invoice.findMany({ orderBy: [{ issuedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }], take: 500, include: ROW_INCLUDE });
  const rows = invoices.map((invoice) => row(invoice, now));
  return standing ? rows.filter((entry) => entry.standing === standing) : rows;
}

export async function invoicesOfEnquiry(staff: StaffMember, reference: string, now = new Date()): Promise<InvoiceRow[]> {
  requireRole(staff);
  const invoices = await db.invoice.findMany({ where: { enquiry: { reference } }, orderBy: { createdAt: "asc" }, include: ROW_INCLUDE });
  return invoices.map((invoice) => row(invoice, now));
}

export type InvoiceDetail = InvoiceRow & {
  status: "draft" | "issued" | "cancelled";
  buyerEmail: string;
  buyerAddress: string;
  currency: string;
  lines: Array<{ id: string; kind: LineKind; description: string; amount: string; amountMinor: number }>;
  subtotal: string;
  tax: string | null;
  taxWords: string;
  outstandingMinor: number;
  outstanding: string;
  payments: Array<{ id: string; receivedOn: string; amount: string; method: PaymentMethod; reference: string; recordedBy: string }>;
  hasPdf: boolean;
  creditNote: { id: string; number: string | null } | null;
  cancels: { id: string; number: string | null } | null;
  bankDetails: string;
};

export async function invoiceForStaff(staff: StaffMember, id: string, now = new Date()): Promise<InvoiceDetail | null> {
  requireRole(staff);
  const invoice = await db.invoice.findUnique({
    where: { id },
    include: {
      ...ROW_INCLUDE,
      lines: { orderBy: { position: "asc" } },
      creditNote: { select: { id: true, number: true } },
      creditsInvoice: { select: { id: true, number: true } },
    },
  });
  if (!invoice) return null;
  const payments = await db.payment.findMany({ where: { invoiceId: id }, orderBy: { receivedOn: "asc" }, include: { recordedBy: { select: { name: true } } } });
  const paid = paidOf(payments);
  const money = (minor: number) => invoiceMoney(minor, invoice.currency);
  const taxMode = taxModeFrom(invoice.taxMode);
  return {
    ...row(invoice, now),
    status: invoiceStatusFrom(invoice.status),
    buyerEmail: invoice.buyerEmail,
    buyerAddress: invoice.buyerAddress,
    currency: invoice.currency,
    lines: invoice.lines.map((line) => ({
      id: line.id,
      kind: lineKindFrom(line.kind),
      description: line.description,
      amount: money(line.amountMinor),
      amountMinor: line.amountMinor,
    })),
    subtotal: money(invoice.subtotalMinor),
    tax: taxMode === "vat" ? money(invoice.taxMinor) : null,
    taxWords: taxWording(taxMode, invoice.vatRateBasisPoints),
    outstandingMinor: Math.max(0, invoice.totalMinor - paid),
    outstanding: money(Math.max(0, invoice.totalMinor - paid)),
    payments: payments.map((payment) => ({
      id: payment.id,
      receivedOn: staffTime(payment.receivedOn.toISOString()),
      amount: money(payment.amountMinor),
      method: paymentMethodFrom(payment.method),
      reference: payment.reference,
      recordedBy: payment.recordedBy?.name ?? "—",
    })),
    hasPdf: invoice.pdfStorageKey !== null,
    creditNote: invoice.creditNote,
    cancels: invoice.creditsInvoice,
    bankDetails: invoice.bankDetails,
  };
}

/** A draft invoice by hand, for a work: to the collector it is held for (if any), or to the buyer named. */
export async function startInvoiceForWork(
  staff: StaffMember,
  input: { artworkId: string; buyerName: string; buyerEmail: string },
): Promise<InvoiceOutcome<string>> {
  requireRole(staff, "staff");
  const work = await db.artwork.findUnique({ where: { id: input.artworkId }, select: { priceMinor: true, currency: true, availability: true, catalogueNumber: true, title: true } });
  if (!work) return { ok: false, message: "That work no longer exists; nothing was made." };
  if (work.priceMinor === null || !work.currency) return { ok: false, message: `${workLabel(work)} has no price: give it one before invoicing it.` };
  if (work.availability === "sold" || work.availability === "private_collection")
    return { ok: false, message: `${workLabel(work)} is not for sale (${work.availability === "sold" ? "sold" : "in a private collection"}).` };
  const hold = await db.workHold.findFirst({ where: { artworkId: input.artworkId, endedAt: null }, select: { enquiryId: true, collectorEmail: true } });
  const settings = await readSaleSettings();
  const { priceMinor, currency } = work;
  return refusalsAsSentences(() =>
    db.$transaction(async (tx) => {
      await takeWriteLock(tx);
      return createDraftInvoiceInTransaction(tx, {
        buyerName: input.buyerName,
        buyerEmail: input.buyerEmail,
        currency,
        enquiryId: hold && hold.collectorEmail === input.buyerEmail.toLowerCase() ? hold.enquiryId : null,
        lines: [{ kind: "work", artworkId: input.artworkId, amountMinor: priceMinor }],
        createdBy: staff,
        settings,
      });
    }),
  );
}

/** A draft's buyer and its extra lines (framing, delivery, a discount…), the works' lines as they are; totals made again. */
export async function updateDraftInvoice(
  staff: StaffMember,
  input: {
    id: string;
    buyerName: string;
    buyerEmail: string;
    buyerAddress: string;
    extraLines: Array<{ kind: Exclude<LineKind, "work">; description: string; amountMinor: number }>;
  },
): Promise<InvoiceOutcome> {
  requireRole(staff, "staff");
  const settings = await readSaleSettings();
  return refusalsAsSentences(() =>
    db.$transaction(async (tx) => {
      await takeWriteLock(tx);
      const draft = await tx.invoice.findUnique({ where: { id: input.id }, include: { lines: { orderBy: { position: "asc" } } } });
      if (!draft || draft.status !== "draft") throw new SaleRefusal("Only a draft can be changed: an issued invoice is cancelled with a credit note instead.");
      const works = draft.lines.filter((line) => line.kind === "work");
      await tx.invoiceLine.deleteMany({ where: { invoiceId: draft.id, kind: { not: "work" } } });
      const extras: DraftLine[] = input.extraLines.filter((line) => line.amountMinor !== 0);
      let position = works.length === 0 ? 0 : Math.max(...works.map((line) => line.position)) + 1;
      for (const line of extras)
        await tx.invoiceLine.create({
          data: { invoiceId: draft.id, position: position++, kind: line.kind, description: line.description ?? "", amountMinor: signedAmount(line) },
        });
      const lines = await tx.invoiceLine.findMany({ where: { invoiceId: draft.id } });
      const totals = invoiceTotals(
        lines.map((line) => ({ kind: lineKindFrom(line.kind), amountMinor: line.amountMinor })),
        settings.taxMode,
        settings.vatRateBasisPoints,
      );
      await tx.invoice.update({
        where: { id: draft.id },
        data: {
          buyerName: input.buyerName,
          buyerEmail: input.buyerEmail.toLowerCase(),
          buyerAddress: input.buyerAddress,
          taxMode: settings.taxMode,
          vatRateBasisPoints: settings.taxMode === "vat" ? settings.vatRateBasisPoints : 0,
          bankDetails: settings.bankDetails,
          terms: settings.invoiceTerms,
          ...totals,
        },
      });
      return undefined;
    }),
  );
}

export async function deleteDraftInvoice(staff: StaffMember, id: string): Promise<InvoiceOutcome> {
  requireRole(staff, "staff");
  const deleted = await db.$transaction(async (tx) => {
    const { count } = await tx.invoice.deleteMany({ where: { id, status: "draft" } });
    if (count === 1)
      await recordActivity(tx, { actor: staff, action: "deleted a draft invoice", subjectType: "invoice", subjectId: id, subjectLabel: "Draft invoice" });
    return count === 1;
  });
  return deleted ? { ok: true, value: undefined } : { ok: false, message: "Only a draft can be deleted; nothing was changed." };
}

export async function issueDraftInvoice(staff: StaffMember, id: string): Promise<InvoiceOutcome<string>> {
  requireRole(staff, "staff");
  const draft = await db.invoice.findUnique({ where: { id }, select: { buyerAddress: true, totalMinor: true, status: true } });
  if (!draft) return { ok: false, message: "That invoice no longer exists." };
  if (draft.status === "draft" && draft.buyerAddress.trim() === "")
    return { ok: false, message: "Add the buyer's postal address before issuing: an invoice names where the buyer lives." };
  if (draft.status === "draft" && draft.totalMinor <= 0) return { ok: false, message: "The invoice's total must be above nothing before it is issued." };
  return refusalsAsSentences(() => issueInvoice(id, staff));
}

export async function cancelIssuedInvoice(staff: StaffMember, id: string): Promise<InvoiceOutcome<string>> {
  requireRole(staff, "owner");
  return refusalsAsSentences(async () => (await cancelInvoiceWithCreditNote(id, staff)).creditNote);
}

export async function recordInvoicePayment(
  staff: StaffMember,
  input: PaymentInput,
): Promise<InvoiceOutcome<{ paidInFull: boolean; recorded: boolean; change: CatalogueChange | null }>> {
  requireRole(staff, "staff");
  return refusalsAsSentences(async () => {
    const outcome = await recordPayment(input, staff);
    return { paidInFull: outcome.paidInFull, recorded: outcome.recorded, change: outcome.change };
  });
}

/** The PDF as stored when the invoice was issued (never made again: what the buyer was sent). */
export async function invoicePdfForStaff(staff: StaffMember, id: string): Promise<{ body: Buffer; fileName: string } | null> {
  requireRole(staff);
  const invoice = await db.invoice.findUnique({ where: { id }, select: { pdfStorageKey: true, number: true } });
  if (!invoice?.pdfStorageKey || !invoice.number) return null;
  const stored = await objectStore().get(invoice.pdfStorageKey);
  return stored ? { body: stored.body, fileName: `${invoice.number}.pdf` } : null;
}

/**
 * Xero's sales-invoice import (its CSV template: one row per line, the contact and invoice fields
 * repeated): what most UK galleries' accountants load. Credit notes are rows with a quantity of -1.
 */
export async function invoicesForAccountant(staff: StaffMember): Promise<string[][]> {
  requireRole(staff);
  const invoices = await db.invoice.findMany({
    where: { status: { not: "draft" } },
    orderBy: { issuedAt: "asc" },
    include: { lines: { orderBy: { position: "asc" } } },
  });
  const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");
  const header = [
    "*ContactName",
    "EmailAddress",
    "POAddressLine1",
    "*InvoiceNumber",
    "Reference",
    "*InvoiceDate",
    "*DueDate",
    "*Description",
    "*Quantity",
    "*UnitAmount",
    "*AccountCode",
    "*TaxType",
    "Currency",
  ];
  const rows = invoices.flatMap((invoice) => {
    const taxMode = taxModeFrom(invoice.taxMode);
    const taxType = taxMode === "vat" ? `${invoice.vatRateBasisPoints / 100}% (VAT on Income)` : taxMode === "margin" ? "Margin Scheme" : "No VAT";
    return invoice.lines.map((line) => [
      invoice.buyerName,
      invoice.buyerEmail,
      invoice.buyerAddress.replace(/\s*\n\s*/g, ", "),
      invoice.number ?? "",
      invoice.kind === "credit_note" ? "Credit note" : "",
      day(invoice.issuedAt),
      day(invoice.dueAt ?? invoice.issuedAt),
      line.description,
      invoice.kind === "credit_note" ? "-1" : "1",
      (line.amountMinor / 100).toFixed(2),
      "200",
      taxType,
      invoice.currency,
    ]);
  });
  return [header, ...rows];
}
