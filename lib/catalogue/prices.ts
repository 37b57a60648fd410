/** Prices are kept in minor units (pence) with a currency; none means "price on application". */
import { availabilityFromGalleryText, type Availability } from "./vocabulary";

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

const NO_PRICE = /^(poa|p\.o\.a\.?|price on (application|request)|on application|nfs|n\.f\.s\.?|not for sale)$/i;
const AMOUNT = /(£|\$|€|\b(?:GBP|USD|EUR)\b)?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?(?:\s*\b(GBP|USD|EUR)\b)?/i;
/** An amount and nothing else worth reading: "£875", "£ 875.00", "875 GBP", "Price £1,175", "Suggested offer: £3,750". */
const PLAIN_PRICE =
  /^(?:(?:price|asking price|suggested offer|offers? over)\s*:?\s*)?(?:£|\$|€|GBP|USD|EUR)?\s*(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?(?:\s*(?:GBP|USD|EUR))?$/i;

export type GalleryPrice = {
  price: Price | null;
  /** A status the words state ("Sold", "Reserved", "This work is in a private collection"); null if none. */
  availability: Availability | null;
  /**
   * The words say more than the amount and status read from them ("£875 or nearest offer", "Sold, was
   * £900", "ask us"): the site keeps them as written and shows them to staff beside what it read.
   */
  worthChecking: boolean;
};

/**
 * A price cell as galleries fill it in: an amount in any of the usual forms, "POA"/"NFS", a status
 * ("Sold", "Reserved", "Private collection"), or a sentence with any of these. Never refuses: what it
 * cannot read is kept as written and marked worth checking.
 */
export function readGalleryPrice(text: string | null | undefined, defaultCurrency = "GBP"): GalleryPrice {
  const trimmed = text?.trim().replace(/\s+/g, " ") ?? "";
  if (trimmed === "" || NO_PRICE.test(trimmed)) return { price: null, availability: null, worthChecking: false };
  const stated = availabilityFromGalleryText(trimmed);
  const availability = stated && stated !== "available" ? stated : null;
  const amount = AMOUNT.exec(trimmed);
  let price: Price | null = null;
  if (amount) {
    const code = amount[1] ?? amount[4];
    const currency = code ? (CURRENCY_SYMBOLS[code] ?? code.toUpperCase()) : defaultCurrency;
    const whole = Number((amount[2] ?? "0").replace(/,/g, ""));
    const fraction = Number(((amount[3] ?? "") + "00").slice(0, 2));
    price = { amountMinor: whole * 100 + fraction, currency };
  }
  const plainStatus = availability !== null && !/\d/.test(trimmed);
  return { price, availability, worthChecking: !(PLAIN_PRICE.test(trimmed) || plainStatus) };
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
