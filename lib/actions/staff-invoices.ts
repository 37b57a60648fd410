"use server";

import { redirect } from "next/navigation";
import { staffPermitted } from "@/lib/auth/staff-session";
import { refreshCatalogue } from "@/lib/catalogue-cache/refresh-catalogue";
import {
  cancelIssuedInvoice,
  deleteDraftInvoice,
  issueDraftInvoice,
  recordInvoicePayment,
  startInvoiceForWork,
  updateDraftInvoice,
} from "@/lib/data/staff/invoices";
import { withNotice } from "@/lib/staff/notices";
import { serverEnv } from "@/lib/env";
import { galleryTimeToInstant } from "@/lib/time/gallery-time";
import { draftInvoiceSchema, invoiceIdSchema, paymentSchema, startInvoiceSchema } from "@/lib/validations/invoices";
import { NOT_UNDERSTOOD, type FormState } from "@/lib/validations/staff-forms";
import { doneForm, failedForm, invalidForm, typedValues } from "./form-results";

export async function startInvoiceAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const values = typedValues(formData);
  const parsed = startInvoiceSchema.safeParse(values);
  if (!parsed.success) return invalidForm(parsed.error, "No invoice was started: please correct the fields marked below.", values);
  const outcome = await startInvoiceForWork(permit.staff, parsed.data);
  if (!outcome.ok) return failedForm(outcome.message, values);
  redirect(withNotice(`/staff/invoices/${outcome.value}`, "invoice", "started"));
}

export async function saveDraftInvoiceAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const values = typedValues(formData);
  const parsed = draftInvoiceSchema.safeParse(values);
  if (!parsed.success) return invalidForm(parsed.error, "The draft was not saved: please correct the fields marked below.", values);
  const draft = parsed.data;
  const outcome = await updateDraftInvoice(permit.staff, {
    id: draft.id,
    buyerName: draft.buyerName,
    buyerEmail: draft.buyerEmail,
    buyerAddress: draft.buyerAddress,
    extraLines: [
      { kind: "framing", description: draft.framingText || "Framing", amountMinor: draft.framing },
      { kind: "delivery", description: draft.deliveryText || "Delivery", amountMinor: draft.delivery },
      { kind: "discount", description: draft.discountText || "Discount", amountMinor: draft.discount },
    ],
  });
  if (!outcome.ok) return failedForm(outcome.message, values);
  redirect(withNotice(`/staff/invoices/${draft.id}`, "invoice", "saved"));
}

export async function issueInvoiceAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const parsed = invoiceIdSchema.safeParse(typedValues(formData));
  if (!parsed.success) return failedForm(NOT_UNDERSTOOD);
  const outcome = await issueDraftInvoice(permit.staff, parsed.data.id);
  if (!outcome.ok) return failedForm(outcome.message);
  redirect(withNotice(`/staff/invoices/${parsed.data.id}`, "invoice", "issued"));
}

export async function deleteDraftInvoiceAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const parsed = invoiceIdSchema.safeParse(typedValues(formData));
  if (!parsed.success) return failedForm(NOT_UNDERSTOOD);
  const outcome = await deleteDraftInvoice(permit.staff, parsed.data.id);
  if (!outcome.ok) return failedForm(outcome.message);
  redirect(withNotice("/staff/invoices", "invoices", "deleted"));
}

export async function cancelInvoiceAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const permit = await staffPermitted("owner");
  if (!permit.staff) return failedForm(permit.refusal);
  const parsed = invoiceIdSchema.safeParse(typedValues(formData));
  if (!parsed.success) return failedForm(NOT_UNDERSTOOD);
  const outcome = await cancelIssuedInvoice(permit.staff, parsed.data.id);
  if (!outcome.ok) return failedForm(outcome.message);
  redirect(withNotice(`/staff/invoices/${parsed.data.id}`, "invoice", "cancelled"));
}

export async function recordPaymentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const permit = await staffPermitted("staff");
  if (!permit.staff) return failedForm(permit.refusal);
  const values = typedValues(formData);
  const parsed = paymentSchema.safeParse(values);
  if (!parsed.success) return invalidForm(parsed.error, "The payment was not recorded: please correct the fields marked below.", values);
  const payment = parsed.data;
  const outcome = await recordInvoicePayment(permit.staff, {
    invoiceId: payment.invoiceId,
    receivedOn: galleryTimeToInstant(payment.receivedOn, "12:00", serverEnv().GALLERY_TIME_ZONE),
    amountMinor: payment.amount,
    method: payment.method,
    reference: payment.reference,
    idempotencyKey: payment.idempotencyKey,
  });
  if (!outcome.ok) return failedForm(outcome.message, values);
  if (outcome.value.change) refreshCatalogue(outcome.value.change, "action");
  if (!outcome.value.recorded) return doneForm("That payment was recorded already (the form was sent twice); nothing was added.");
  redirect(withNotice(`/staff/invoices/${payment.invoiceId}`, "invoice", outcome.value.paidInFull ? "paid" : "payment"));
}
