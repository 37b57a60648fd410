"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef, useState, useSyncExternalStore, useTransition, type FormEvent } from "react";
import { EnquiryConfirmation } from "@/components/enquiry-confirmation";
import { Field } from "@/components/form-field";
import { sendEnquiry } from "@/lib/actions/enquiry";
import { ENQUIRY_LIST_CHANGED_EVENT } from "@/lib/enquiries/enquiry-list-cookie";
import type { OfferedDay } from "@/lib/viewings/offered-times";
import { ENQUIRY_QUESTION_LABELS, ENQUIRY_QUESTIONS } from "@/lib/enquiries/vocabulary";
import {
  ENQUIRY_FIELDS,
  ENQUIRY_LIMITS,
  enquiryFormValues,
  enquiryInputFromFormData,
  FORM_TOKEN_FIELD,
  HONEYPOT_FIELD,
  INITIAL_ENQUIRY_STATE,
  type EnquiryField,
  type EnquiryFormState,
} from "@/lib/validations/enquiry-fields";

type Props = {
  /** The work the enquiry is about; none for a general question. */
  artwork?: { slug: string; label: string };
  /** The works of the collector's enquiry list, when the form asks about them all at once. */
  listedWorks?: Array<{ id: string; label: string }>;
  /**
   * The viewing times to offer: drawn with the page where it is made per visit; "fetch" where the
   * page is made once for everyone (a work's page), so the script asks for them, and a browser
   * without JavaScript gets a link to the enquiry page that shows them.
   */
  viewingTimes?: OfferedDay[] | "fetch";
  /** Signed when the page was rendered; refreshed on load because pre-rendered pages date from the build. */
  formToken: string;
  headingId: string;
  /**
   * Makes it the work's "Make an offer" form: an amount in the work's currency instead of the questions
   * and viewing times, with the asking price and the lowest offer the gallery considers said up front.
   */
  offer?: { currency: string; asking: string; floor: string };
};

/** Where both ways of sending end: the script posts here; without JavaScript the button does (formAction). */
const ENQUIRY_ENDPOINT = "/api/enquiries";

function unreachable(formData: FormData): EnquiryFormState {
  return {
    status: "refused",
    message: "We could not reach the gallery, so your enquiry was not sent. Please check your connection and try again.",
    fieldErrors: {},
    values: enquiryFormValues(enquiryInputFromFormData(formData)),
  };
}

const noSubscription = () => () => undefined;

const VIEWING_HINT = "Times at the gallery that still have a place. You will receive a calendar invitation, and a link to cancel.";

export function EnquiryForm({ artwork, listedWorks = [], viewingTimes, formToken, headingId, offer }: Props) {
  // The page's server action: what the form posts to before the script has loaded, and what shows a
  // refused post's mistakes when the browser has no JavaScript at all.
  const [pageState, pageAction] = useActionState<EnquiryFormState, FormData>(sendEnquiry, INITIAL_ENQUIRY_STATE);
  const [sentState, setSentState] = useState<EnquiryFormState | null>(null);
  const [isPending, startTransition] = useTransition();
  const [token, setToken] = useState(formToken);
  const [fetchedTimes, setFetchedTimes] = useState<OfferedDay[] | null>(null);
  // The times could not be fetched: the field says so, rather than "looking" for ever.
  const [timesUnavailable, setTimesUnavailable] = useState(false);
  // False in the server's HTML (which must serve a browser without scripts) and on hydration; true after.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const offeredTimes = viewingTimes === "fetch" ? fetchedTimes : (viewingTimes ?? null);
  const formRef = useRef<HTMLFormElement>(null);
  const confirmationRef = useRef<HTMLDivElement>(null);
  const state = sentState ?? pageState;
  const idPrefix =
    offer && artwork ? `offer-${artwork.slug}` : artwork ? `enquiry-${artwork.slug}` : listedWorks.length > 0 ? "enquiry-list" : "enquiry";
  const aboutWorks = Boolean(artwork) || listedWorks.length > 0;
  const id = (field: string) => `${idPrefix}-${field}`;

  // The free times are asked for only when the form comes near the screen: most visits to a work's
  // page never scroll to it, and a time must be fresh when it is chosen.
  useEffect(() => {
    const form = formRef.current;
    if (viewingTimes !== "fetch" || !form) return;
    let cancelled = false;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        fetch("/api/viewings/free", { cache: "no-store" })
          .then((response) => (response.ok ? response.json() : null))
          .then((body: { days?: OfferedDay[] } | null) => {
            if (cancelled) return;
            if (Array.isArray(body?.days)) setFetchedTimes(body.days);
            else setTimesUnavailable(true);
          })
          .catch(() => {
            if (!cancelled) setTimesUnavailable(true);
          });
      },
      { rootMargin: "600px" },
    );
    observer.observe(form);
    return () => {
      cancelled = true;
      observer.disconnect();
    };
  }, [viewingTimes]);

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
      // The server emptied the list once its works were sent: the header's count follows.
      window.dispatchEvent(new Event(ENQUIRY_LIST_CHANGED_EVENT));
      return;
    }
    if (state.status === "invalid") {
      const first = ENQUIRY_FIELDS.find((field) => state.fieldErrors[field]?.length);
      const target = first ? formRef.current?.querySelector<HTMLElement>(`[data-field="${first}"]`) : null;
      target?.focus();
    }
  }, [state]);

  /** With JavaScript: the same post as a fetch, answered with the form's state (the server judges every field). */
  function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(async () => {
      let next: EnquiryFormState;
      try {
        const response = await fetch(ENQUIRY_ENDPOINT, { method: "POST", body: formData, headers: { Accept: "application/json" } });
        if (response.ok) {
          next = (await response.json()) as EnquiryFormState;
        } else {
          // The endpoint says why it refused (too large, not from this site) where it can.
          const refusal = (await response.json().catch(() => null)) as { error?: string } | null;
          next = refusal?.error ? { ...unreachable(formData), message: `${refusal.error} Nothing was sent.` } : unreachable(formData);
        }
      } catch {
        next = unreachable(formData);
      }
      setSentState(next);
    });
  }

  const errorOf = (field: EnquiryField) => state.fieldErrors[field]?.[0];
  const statusMessage = state.status === "idle" ? "" : state.message;
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
        <EnquiryConfirmation reference={state.reference!} acknowledged={Boolean(state.acknowledged)} />
      </div>
    );
  }

  return (
    <form ref={formRef} action={pageAction} onSubmit={send} noValidate aria-labelledby={headingId} className="space-y-5">
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
      {listedWorks.length > 0 && (
        <p className="font-sans text-sm">
          About: <strong>the {listedWorks.length === 1 ? "work" : `${listedWorks.length} works`} on your list</strong>
        </p>
      )}
      {listedWorks.map((work) => (
        <input key={work.id} type="hidden" name="listedWorks" value={work.id} />
      ))}
      {errorOf("listedWorks") && <p className="field-error">{errorOf("listedWorks")}</p>}
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

      {offer && (
        <>
          <input type="hidden" name="offerCurrency" value={offer.currency} />
          <Field
            id={id("offerAmount")}
            name="offerAmount"
            label={`Your offer (${offer.currency})`}
            defaultValue={values.offerAmount}
            error={errorOf("offerAmount")}
            hint={`The asking price is ${offer.asking}. The gallery considers offers from ${offer.floor}.`}
            autoComplete="off"
            required
          />
        </>
      )}

      {!offer && (
        <fieldset aria-describedby={errorOf("questions") ? id("questions-error") : undefined}>
          <legend className="field-label">
            {aboutWorks ? "I would like to know about (optional)" : "Your question is about (optional)"}
          </legend>
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
      )}
      {!offer && (
        <Field
          id={id("shippingCountry")}
          name="shippingCountry"
          label="Country for shipping (if you ticked shipping)"
          autoComplete="country-name"
          maxLength={ENQUIRY_LIMITS.country}
          defaultValue={values.shippingCountry}
          error={errorOf("shippingCountry")}
        />
      )}

      {viewingTimes !== undefined && !offer && (
        <ViewingTimePicker
          id={id("viewingSlot")}
          days={offeredTimes}
          pending={hydrated && viewingTimes === "fetch"}
          unavailable={timesUnavailable}
          defaultValue={values.viewingSlot}
          error={errorOf("viewingSlot")}
          noScriptHref={artwork ? `/enquire?work=${artwork.slug}#viewing` : null}
        />
      )}

      <Field
        id={id("message")}
        name="message"
        label={offer ? "Your message (optional)" : `Your message${aboutWorks ? " (optional if you ticked a question)" : ""}`}
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

      <button type="submit" formAction={ENQUIRY_ENDPOINT} className="button-primary" disabled={isPending} aria-disabled={isPending}>
        {isPending ? "Sending…" : offer ? "Send offer" : "Send enquiry"}
      </button>
    </form>
  );
}

