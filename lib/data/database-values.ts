import { AVAILABILITIES, CATEGORIES, DIMENSION_KINDS, UNITS } from "@/lib/catalogue/vocabulary";
import { ENQUIRY_STATUSES, OUTBOX_STATUSES } from "@/lib/enquiries/vocabulary";
import { ACTIVITY_SUBJECTS } from "@/lib/staff/activity-vocabulary";
import {
  HOLD_END_REASONS,
  HOLD_REQUEST_STATUSES,
  INVOICE_KINDS,
  INVOICE_STATUSES,
  LINE_KINDS,
  OFFER_STATUSES,
  PAYMENT_METHODS,
  TAX_MODES,
} from "@/lib/sales/vocabulary";

/**
 * The one way a text column's value becomes one of its allowed words (SQLite has no enum type, so the
 * database hands back plain strings). A value outside the list — a hand edit, a row from an older
 * version — stops the read with an error that names the column and the value, instead of travelling
 * on under a type it does not have.
 */
export class UnexpectedDatabaseValue extends Error {
  constructor(column: string, value: string) {
    super(`The database holds ${JSON.stringify(value)} for ${column}, which is not a value this version knows`);
    this.name = "UnexpectedDatabaseValue";
  }
}

function checked<Word extends string>(allowed: readonly Word[], column: string): (value: string) => Word {
  return (value) => {
    if (!(allowed as readonly string[]).includes(value)) throw new UnexpectedDatabaseValue(column, value);
    return value as Word;
  };
}

export const availabilityFrom = checked(AVAILABILITIES, "availability");
export const categoryFrom = checked(CATEGORIES, "category");
export const dimensionKindFrom = checked(DIMENSION_KINDS, "dimension kind");
export const unitFrom = checked(UNITS, "unit");
export const enquiryStatusFrom = checked(ENQUIRY_STATUSES, "enquiry status");
export const outboxStatusFrom = checked(OUTBOX_STATUSES, "email status");
export const activitySubjectFrom = checked(ACTIVITY_SUBJECTS, "activity subject");
export const holdEndReasonFrom = checked(HOLD_END_REASONS, "hold end reason");
export const offerStatusFrom = checked(OFFER_STATUSES, "offer status");
export const holdRequestStatusFrom = checked(HOLD_REQUEST_STATUSES, "hold request status");
export const invoiceKindFrom = checked(INVOICE_KINDS, "invoice kind");
export const invoiceStatusFrom = checked(INVOICE_STATUSES, "invoice status");
export const taxModeFrom = checked(TAX_MODES, "tax mode");
export const lineKindFrom = checked(LINE_KINDS, "invoice line kind");
export const paymentMethodFrom = checked(PAYMENT_METHODS, "payment method");

/** An email's extra headers as stored (a JSON object of names to texts); anything else is refused. */
export function storedHeadersFrom(value: unknown): Record<string, string> | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== "object" || Array.isArray(value) || !Object.values(value).every((entry) => typeof entry === "string"))
    throw new UnexpectedDatabaseValue("email headers", JSON.stringify(value));
  return value as Record<string, string>;
}
