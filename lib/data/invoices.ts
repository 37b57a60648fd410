import "server-only";
import { artistWithDates, mediumLine, workLabel } from "@/lib/catalogue/describe";
import type { CatalogueChange } from "@/lib/catalogue/catalogue-change";
import { formatBothUnits } from "@/lib/catalogue/sizes";
import { DIMENSION_KIND_LABELS } from "@/lib/catalogue/vocabulary";
import { db } from "@/lib/db/client";
import { recordActivity, type Actor } from "@/lib/data/activity";
import { changeAround, mergeChanges } from "@/lib/data/catalogue-changes";
import { categoryFrom, dimensionKindFrom, invoiceKindFrom, taxModeFrom, unitFrom } from "@/lib/data/database-values";
import { endHoldInTransaction } from "@/lib/data/holds";
import { queueEmail } from "@/lib/data/outbox";
import { readSaleSettings, type SaleSettings } from "@/lib/data/sale-settings";
import { invoiceEmail } from "@/lib/emails/sale-emails";
import { isUniqueViolation } from "@/lib/data/database-errors";
import { serverEnv } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { invoiceMoney, invoiceNumber, invoiceSeries, invoiceTotals, invoiceWorkDescription, signedAmount } from "@/lib/sales/invoices";
import { renderInvoicePdf } from "@/lib/sales/invoice-pdf";
import type { LineKind } from "@/lib/sales/vocabulary";
import { objectStore } from "@/lib/storage";
import { takeWriteLock } from "@/lib/data/write-lock";
import { galleryDate, galleryDay } from "@/lib/time/gallery-time";

/**
 * Invoices, in the order a sale meets them: a draft (from an accepted offer, a hold, or by hand), issued
 * with the next number of the gallery's sequence and its PDF, emailed with the PDF attached; cancelled
 * only by a credit note with a number of its own; paid by payments that add up. The number, the PDF,
 * the email and the invoice's change of state are one transaction: a number is never given to an
 * invoice that was not issued, so the sequence has no gaps, and two processes issuing at once get two
 * consecutive numbers (the counter's row is written first, which takes SQLite's write lock).
 */

export class SaleRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SaleRefusal";
  }
}

type Tx = Prisma.TransactionClient;

/** What an invoice prints for a work, read from the catalogue as it is now. */
export async function workLineDescription(tx: Tx, artworkId: string): Promise<string> {
  const work = await tx.artwork.findUniqueOrThrow({
    where: { id: artworkId },
    include: { section: { include: { exhibition: { include: { artist: true } } } }, dimensions: { orderBy: { position: "asc" } } },
  });
  const artist = work.section.exhibition.artist;
  const [first] = work.dimensions;
  return invoiceWorkDescription({
    catalogueNumber: work.catalogueNumber,
    title: work.title,
    artist: artistWithDates({
      name: artist.name,
      birthYear: artist.birthDate?.getUTCFullYear() ?? null,
      deathYear: artist.deathDate?.getUTCFullYear() ?? null,
    }),
    medium: mediumLine({ category: categoryFrom(work.category), technique: work.technique }),
    year: work.year,
    size:
      work.sizeAsWritten ??
      (first ? `${DIMENSION_KIND_LABELS[dimensionKindFrom(first.kind)]} ${formatBothUnits({ height: first.height, width: first.width, depth: first.depth, unit: unitFrom(first.unit) })}` : null),
  });
}

export type DraftLine = { kind: LineKind; artworkId?: string | null; description?: string; amountMinor: number };

/**
 * A draft invoice, written inside the caller's transaction. Each work goes on at most one live invoice:
 * the database refuses a second (a partial unique index), and the refusal names the invoice it is on.
 */
