/** Offers: what an amount must be to be taken, said before it is sent. */
import { formatPrice } from "@/lib/catalogue/prices";

/** The lowest offer the gallery takes on a work: its floor, a share of the asking price, rounded up to the whole unit. */
export function offerFloorMinor(askingMinor: number, floorPercent: number): number {
  return Math.ceil((askingMinor * floorPercent) / 100 / 100) * 100;
}

/** An offer far above the price is a slip of the keyboard, not an offer. */
const MOST_TIMES_ASKING = 10;

/**
 * Why an amount cannot be offered on this work, in a sentence that says what to do; null when it can.
 * The floor is told before sending, never silently dropped.
 */
export function offerAmountProblem(
  offer: { amountMinor: number; currency: string },
  work: { askingMinor: number; currency: string },
  floorPercent: number,
): string | null {
  if (offer.currency !== work.currency)
    return `Offers on this work are made in ${work.currency}, the currency of its price (${formatPrice(work.askingMinor, work.currency)}).`;
  if (!Number.isInteger(offer.amountMinor) || offer.amountMinor <= 0) return "Please give an amount above nothing, such as 3200.";
  if (offer.amountMinor > work.askingMinor * MOST_TIMES_ASKING)
    return `That is more than ten times the asking price of ${formatPrice(work.askingMinor, work.currency)}: please check the amount.`;
  if (offer.amountMinor >= work.askingMinor) return null;
  const floor = offerFloorMinor(work.askingMinor, floorPercent);
  if (offer.amountMinor < floor)
    return `The gallery considers offers from ${formatPrice(floor, work.currency)} on this work; yours is below that. Raise it, or send an enquiry to talk about the price.`;
  return null;
}

/** "3,200", "3200.50", "£3,200" → minor units; null for anything that is not an amount. */
export function amountFromInput(text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/^[£$€]\s*/, "")
    .replace(/,(?=\d{3}(\D|$))/g, "");
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole, fraction = ""] = cleaned.split(".");
  return Number(whole) * 100 + Number((fraction + "00").slice(0, 2));
}
