/** Prices are kept in minor units (pence) with a currency; none means "price on application". */

const CURRENCY_SYMBOLS: Record<string, string> = { "£": "GBP", $: "USD", "€": "EUR" };

export type Price = { amountMinor: number; currency: string };

export class PriceParseError extends Error {
  constructor(readonly text: string) {
    super(`Cannot read the price "${text}": expected an amount such as £875.00`);
    this.name = "PriceParseError";
  }
}

/**
 * "£875.00", "Price £ 875.00", "Suggested Offer: £3,750", "GBP 1200" → an amount;
 * "", "POA", "Price on application" → null.
 */
export function parsePrice(text: string | null | undefined, defaultCurrency = "GBP"): Price | null {
  if (text == null) return null;
  const trimmed = text.trim();
  if (trimmed === "" || /^(poa|p\.o\.a\.?|price on (application|request)|on application|nfs|not for sale)$/i.test(trimmed)) return null;
  const match = /(£|\$|€|\b(?:GBP|USD|EUR)\b)?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?/i.exec(trimmed);
  if (!match) throw new PriceParseError(text);
  const symbol = match[1];
  const currency = symbol ? (CURRENCY_SYMBOLS[symbol] ?? symbol.toUpperCase()) : defaultCurrency;
  const whole = Number((match[2] ?? "0").replace(/,/g, ""));
  const fraction = Number(((match[3] ?? "") + "00").slice(0, 2));
  return { amountMinor: whole * 100 + fraction, currency };
}

// A formatter is costly to make and cheap to use: one per currency and style, made once.
const priceFormats = new Map<string, Intl.NumberFormat>();

export function formatPrice(amountMinor: number, currency: string): string {
  const pence = amountMinor % 100 !== 0;
  const key = `${currency}:${pence}`;
  let format = priceFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat("en-GB", { style: "currency", currency, minimumFractionDigits: pence ? 2 : 0 });
    priceFormats.set(key, format);
  }
  return format.format(amountMinor / 100);
}
