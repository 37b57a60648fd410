"use client";

import { useActionState } from "react";
import { Field, FormStatus } from "@/components/form-field";
import { saveSaleSettingsAction } from "@/lib/actions/staff-settings";
import { IDLE_FORM, type FormState } from "@/lib/validations/form-state";

const TAX_CHOICES = [
  ["margin", "The VAT margin scheme (no VAT shown)"],
  ["vat", "VAT added at the rate below"],
  ["none", "No VAT"],
] as const;

/** The owner's sale settings: each value as saved, the mistakes beside their fields. */
export function SaleSettingsForm({ saved }: { saved: Record<string, string> }) {
  const [state, action, pending] = useActionState<FormState, FormData>(saveSaleSettingsAction, IDLE_FORM);
  const error = (field: string) => state.fieldErrors[field]?.[0];
  const value = (field: string) => state.values[field] ?? saved[field] ?? "";
  return (
    <form
      action={action}
      noValidate
      className="max-w-3xl space-y-5 font-sans"
      aria-labelledby="sale-settings-heading"
      aria-busy={pending || undefined}
    >
      <FormStatus status={state.status} message={state.message} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field
          id="sale-floor"
          name="offerFloorPercent"
          label="Lowest offer taken (% of the price)"
          type="number"
          defaultValue={value("offerFloorPercent")}
          error={error("offerFloorPercent")}
        />
        <Field
          id="sale-offer-days"
          name="offerDays"
          label="An offer stands for (days)"
          type="number"
          defaultValue={value("offerDays")}
          error={error("offerDays")}
        />
        <Field
          id="sale-payment-days"
          name="paymentDays"
          label="Days to pay"
          type="number"
          defaultValue={value("paymentDays")}
          error={error("paymentDays")}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="sale-hold-hours"
          name="collectorHoldHours"
          label="A collector's own hold lasts (hours)"
          type="number"
          defaultValue={value("collectorHoldHours")}
          error={error("collectorHoldHours")}
        />
        <Field
          id="sale-auto-grant"
          name="autoGrantHoldsUpTo"
          label="Grant collectors' holds at once up to (price, optional)"
          defaultValue={value("autoGrantHoldsUpTo")}
          error={error("autoGrantHoldsUpTo")}
          hint="Empty: every request waits for staff."
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field
          id="sale-prefix"
          name="invoicePrefix"
          label="Invoice numbers begin"
          defaultValue={value("invoicePrefix")}
          error={error("invoicePrefix")}
        />
        <div>
          <label htmlFor="sale-tax" className="field-label">
            Tax on invoices
          </label>
          <select id="sale-tax" name="taxMode" defaultValue={value("taxMode")} className="field-input">
            {TAX_CHOICES.map(([mode, label]) => (
              <option key={mode} value={mode}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <Field
          id="sale-vat"
          name="vatRatePercent"
          label="VAT rate (%)"
          type="number"
          step="0.01"
          defaultValue={value("vatRatePercent")}
          error={error("vatRatePercent")}
        />
      </div>
      <Field
        id="sale-bank"
        name="bankDetails"
        label="Bank details (printed on invoices)"
        multiline
        rows={4}
        defaultValue={value("bankDetails")}
        error={error("bankDetails")}
      />
      <Field
        id="sale-terms"
        name="invoiceTerms"
        label="Terms (printed on invoices)"
        multiline
        rows={3}
        defaultValue={value("invoiceTerms")}
        error={error("invoiceTerms")}
      />
      <button type="submit" className="button-primary" disabled={pending}>
        Save the sale settings
      </button>
    </form>
  );
}
