/** The owner's sale settings form: holds asked for by collectors, offers, payment, invoices and tax, bank details. */
import { z } from "zod";
import { TAX_MODES } from "@/lib/sales/vocabulary";
import { amountFromInput } from "@/lib/sales/offers";

const whole = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `Please give ${label} as a whole number` })
    .int(`Please give ${label} as a whole number`)
    .min(min, `${label[0]!.toUpperCase()}${label.slice(1)} is at least ${min}`)
    .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} is at most ${max}`);

export const saleSettingsSchema = z.object({
  collectorHoldHours: whole("the length of a collector's hold (hours)", 1, 336),
  autoGrantHoldsUpTo: z
    .string()
    .trim()
    .max(20)
    .refine((value) => value === "" || amountFromInput(value) !== null, "Please give an amount such as 1,000, or leave it empty")
    .transform((value) => (value === "" ? null : amountFromInput(value)!)),
  offerFloorPercent: whole("the floor (per cent of the asking price)", 1, 100),
  offerDays: whole("the days an offer stands", 1, 30),
  paymentDays: whole("the days to pay", 1, 90),
  invoicePrefix: z
    .string()
    .trim()
    .regex(/^[A-Z]{2,8}$/, "Two to eight capital letters, such as BFA"),
  taxMode: z.enum(TAX_MODES, "Please choose how tax is shown"),
  vatRatePercent: z.coerce.number({ error: "Please give the VAT rate, such as 20" }).min(0, "At least 0").max(50, "At most 50"),
  bankDetails: z
    .string()
    .trim()
    .max(1000, "At most 1,000 characters")
    .transform((value) => value.replace(/\r\n?/g, "\n")),
  invoiceTerms: z
    .string()
    .trim()
    .max(2000, "At most 2,000 characters")
    .transform((value) => value.replace(/\r\n?/g, "\n")),
});

export type SaleSettingsField = keyof z.input<typeof saleSettingsSchema>;
export type SaleSettingsInput = z.output<typeof saleSettingsSchema>;
