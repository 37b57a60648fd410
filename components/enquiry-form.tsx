"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { z } from "zod";
import { Field } from "@/components/form-field";
import { sendEnquiry } from "@/lib/actions/enquiry";
import { ENQUIRY_QUESTION_LABELS, ENQUIRY_QUESTIONS } from "@/lib/enquiries/vocabulary";
import {
  ENQUIRY_LIMITS,
  enquiryInputFromFormData,
  enquirySchema,
  FORM_TOKEN_FIELD,
  HONEYPOT_FIELD,
  INITIAL_ENQUIRY_STATE,
  type EnquiryField,
  type EnquiryFormState,
} from "@/lib/validations/enquiry";

type Props = {
  /** The work the enquiry is about; none for a general question. */
  artwork?: { slug: string; label: string };
  /** Signed when the page was rendered; refreshed on load because pre-rendered pages date from the build. */
  formToken: string;
  headingId: string;
};

const FIELD_ORDER: EnquiryField[] = ["name", "email", "phone", "questions", "shippingCountry", "message", "consent"];

export function EnquiryForm({ artwork, formToken, headingId }: Props) {
  const [state, formAction, isPending] = useActionState<EnquiryFormState, FormData>(sendEnquiry, INITIAL_ENQUIRY_STATE);
  const [token, setToken] = useState(formToken);
  // Errors found in the browser by the same schema the server uses, before anything is sent.
  const [localErrors, setLocalErrors] = useState<EnquiryFormState["fieldErrors"] | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const confirmationRef = useRef<HTMLDivElement>(null);
  const idPrefix = artwork ? `enquiry-${artwork.slug}` : "enquiry";
  const id = (field: string) => `${idPrefix}-${field}`;

  useEffect(() => {
    let cancelled = false;
    fetch("/api/enquiries/form-token", { cache: "no-store" })
      .then((response) => (response.ok ? response.json() : null))
      .then((body: { token?: string } | null) => {
        if (!cancelled && body?.token) setToken(body.token);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    if (state.status === "sent") {
      confirmationRef.current?.focus();
      return;
    }
    if (state.status === "invalid") {
      const first = FIELD_ORDER.find((field) => state.fieldErrors[field]?.length);
      const target = first ? formRef.current?.querySelector<HTMLElement>(`[data-field="${first}"]`) : null;
      target?.focus();
    }
  }, [state]);

  const fieldErrors = localErrors ?? state.fieldErrors;
  const errorOf = (field: EnquiryField) => fieldErrors[field]?.[0];

  function checkBeforeSending(event: FormEvent<HTMLFormElement>) {
    const parsed = enquirySchema.safeParse(enquiryInputFromFormData(new FormData(event.currentTarget)));
    if (parsed.success) {
      setLocalErrors(null);
      return;
    }
    event.preventDefault();
    const errors = z.flattenError(parsed.error).fieldErrors;
    setLocalErrors(errors);
    const first = FIELD_ORDER.find((field) => errors[field]?.length);
    if (first) formRef.current?.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus();
  }
  const statusMessage = localErrors ? "Please correct the fields marked below; nothing has been sent yet." : state.message;
  const values = state.values;

  if (state.status === "sent") {
    return (
      <div
        ref={confirmationRef}
        tabIndex={-1}
        role="status"
        className="border-l-4 border-ok bg-white p-6"
        data-testid="enquiry-confirmation"
      >
        <p className="text-xl font-semibold">Thank you: your enquiry has reached the gallery.</p>
        <p className="mt-2">
          Your reference is <strong data-testid="enquiry-reference">{state.reference}</strong>. Please quote it if you write to us about
          this enquiry.
        </p>
        <p className="mt-2 font-sans text-sm text-ink-soft">
          We reply personally, usually within two working days.{" "}
          {state.acknowledged ? "We have also emailed you a confirmation." : "We will write to the email address you gave."}
        </p>
      </div>
    );
  }

  return (
    <form ref={formRef} action={formAction} onSubmit={checkBeforeSending} noValidate aria-labelledby={headingId} className="space-y-5">
      <p role="status" aria-live="polite" className={statusMessage ? "border-l-4 border-alert bg-white p-4 font-sans" : "sr-only"}>
        {statusMessage}
      </p>
      {artwork && (
        <p className="font-sans text-sm">
          About: <strong>{artwork.label}</strong>
        </p>
      )}
      <input type="hidden" name={FORM_TOKEN_FIELD} value={token} />
      {artwork && <input type="hidden" name="artworkSlug" value={artwork.slug} />}
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label>
          Leave this field empty
          <input type="text" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
        </label>
      </div>

      <div className="grid gap-5 sm:grid-cols-2">
        <Field
          id={id("name")}
          name="name"
          label="Your name"
          autoComplete="name"
          maxLength={ENQUIRY_LIMITS.name}
          defaultValue={values.name}
          error={errorOf("name")}
          required
        />
        <Field
          id={id("email")}
          name="email"
          label="Email address"
          type="email"
          autoComplete="email"
          maxLength={ENQUIRY_LIMITS.email}
          defaultValue={values.email}
          error={errorOf("email")}
          required
        />
      </div>
      <Field
        id={id("phone")}
        name="phone"
        label="Phone (optional)"
        type="tel"
        autoComplete="tel"
        maxLength={ENQUIRY_LIMITS.phone}
        defaultValue={values.phone}
        error={errorOf("phone")}
      />

      <fieldset aria-describedby={errorOf("questions") ? id("questions-error") : undefined}>
        <legend className="field-label">{artwork ? "I would like to know about (optional)" : "Your question is about (optional)"}</legend>
        <div className="mt-2 grid gap-2 font-sans sm:grid-cols-2">
          {ENQUIRY_QUESTIONS.map((question, index) => (
            <label key={question} className="flex items-center gap-3">
              <input
                type="checkbox"
                name="questions"
                value={question}
                defaultChecked={values.questions.includes(question)}
                className="h-5 w-5 accent-accent"
                data-field={index === 0 ? "questions" : undefined}
              />
              {ENQUIRY_QUESTION_LABELS[question]}
            </label>
          ))}
        </div>
        {errorOf("questions") && (
          <p id={id("questions-error")} className="field-error">
            {errorOf("questions")}
          </p>
        )}
      </fieldset>
      <Field
        id={id("shippingCountry")}
        name="shippingCountry"
        label="Country for shipping (if you ticked shipping)"
        autoComplete="country-name"
        maxLength={ENQUIRY_LIMITS.country}
        defaultValue={values.shippingCountry}
        error={errorOf("shippingCountry")}
      />

      <Field
        id={id("message")}
        name="message"
        label={`Your message${artwork ? " (optional if you ticked a question)" : ""}`}
        multiline
        rows={6}
        maxLength={ENQUIRY_LIMITS.message}
        defaultValue={values.message}
        error={errorOf("message")}
        hint={`Up to ${ENQUIRY_LIMITS.message.toLocaleString("en-GB")} characters.`}
      />

      <div>
        <label className="flex items-start gap-3 font-sans">
          <input
            type="checkbox"
            name="consent"
            defaultChecked={values.consent}
            className="mt-1 h-5 w-5 accent-accent"
            aria-invalid={errorOf("consent") ? true : undefined}
            aria-describedby={errorOf("consent") ? id("consent-error") : undefined}
            data-field="consent"
            required
          />
          <span>
            I agree that the gallery keeps my enquiry and contact details to answer me, as described in the{" "}
            <Link href="/privacy">privacy notice</Link>.
          </span>
        </label>
        {errorOf("consent") && (
          <p id={id("consent-error")} className="field-error">
            {errorOf("consent")}
          </p>
        )}
      </div>

      <button type="submit" className="button-primary" disabled={isPending} aria-disabled={isPending}>
        {isPending ? "Sending…" : "Send enquiry"}
      </button>
    </form>
  );
}
