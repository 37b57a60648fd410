/** The sale's words: why a hold ended, how an offer, an invoice and a request stand, how money came. */

export const HOLD_END_REASONS = ["released", "expired", "sold"] as const;
export type HoldEndReason = (typeof HOLD_END_REASONS)[number];

export const HOLD_END_LABELS: Record<HoldEndReason, string> = {
  released: "Released by staff",
  expired: "Ran out",
  sold: "Sold",
};

export const OFFER_STATUSES = ["open", "countered", "accepted", "declined", "expired"] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export const OFFER_STATUS_LABELS: Record<OfferStatus, string> = {
  open: "Open",
  countered: "Countered",
  accepted: "Accepted",
  declined: "Declined",
  expired: "Expired",
};

export const INVOICE_KINDS = ["invoice", "credit_note"] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];

export const INVOICE_STATUSES = ["draft", "issued", "cancelled"] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** How an invoice stands for staff and the accountant: its stored status with the payments and the due date read in. */
export const INVOICE_STANDINGS = ["draft", "issued", "part_paid", "paid", "overdue", "cancelled", "credit_note"] as const;
export type InvoiceStanding = (typeof INVOICE_STANDINGS)[number];

export const INVOICE_STANDING_LABELS: Record<InvoiceStanding, string> = {
  draft: "Draft",
  issued: "Issued",
  part_paid: "Part paid",
  paid: "Paid",
  overdue: "Overdue",
  cancelled: "Cancelled",
  credit_note: "Credit note",
};

export const TAX_MODES = ["vat", "margin", "none"] as const;
export type TaxMode = (typeof TAX_MODES)[number];

export const LINE_KINDS = ["work", "framing", "delivery", "discount", "other"] as const;
export type LineKind = (typeof LINE_KINDS)[number];

export const LINE_KIND_LABELS: Record<LineKind, string> = {
  work: "Work",
  framing: "Framing",
  delivery: "Delivery",
  discount: "Discount",
  other: "Other",
};

export const PAYMENT_METHODS = ["bank_transfer", "card", "cash", "cheque", "other"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  bank_transfer: "Bank transfer",
  card: "Card",
  cash: "Cash",
  cheque: "Cheque",
  other: "Other",
};

export const HOLD_REQUEST_STATUSES = ["unconfirmed", "waiting", "granted", "declined", "expired"] as const;
export type HoldRequestStatus = (typeof HOLD_REQUEST_STATUSES)[number];
