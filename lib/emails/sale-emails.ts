/** The sale's emails to collectors: availability alerts (and, as the sale grows, holds, offers and invoices). */
import { emailLayout, type Gallery, type RenderedEmail } from "@/lib/emails/templates";
import { html } from "@/lib/emails/html";

type AlertWork = { label: string; url: string };

/** Sent when someone asks on a work's page to be told: nothing is kept as asked until they press the link. */
export function alertConfirmationEmail(gallery: Gallery, input: { work: AlertWork; confirmUrl: string; confirmBy: string }): RenderedEmail {
  const subject = `Confirm: tell me when ${input.work.label} is available`;
  const text = [
    `Someone (we hope you) asked ${gallery.name} to email this address if ${input.work.label} becomes available again.`,
    "",
    `To confirm, open this link by ${input.confirmBy}:`,
    input.confirmUrl,
    "",
    "If it was not you, ignore this email: nothing more will be sent.",
  ].join("\n");
  const body = html`<p>
      Someone (we hope you) asked ${gallery.name} to email this address if <strong>${input.work.label}</strong> becomes available again.
    </p>
    <p><a href="${input.confirmUrl}" style="color:#7b2a1c;font-weight:bold">Confirm</a> by ${input.confirmBy}.</p>
    <p style="color:#55514a">If it was not you, ignore this email: nothing more will be sent.</p>`;
  return { subject, text, html: emailLayout(gallery, body) };
}

/** The one email an alert sends: the work can be had again. */
export function availableAgainEmail(gallery: Gallery, input: { name: string; work: AlertWork; unsubscribeUrl: string }): RenderedEmail {
  const greeting = input.name ? `Dear ${input.name},` : "Hello,";
  const subject = `${input.work.label} is available again`;
  const text = [
    greeting,
    "",
    `You asked us to tell you: ${input.work.label} is available again.`,
    "",
    input.work.url,
    "",
    "Reply to this email, or enquire on its page, if you would like it. This is the only email we send about it.",
    "",
    `No more emails of this kind: ${input.unsubscribeUrl}`,
    "",
    gallery.name,
  ].join("\n");
  const body = html`<p>${greeting}</p>
    <p>You asked us to tell you: <strong>${input.work.label}</strong> is available again.</p>
    <p><a href="${input.work.url}" style="color:#7b2a1c;font-weight:bold">See the work</a></p>
    <p>Reply to this email, or enquire on its page, if you would like it. This is the only email we send about it.</p>
    <p style="color:#55514a;font-size:13px"><a href="${input.unsubscribeUrl}" style="color:#55514a">No more emails of this kind</a></p>`;
  return { subject, text, html: emailLayout(gallery, body) };
}