export async function createDraftInvoiceInTransaction(
  tx: Tx,
  input: {
    buyerName: string;
    buyerEmail: string;
    buyerAddress?: string;
    currency: string;
    enquiryId?: number | null;
    offerId?: string | null;
    lines: DraftLine[];
    createdBy: Actor;
    settings: SaleSettings;
  },
): Promise<string> {
  const lines = await Promise.all(
    input.lines.map(async (line, position) => ({
      position,
      kind: line.kind,
      artworkId: line.artworkId ?? null,
      liveArtworkId: line.kind === "work" ? (line.artworkId ?? null) : null,
      description: line.description ?? (line.artworkId ? await workLineDescription(tx, line.artworkId) : ""),
      amountMinor: signedAmount(line),
    })),
  );
  const totals = invoiceTotals(lines, input.settings.taxMode, input.settings.vatRateBasisPoints);
  try {
    const invoice = await tx.invoice.create({
      data: {
        buyerName: input.buyerName,
        buyerEmail: input.buyerEmail.toLowerCase(),
        buyerAddress: input.buyerAddress ?? "",
        currency: input.currency,
        enquiryId: input.enquiryId ?? null,
        offerId: input.offerId ?? null,
        taxMode: input.settings.taxMode,
        vatRateBasisPoints: input.settings.taxMode === "vat" ? input.settings.vatRateBasisPoints : 0,
        ...totals,
        bankDetails: input.settings.bankDetails,
        terms: input.settings.invoiceTerms,
        createdById: input.createdBy?.id ?? null,
        lines: { create: lines },
      },
      select: { id: true },
    });
    return invoice.id;
  } catch (error) {
    // The only unique key a new draft can meet is one live invoice per work.
    if (!isUniqueViolation(error)) throw error;
    throw new SaleRefusal(await alreadyInvoicedSentence(tx, lines.flatMap((line) => (line.liveArtworkId ? [line.liveArtworkId] : []))));
  }
}

/** A draft in a transaction of its own (several works at once, from the command line or a benchmark). */
export async function createDraftInvoice(input: Omit<Parameters<typeof createDraftInvoiceInTransaction>[1], "settings">): Promise<string> {
  const settings = await readSaleSettings();
  return db.$transaction(async (tx) => {
    await takeWriteLock(tx);
    return createDraftInvoiceInTransaction(tx, { ...input, settings });
  });
}

async function alreadyInvoicedSentence(tx: Tx, artworkIds: string[]): Promise<string> {
  const taken = await tx.invoiceLine.findFirst({
    where: { liveArtworkId: { in: artworkIds } },
    include: { invoice: { select: { number: true, status: true } }, artwork: { select: { catalogueNumber: true, title: true } } },
  });
  if (!taken) return "A work on this invoice is on another invoice already.";
  const where = taken.invoice.number ? `invoice ${taken.invoice.number}` : "a draft invoice";
  const work = taken.artwork ? workLabel(taken.artwork) : "A work";
  return `${work} is on ${where} already. Cancel that one (or delete the draft) before invoicing it again.`;
}

function gallery() {
  const env = serverEnv();
  return { name: env.GALLERY_NAME, siteUrl: env.SITE_URL, address: env.GALLERY_ADDRESS, email: env.GALLERY_EMAIL };
}

/** Gives the invoice (or credit note) its number, makes and stores its PDF and queues it to the buyer: all or nothing. */
async function numberAndSendInTransaction(tx: Tx, invoiceId: string, actor: Actor, now: Date, settings: SaleSettings): Promise<string> {
  await takeWriteLock(tx);
  const draft = await tx.invoice.findUniqueOrThrow({
    where: { id: invoiceId },
    include: { lines: { orderBy: { position: "asc" } }, creditsInvoice: { select: { number: true } } },
  });
  const kind = invoiceKindFrom(draft.kind);
  const series = invoiceSeries(settings.invoicePrefix, kind, Number(galleryDay(now, serverEnv().GALLERY_TIME_ZONE).slice(0, 4)));
  const [counter] = await tx.$queryRaw<Array<{ last: number | bigint }>>`
    INSERT INTO "InvoiceCounter" ("series", "last") VALUES (${series}, 1)
    ON CONFLICT ("series") DO UPDATE SET "last" = "last" + 1 RETURNING "last"`;
  const number = invoiceNumber(series, Number(counter!.last));
  const dueAt = kind === "invoice" ? new Date(now.getTime() + settings.paymentDays * 86_400_000) : null;
  const pdf = await renderInvoicePdf({
    kind,
    number,
    cancels: draft.creditsInvoice?.number ?? null,
    issuedOn: galleryDate(now.toISOString()),
    dueOn: dueAt ? galleryDate(dueAt.toISOString()) : null,
    gallery: gallery(),
    buyer: { name: draft.buyerName, address: draft.buyerAddress, email: draft.buyerEmail },
    lines: draft.lines.map((line) => ({ description: `${line.description}`, amountMinor: line.amountMinor })),
    currency: draft.currency,
    subtotalMinor: draft.subtotalMinor,
    taxMinor: draft.taxMinor,
    totalMinor: draft.totalMinor,
    taxMode: taxModeFrom(draft.taxMode),
    vatRateBasisPoints: draft.vatRateBasisPoints,
    bankDetails: draft.bankDetails,
    terms: draft.terms,
  });
  const key = `invoices/${number.toLowerCase()}.pdf`;
  await objectStore().put(key, pdf, "application/pdf");
  const { count } = await tx.invoice.updateMany({
    where: { id: invoiceId, status: "draft" },
    data: { number, status: "issued", issuedAt: now, dueAt, pdfStorageKey: key },
  });
  if (count === 0) throw new SaleRefusal("This invoice was issued already (perhaps from another window); nothing was changed.");
  const env = serverEnv();
  const total = invoiceMoney(draft.totalMinor, draft.currency);
  await queueEmail(
    {
      kind: "invoice",
      to: draft.buyerEmail,
      from: env.MAIL_FROM,
      replyTo: env.GALLERY_EMAIL,
      ...invoiceEmail(
        { name: env.GALLERY_NAME, siteUrl: env.SITE_URL },
        {
          buyerName: draft.buyerName,
          number,
          total,
          dueOn: dueAt ? galleryDate(dueAt.toISOString()) : null,
          cancels: kind === "credit_note" ? (draft.creditsInvoice?.number ?? "") : null,
        },
      ),
      enquiryId: draft.enquiryId ?? undefined,
      sentById: actor?.id ?? undefined,
      attachment: { key, name: `${number}.pdf` },
    },
    tx,
  );
  await recordActivity(tx, {
    actor,
    action: kind === "credit_note" ? "issued a credit note" : "issued an invoice",
    subjectType: "invoice",
    subjectId: invoiceId,
    subjectLabel: number,
    detail: `${total}${draft.creditsInvoice?.number ? `, cancelling ${draft.creditsInvoice.number}` : ""}`,
    at: now,
  });
  if (draft.enquiryId !== null) {
    const enquiry = await tx.enquiry.findUnique({ where: { id: draft.enquiryId }, select: { reference: true } });
    if (enquiry)
      await recordActivity(tx, {
        actor,
        action: kind === "credit_note" ? "issued a credit note" : "issued an invoice",
        subjectType: "enquiry",
        subjectId: enquiry.reference,
        subjectLabel: enquiry.reference,
        detail: number,
        at: now,
      });
  }
  return number;
}