/**
 * "Book a viewing": the free times, grouped by day. Where the times come from the script (a work's
 * page), a browser without JavaScript is offered the enquiry page instead, which lists them.
 */
function ViewingTimePicker({
  id,
  days,
  defaultValue,
  error,
  noScriptHref,
  pending,
  unavailable,
}: {
  id: string;
  days: OfferedDay[] | null;
  /** The fetch for the times failed. */
  unavailable: boolean;
  /** The times are being fetched (scripts run, the form fetches them itself). */
  pending: boolean;
  defaultValue: string;
  error?: string;
  noScriptHref: string | null;
}) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  // Without scripts the times are on the enquiry page; with them, the field keeps its place and its height
  // while the times are fetched, and when none are open: nothing below it moves under a visitor's finger.
  if (days === null && !pending) {
    return noScriptHref ? (
      <noscript>
        <p className="font-sans text-sm">
          Would you like to see it? <a href={noScriptHref}>Choose a viewing time</a> on the enquiry page.
        </p>
      </noscript>
    ) : null;
  }
  if (days === null || days.length === 0) {
    return (
      <div id="viewing">
        <label htmlFor={id} className="field-label">
          Book a viewing (optional)
        </label>
        <p id={hintId} className="field-hint">
          {days === null && unavailable
            ? "The viewing times could not be fetched just now: tick “Arranging a viewing” and the gallery will suggest one."
            : days === null
              ? VIEWING_HINT
              : "No viewing times are open just now: tick “Arranging a viewing” and the gallery will suggest one."}
        </p>
        <select id={id} disabled className="field-input" aria-describedby={hintId} data-field="viewingSlot">
          <option value="">{days === null && !unavailable ? "Looking for free times…" : "No free times just now"}</option>
        </select>
      </div>
    );
  }
  return (
    <div id="viewing">
      <label htmlFor={id} className="field-label">
        Book a viewing (optional)
      </label>
      <p id={hintId} className="field-hint">
        {VIEWING_HINT}
      </p>
      <select
        id={id}
        name="viewingSlot"
        defaultValue={defaultValue}
        className="field-input"
        aria-describedby={[hintId, error ? errorId : null].filter(Boolean).join(" ")}
        aria-invalid={error ? true : undefined}
        data-field="viewingSlot"
      >
        <option value="">No viewing for now</option>
        {days.map((day) => (
          <optgroup key={day.day} label={day.day}>
            {day.times.map((time) => (
              <option key={time.id} value={time.id}>
                {day.day}, {time.time} ({time.placesLeft} {time.placesLeft === 1 ? "place" : "places"} left)
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
