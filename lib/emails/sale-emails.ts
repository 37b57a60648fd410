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