/** Issues a draft: its number, PDF and email. Returns the number. */
export async function issueInvoice(invoiceId: string, actor: Actor, now = new Date()): Promise<string> {
  const settings = await readSaleSettings();
  return db.$transaction((tx) => numberAndSendInTransaction(tx, invoiceId, actor, now, settings), { timeout: 20_000 });
}

/**
 * Cancels an issued invoice with a credit note of its own number (sent to the buyer), and frees its
 * works for another invoice. An invoice with payments against it is not cancelled here.
 */
export async function cancelInvoiceWithCreditNote(invoiceId: string, actor: Actor, now = new Date()): Promise<{ creditNote: string }> {
  const settings = await readSaleSettings();
  return db.$transaction(
    async (tx) => {
      const { count } = await tx.invoice.updateMany({ where: { id: invoiceId, status: "issued", kind: "invoice" }, data: { status: "cancelled", cancelledAt: now } });
      if (count === 0) throw new SaleRefusal("Only an issued invoice can be cancelled (this one is a draft, a credit note, or cancelled already).");
      const invoice = await tx.invoice.findUniqueOrThrow({ where: { id: invoiceId }, include: { lines: { orderBy: { position: "asc" } }, payments: true } });
      const paid = invoice.payments.reduce((sum, payment) => sum + payment.amountMinor, 0);
      if (paid > 0)
        throw new SaleRefusal(
          `Payments are recorded against ${invoice.number}: a paid invoice is corrected with the gallery's accountant, not cancelled here.`,
        );
      await tx.invoiceLine.updateMany({ where: { invoiceId }, data: { liveArtworkId: null } });
      const creditNote = await tx.invoice.create({
        data: {
          kind: "credit_note",
          creditsInvoiceId: invoiceId,
          enquiryId: invoice.enquiryId,
          buyerName: invoice.buyerName,
          buyerEmail: invoice.buyerEmail,
          buyerAddress: invoice.buyerAddress,
          currency: invoice.currency,
          taxMode: invoice.taxMode,
          vatRateBasisPoints: invoice.vatRateBasisPoints,
          subtotalMinor: invoice.subtotalMinor,
          taxMinor: invoice.taxMinor,
          totalMinor: invoice.totalMinor,
          terms: "",
          createdById: actor?.id ?? null,
          lines: {
            create: invoice.lines.map((line) => ({
              position: line.position,
              kind: line.kind,
              artworkId: line.artworkId,
              description: line.description,
              amountMinor: line.amountMinor,
            })),
          },
        },
        select: { id: true },
      });
      return { creditNote: await numberAndSendInTransaction(tx, creditNote.id, actor, now, settings) };
    },
    { timeout: 20_000 },
  );
}