/** RFC 2369 and RFC 8058: a mail program's own "unsubscribe" button, one click, no page to fill in. */
export function oneClickUnsubscribeHeaders(unsubscribeUrl: string): Record<string, string> {
  return { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

type OfferFacts = { workLabel: string; amount: string; asking: string; until: string; offerUrl: string; reference: string };

/** To the collector as their offer arrives: what they offered, until when it stands, and the offer's own page. */
export function offerReceivedEmail(gallery: Gallery, offer: OfferFacts): RenderedEmail {
  const subject = `Your offer on ${offer.workLabel} (${offer.reference})`;
  const text = [
    `Thank you: ${gallery.name} has your offer of ${offer.amount} for ${offer.workLabel} (asking price ${offer.asking}).`,
    "",
    `It stands until ${offer.until}. The gallery will accept it, decline it or make a counter-offer, and tell you by email; you can also see where it stands here:`,
    offer.offerUrl,
    "",
    `Reference ${offer.reference}.`,
    "",
    gallery.name,
  ].join("\n");
  const body = html`<p>
      Thank you: ${gallery.name} has your offer of <strong>${offer.amount}</strong> for <strong>${offer.workLabel}</strong> (asking price
      ${offer.asking}).
    </p>
    <p>It stands until ${offer.until}. The gallery will accept it, decline it or make a counter-offer, and tell you by email.</p>
    <p><a href="${offer.offerUrl}" style="color:#7b2a1c;font-weight:bold">See where your offer stands</a></p>
    <p style="color:#55514a">Reference ${offer.reference}.</p>`;
  return { subject, text, html: emailLayout(gallery, body) };
}

export type OfferAnswer =
  | { kind: "accepted"; price: string; heldUntil: string }
  | { kind: "countered"; counter: string; until: string }
  | { kind: "declined" }
  | { kind: "lapsed" };

/** To the collector: the gallery's answer (or the offer's lapse), with the offer's page. */
export function offerAnswerEmail(gallery: Gallery, offer: Omit<OfferFacts, "until" | "asking">, answer: OfferAnswer): RenderedEmail {
  const subjects: Record<OfferAnswer["kind"], string> = {
    accepted: `Offer accepted: ${offer.workLabel}`,
    countered: `A counter-offer on ${offer.workLabel}`,
    declined: `Your offer on ${offer.workLabel}`,
    lapsed: `Your offer on ${offer.workLabel} has lapsed`,
  };
  const sentences: string[] = (() => {
    switch (answer.kind) {
      case "accepted":
        return [
          `${gallery.name} accepts ${answer.price} for ${offer.workLabel}.`,
          `The work is reserved for you until ${answer.heldUntil}. The invoice, with the gallery's bank details, follows by email.`,
        ];
      case "countered":
        return [
          `${gallery.name} thanks you for your offer of ${offer.amount} for ${offer.workLabel} and can sell it to you for ${answer.counter}.`,
          `This stands until ${answer.until}. Accept or decline it on your offer's page:`,
        ];
      case "declined":
        return [
          `${gallery.name} thanks you for your offer of ${offer.amount} for ${offer.workLabel}, but cannot accept it.`,
          "Reply to this email if you would like to talk about the price.",
        ];
      case "lapsed":
        return [
          `Your offer of ${offer.amount} for ${offer.workLabel} has lapsed without an answer being agreed.`,
          "Reply to this email if you are still interested.",
        ];
    }
  })();
  const text = [...sentences, "", offer.offerUrl, "", `Reference ${offer.reference}.`, "", gallery.name].join("\n");
  const body = html`${sentences.map((sentence) => html`<p>${sentence}</p>`)}
    <p>
      <a href="${offer.offerUrl}" style="color:#7b2a1c;font-weight:bold"
        >${answer.kind === "countered" ? "Accept or decline" : "See your offer"}</a
      >
    </p>
    <p style="color:#55514a">Reference ${offer.reference}.</p>`;
  return { subject: subjects[answer.kind], text, html: emailLayout(gallery, body) };
}

/** To the gallery: the collector answered a counter-offer from their offer's page. */
export function counterAnsweredNotice(
  gallery: Gallery,
  input: { reference: string; workLabel: string; counter: string; accepted: boolean; staffUrl: string },
): RenderedEmail {
  const verdict = input.accepted ? "accepted" : "declined";
  const subject = `Counter-offer ${verdict}: ${input.workLabel} (${input.reference})`;
  const next = input.accepted
    ? "The work is reserved for them, and a draft invoice waits for you to issue."
    : "The enquiry is open for you to answer.";
  const text = [`The collector ${verdict} your counter-offer of ${input.counter} for ${input.workLabel}. ${next}`, "", input.staffUrl].join(
    "\n",
  );
  const body = html`<p>The collector ${verdict} your counter-offer of <strong>${input.counter}</strong> for ${input.workLabel}. ${next}</p>
    <p><a href="${input.staffUrl}" style="color:#7b2a1c">See the enquiry</a></p>`;
  return { subject, text, html: emailLayout(gallery, body) };
}

/** To someone who asked on a work's page to reserve it: nothing counts until they confirm. */
export function reserveConfirmationEmail(
  gallery: Gallery,
  input: { workLabel: string; hours: number; confirmUrl: string; confirmBy: string },
): RenderedEmail {
  const subject = `Confirm: reserve ${input.workLabel} for ${input.hours} hours`;
  const text = [
    `Someone (we hope you) asked ${gallery.name} to reserve ${input.workLabel} for ${input.hours} hours.`,
    "",
    `To confirm the request, open this link by ${input.confirmBy}:`,
    input.confirmUrl,
    "",
    "If it was not you, ignore this email: nothing is reserved unless the link is used.",
  ].join("\n");
  const body = html`<p>
      Someone (we hope you) asked ${gallery.name} to reserve <strong>${input.workLabel}</strong> for ${input.hours} hours.
    </p>
    <p><a href="${input.confirmUrl}" style="color:#7b2a1c;font-weight:bold">Confirm the request</a> by ${input.confirmBy}.</p>
    <p style="color:#55514a">If it was not you, ignore this email: nothing is reserved unless the link is used.</p>`;
  return { subject, text, html: emailLayout(gallery, body) };
}

/** To the collector: their request to reserve was answered (or they already have one open). */
export function reserveAnswerEmail(
  gallery: Gallery,
  input: { workLabel: string; workUrl: string },
  answer: { kind: "granted"; until: string } | { kind: "declined" } | { kind: "already_open"; openFor: string },
): RenderedEmail {
  const subjects = {
    granted: `Reserved for you: ${input.workLabel}`,
    declined: `Your request to reserve ${input.workLabel}`,
    already_open: `You have a reservation request open already`,
  } as const;
  const sentences =
    answer.kind === "granted"
      ? [
          `${input.workLabel} is reserved for you until ${answer.until}.`,
          "Reply to this email to buy it, to make an offer or to ask anything; after that time it is offered to others again.",
        ]
      : answer.kind === "declined"
        ? [`${gallery.name} cannot reserve ${input.workLabel} for you just now.`, "Reply to this email if you would like to talk about it."]
        : [
            `You asked to reserve ${input.workLabel}, but your request for ${answer.openFor} is still open: one request is kept at a time.`,
            "When the gallery has answered it, or it has lapsed, you can ask again.",
          ];
  const text = [...sentences, "", input.workUrl, "", gallery.name].join("\n");
  const body = html`${sentences.map((sentence) => html`<p>${sentence}</p>`)}
    <p><a href="${input.workUrl}" style="color:#7b2a1c">See the work</a></p>`;
  return { subject: subjects[answer.kind], text, html: emailLayout(gallery, body) };
}

/** To the gallery: a confirmed request to reserve waits for staff. */
export function reserveRequestNotice(
  gallery: Gallery,
  input: { name: string; email: string; workLabel: string; staffUrl: string },
): RenderedEmail {
  const subject = `Asked to reserve: ${input.workLabel}`;
  const text = [
    `${input.name} (${input.email}) asks to reserve ${input.workLabel}. Grant or decline it on the work's page:`,
    input.staffUrl,
  ].join("\n");
  const body = html`<p>${input.name} (${input.email}) asks to reserve <strong>${input.workLabel}</strong>.</p>
    <p><a href="${input.staffUrl}" style="color:#7b2a1c">Grant or decline it</a></p>`;
  return { subject, text, html: emailLayout(gallery, body) };
}

/** To the buyer, with the PDF attached: an invoice (its total and due day) or the credit note that cancels one. */
export function invoiceEmail(
  gallery: Gallery,
  input: { buyerName: string; number: string; total: string; dueOn: string | null; cancels: string | null },
): RenderedEmail {
  const title = input.cancels ? "Credit note" : "Invoice";
  const sentence = input.cancels
    ? `Attached is credit note ${input.number}, which cancels invoice ${input.cancels} in full.`
    : `Attached is invoice ${input.number} from ${gallery.name}, for ${input.total}, due by ${input.dueOn ?? ""}. The bank details are on the invoice; please quote its number with your payment.`;
  const text = [`Dear ${input.buyerName},`, "", sentence, "", "With best wishes,", gallery.name].join("\n");
  const body = html`<p>Dear ${input.buyerName},</p>
    <p>${sentence}</p>
    <p>With best wishes,<br />${gallery.name}</p>`;
  return { subject: `${title} ${input.number} from ${gallery.name}`, text, html: emailLayout(gallery, body) };
}
