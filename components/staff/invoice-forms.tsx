"use client";

import { useActionState } from "react";
import { Field, FormStatus } from "@/components/form-field";
import { ActionForm } from "@/components/staff/action-form";
import {
  cancelInvoiceAction,
  deleteDraftInvoiceAction,
  issueInvoiceAction,
  recordPaymentAction,
  saveDraftInvoiceAction,
  startInvoiceAction,
} from "@/lib/actions/staff-invoices";
import { PAYMENT_METHOD_LABELS, PAYMENT_METHODS } from "@/lib/sales/vocabulary";
import { IDLE_FORM, type FormState } from "@/lib/validations/form-state";

type Extra = { amount: string; text: string };

/** A draft's buyer and its framing, delivery and discount lines. */
export function DraftInvoiceForm({
  id,
  buyer,
  extras,
}: {
  id: string;
  buyer: { name: string; email: string; address: string };
  extras: { framing: Extra; delivery: Extra; discount: Extra };
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(saveDraftInvoiceAction, IDLE_FORM);
  const error = (field: string) => state.fieldErrors[field]?.[0];
  const value = (field: string, fallback: string) => state.values[field] ?? fallback;
  return (
    <form
      action={action}
      noValidate
      className="space-y-4 font-sans"
      aria-label="The draft's buyer and lines"
      aria-busy={pending || undefined}
    >
      <FormStatus status={state.status} message={state.message} />
      <input type="hidden" name="id" value={id} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          id="draft-name"
          name="buyerName"
          label="Buyer's name"
          defaultValue={value("buyerName", buyer.name)}
          error={error("buyerName")}
        />
        <Field
          id="draft-email"
          name="buyerEmail"
          label="Buyer's email address"
          type="email"
          defaultValue={value("buyerEmail", buyer.email)}
          error={error("buyerEmail")}
        />
      </div>
      <Field
        id="draft-address"
        name="buyerAddress"
        label="Buyer's postal address"
        multiline
        rows={4}
        defaultValue={value("buyerAddress", buyer.address)}
        error={error("buyerAddress")}
        hint="One line per line of the address, as it should be printed."
      />
      {(["framing", "delivery", "discount"] as const).map((kind) => (
        <div key={kind} className="grid gap-3 sm:grid-cols-[1fr_2fr]">
          <Field
            id={`draft-${kind}`}
            name={kind}
            label={`${kind[0]!.toUpperCase()}${kind.slice(1)} (amount, optional)`}
            defaultValue={value(kind, extras[kind].amount)}
            error={error(kind)}
          />
          <Field
            id={`draft-${kind}-text`}
            name={`${kind}Text`}
            label={`${kind[0]!.toUpperCase()}${kind.slice(1)}: as printed`}
            defaultValue={value(`${kind}Text`, extras[kind].text)}
            error={error(`${kind}Text`)}
          />
        </div>
      ))}
      <button type="submit" className="button-quiet" disabled={pending}>
        Save the draft
      </button>
    </form>
  );
}

export function IssueInvoiceForm({ id }: { id: string }) {
  return (
    <ActionForm action={issueInvoiceAction}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="button-primary">
        Issue and email it
      </button>
    </ActionForm>
  );
}

export function DeleteDraftForm({ id }: { id: string }) {
  return (
    <ActionForm action={deleteDraftInvoiceAction}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="button-quiet">
        Delete the draft
      </button>
    </ActionForm>
  );
}

export function CancelInvoiceForm({ id, number }: { id: string; number: string }) {
  return (
    <ActionForm action={cancelInvoiceAction}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="button-quiet">
        Cancel {number} with a credit note
      </button>
    </ActionForm>
  );
}

/** Money received: part payments add up; the form's key makes a double send record one payment. */
export function PaymentForm({
  invoiceId,
  outstanding,
  today,
  formKey,
}: {
  invoiceId: string;
  outstanding: string;
  today: string;
  formKey: string;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(recordPaymentAction, IDLE_FORM);
  const error = (field: string) => state.fieldErrors[field]?.[0];
  const value = (field: string, fallback: string) => state.values[field] ?? fallback;
  return (
    <form action={action} noValidate className="space-y-3 font-sans" aria-label="Record a payment" aria-busy={pending || undefined}>
      <FormStatus status={state.status} message={state.message} />
      <input type="hidden" name="invoiceId" value={invoiceId} />
      <input type="hidden" name="idempotencyKey" value={formKey} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field
          id="payment-day"
          name="receivedOn"
          label="Received on"
          type="date"
          defaultValue={value("receivedOn", today)}
          error={error("receivedOn")}
        />
        <Field
          id="payment-amount"
          name="amount"
          label="Amount"
          defaultValue={value("amount", "")}
          error={error("amount")}
          hint={`Outstanding: ${outstanding}`}
        />
        <div>
          <label htmlFor="payment-method" className="field-label">
            Method
          </label>
          <select id="payment-method" name="method" defaultValue={value("method", "bank_transfer")} className="field-input">
            {PAYMENT_METHODS.map((method) => (
              <option key={method} value={method}>
                {PAYMENT_METHOD_LABELS[method]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Field
        id="payment-reference"
        name="reference"
        label="Reference (optional)"
        defaultValue={value("reference", "")}
        error={error("reference")}
      />
      <button type="submit" className="button-primary" disabled={pending}>
        Record the payment
      </button>
    </form>
  );
}

/** From a work's page: a draft invoice for it, to the collector it is held for or to a buyer named here. */
export function StartInvoiceForm({ artworkId, buyer }: { artworkId: string; buyer: { name: string; email: string } | null }) {
  const [state, action, pending] = useActionState<FormState, FormData>(startInvoiceAction, IDLE_FORM);
  const error = (field: string) => state.fieldErrors[field]?.[0];
  const value = (field: string, fallback: string) => state.values[field] ?? fallback;
  return (
    <form action={action} noValidate className="space-y-3 font-sans" aria-label="Start an invoice" aria-busy={pending || undefined}>
      <FormStatus status={state.status} message={state.message} />
      <input type="hidden" name="artworkId" value={artworkId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          id="invoice-buyer-name"
          name="buyerName"
          label="Buyer's name"
          defaultValue={value("buyerName", buyer?.name ?? "")}
          error={error("buyerName")}
        />
        <Field
          id="invoice-buyer-email"
          name="buyerEmail"
          label="Buyer's email address"
          type="email"
          defaultValue={value("buyerEmail", buyer?.email ?? "")}
          error={error("buyerEmail")}
        />
      </div>
      <button type="submit" className="button-quiet" disabled={pending}>
        Start an invoice
      </button>
    </form>
  );
}