export type PaymentInput = {
  invoiceId: string;
  receivedOn: Date;
  amountMinor: number;
  method: string;
  reference: string;
  idempotencyKey: string;
  provider?: string;
  externalId?: string | null;
};

export type PaymentOutcome = { recorded: boolean; paidInFull: boolean; outstandingMinor: number; change: CatalogueChange | null };

/**
 * Records money received. The same submission twice (its idempotency key) is recorded once; a payment
 * above what is owed is refused with the amount outstanding. Paid in full, each work on the invoice is
 * Sold on every page, its hold ends (as sold: nobody waiting is told it is available), and the other
 * open offers on it are declined for staff to answer with the saved "sold" reply.
 */
export async function recordPayment(input: PaymentInput, actor: Actor, now = new Date()): Promise<PaymentOutcome> {
  const outcome = await db.$transaction(async (tx) => {
    await takeWriteLock(tx);
    const existing = await tx.payment.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
    if (existing) return { recorded: false, artworkIds: [] as string[], paidInFull: false, outstandingMinor: 0 };
    const created = await tx.payment.create({
      data: {
        invoiceId: input.invoiceId,
        receivedOn: input.receivedOn,
        amountMinor: input.amountMinor,
        method: input.method,
        reference: input.reference,
        provider: input.provider ?? "manual",
        externalId: input.externalId ?? null,
        idempotencyKey: input.idempotencyKey,
        recordedById: actor?.id ?? null,
      },
    });
    const invoice = await tx.invoice.findUniqueOrThrow({ where: { id: input.invoiceId }, include: { payments: true, lines: true } });
    if (invoice.kind !== "invoice" || invoice.status !== "issued")
      throw new SaleRefusal("Payments are recorded against an issued invoice only (not a draft, a credit note or a cancelled invoice).");
    const paid = invoice.payments.reduce((sum, payment) => sum + payment.amountMinor, 0);
    const before = paid - created.amountMinor;
    if (paid > invoice.totalMinor)
      throw new SaleRefusal(
        `That is more than is owed: ${invoice.currency} ${((invoice.totalMinor - before) / 100).toFixed(2)} is outstanding on ${invoice.number}. Nothing was recorded.`,
      );
    await recordActivity(tx, {
      actor,
      action: "recorded a payment",
      subjectType: "invoice",
      subjectId: invoice.id,
      subjectLabel: invoice.number ?? invoice.id,
      detail: `${invoice.currency} ${(created.amountMinor / 100).toFixed(2)} by ${input.method}${paid === invoice.totalMinor ? ": paid in full" : ""}`,
      at: now,
    });
    const paidInFull = paid === invoice.totalMinor && before < invoice.totalMinor;
    const artworkIds = invoice.lines.flatMap((line) => (line.kind === "work" && line.artworkId ? [line.artworkId] : []));
    if (paidInFull) {
      for (const artworkId of artworkIds) {
        await tx.artwork.update({ where: { id: artworkId }, data: { availability: "sold" } });
        const open = await tx.workHold.findFirst({ where: { artworkId, endedAt: null } });
        if (open) await endHoldInTransaction(tx, open, "sold", actor, now);
        const others = await tx.offer.findMany({
          where: { artworkId, status: { in: ["open", "countered"] }, NOT: { id: invoice.offerId ?? "" } },
          select: { id: true, enquiry: { select: { reference: true } } },
        });
        for (const other of others) {
          await tx.offer.update({ where: { id: other.id }, data: { status: "declined", decidedAt: now } });
          await recordActivity(tx, {
            actor,
            action: "offer closed: the work is sold",
            subjectType: "enquiry",
            subjectId: other.enquiry.reference,
            subjectLabel: other.enquiry.reference,
            detail: "Answer it with the saved reply for a sold work.",
            at: now,
          });
        }
        const work = await tx.artwork.findUniqueOrThrow({ where: { id: artworkId }, select: { catalogueNumber: true, title: true } });
        await recordActivity(tx, {
          actor,
          action: "sold",
          subjectType: "artwork",
          subjectId: artworkId,
          subjectLabel: workLabel(work),
          field: "availability",
          newValue: "Sold",
          detail: `Paid in full: ${invoice.number}`,
          at: now,
        });
      }
    }
    return { recorded: true, artworkIds, paidInFull, outstandingMinor: invoice.totalMinor - paid };
  });
  const change =
    outcome.paidInFull && outcome.artworkIds.length > 0 ? mergeChanges(...(await Promise.all(outcome.artworkIds.map((id) => changeAround(id))))) : null;
  return { recorded: outcome.recorded, paidInFull: outcome.paidInFull, outstandingMinor: outcome.outstandingMinor, change };
}

