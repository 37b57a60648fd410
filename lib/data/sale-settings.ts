import "server-only";
import { db } from "@/lib/db/client";
import { taxModeFrom } from "@/lib/data/database-values";
import type { TaxMode } from "@/lib/sales/vocabulary";

/** How the gallery sells (one row, changed by owners at /staff/settings; lib/data/staff/settings.ts). */
export type SaleSettings = {
  collectorHoldHours: number;
  autoGrantHoldsUpToMinor: number | null;
  offerFloorPercent: number;
  offerDays: number;
  paymentDays: number;
  invoicePrefix: string;
  taxMode: TaxMode;
  vatRateBasisPoints: number;
  bankDetails: string;
  invoiceTerms: string;
};

/** What a gallery gets before an owner changes anything (the columns' defaults say the same). */
export const DEFAULT_SALE_SETTINGS: SaleSettings = {
  collectorHoldHours: 48,
  autoGrantHoldsUpToMinor: null,
  offerFloorPercent: 70,
  offerDays: 3,
  paymentDays: 7,
  invoicePrefix: "BFA",
  taxMode: "margin",
  vatRateBasisPoints: 2000,
  bankDetails: "",
  invoiceTerms: "Payment is due by the date above. The work remains the gallery's property until it is paid for in full.",
};

export async function readSaleSettings(): Promise<SaleSettings> {
  const row = await db.saleSettings.findUnique({ where: { id: 1 } });
  if (!row) return DEFAULT_SALE_SETTINGS;
  return {
    collectorHoldHours: row.collectorHoldHours,
    autoGrantHoldsUpToMinor: row.autoGrantHoldsUpToMinor,
    offerFloorPercent: row.offerFloorPercent,
    offerDays: row.offerDays,
    paymentDays: row.paymentDays,
    invoicePrefix: row.invoicePrefix,
    taxMode: taxModeFrom(row.taxMode),
    vatRateBasisPoints: row.vatRateBasisPoints,
    bankDetails: row.bankDetails,
    invoiceTerms: row.invoiceTerms,
  };
}
