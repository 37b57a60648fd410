/** The invoice forms: a draft's buyer and lines, issuing and cancelling, a payment, starting one by hand, the list's filter. */
import { z } from "zod";
import { INVOICE_STANDINGS, PAYMENT_METHODS } from "@/lib/sales/vocabulary";
import { amountFromInput } from "@/lib/sales/offers";

const id = z.string().min(1).max(64);

/** An amount as staff type it ("350", "1,200.50"), in minor units; empty is none. */
const optionalAmount = z
  .string()
  .trim()
  .max(20)
  .refine((value) => value === "" || amountFromInput(value) !== null, "Please give an amount such as 120 or 1,200.50")
  .transform((value) => (value === "" ? 0 : amountFromInput(value)!));

const requiredAmount = z
  .string()
  .trim()
  .min(1, "Please give the amount, such as 1,200.50")
  .max(20)
  .refine(
    (value) => amountFromInput(value) !== null && amountFromInput(value)! > 0,
    "Please give an amount above nothing, such as 1,200.50",
  )
  .transform((value) => amountFromInput(value)!);

export const draftInvoiceSchema = z.object({
  id,
  buyerName: z.string().trim().min(1, "Please give the buyer's name").max(200),
  buyerEmail: z.email("Please give the buyer's email address, such as name@example.com").max(254),
  // Browsers send a textarea's lines with CR LF: kept as plain line breaks, which the PDF prints as lines.
  buyerAddress: z
    .string()
    .trim()
    .max(1000, "At most 1,000 characters")
    .transform((value) => value.replace(/\r\n?/g, "\n")),
  framing: optionalAmount,
  framingText: z.string().trim().max(200).default(""),
  delivery: optionalAmount,
  deliveryText: z.string().trim().max(200).default(""),
  discount: optionalAmount,
  discountText: z.string().trim().max(200).default(""),
});

export type DraftInvoiceField = keyof z.input<typeof draftInvoiceSchema>;

export const invoiceIdSchema = z.object({ id });

export const paymentSchema = z.object({
  invoiceId: id,
  receivedOn: z.iso.date("Please give the day the money arrived"),
  amount: requiredAmount,
  method: z.enum(PAYMENT_METHODS, "Please choose how it was paid"),
  reference: z.string().trim().max(200, "At most 200 characters").default(""),
  // Made when the form was drawn: the same form sent twice records one payment.
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
});

export const startInvoiceSchema = z.object({
  artworkId: id,
  buyerName: z.string().trim().min(1, "Please give the buyer's name").max(200),
  buyerEmail: z.email("Please give the buyer's email address, such as name@example.com").max(254),
});

export const invoiceFilterSchema = z.object({ standing: z.enum(INVOICE_STANDINGS).optional().catch(undefined) });
