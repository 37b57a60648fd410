/** The emails of "Tell me about new works like this": the confirmation, and the day's new works. */
import { emailLayout, type Gallery, type RenderedEmail } from "@/lib/emails/templates";
import { html } from "@/lib/emails/html";

/** "Dear Anna," or "Hello,": the greeting of an email to someone who may not have given a name. */
export function greetingFor(name: string): string {
  return name ? `Dear ${name},` : "Hello,";
}

export function newWorkAlertConfirmationEmail(
  gallery: Gallery,
  input: { what: string; confirmUrl: string; confirmBy: string },
): RenderedEmail {
  const subject = `Confirm: ${input.what.charAt(0).toLowerCase()}${input.what.slice(1)}`;
  const text = [
    `Someone (we hope you) asked ${gallery.name} to email this address about: ${input.what}.`,
    "At most one email a day, only when there is something new, and you can stop it from any of them.",
    "",
    `To confirm, open this link by ${input.confirmBy}:`,
    input.confirmUrl,
    "",
    "If it was not you, ignore this email: nothing more will be sent.",
  ].join("\n");
  const body = html`<p>Someone (we hope you) asked ${gallery.name} to email this address about: <strong>${input.what}</strong>.</p>
    <p>At most one email a day, only when there is something new, and you can stop it from any of them.</p>
    <p><a href="${input.confirmUrl}" style="color:#7b2a1c;font-weight:bold">Confirm</a> by ${input.confirmBy}.</p>
    <p style="color:#55514a">If it was not you, ignore this email: nothing more will be sent.</p>`;
  return { subject, text, html: emailLayout(gallery, body) };
}

export type NewWorkLine = { label: string; details: string; url: string; photographUrl: string | null; photographAlt: string };

/** The most works one email lists; the rest are counted, with a link to the gallery's site. */
export const MOST_WORKS_PER_EMAIL = 12;

/**
 * The day's email. `greeting` and `unsubscribeUrl` may be markers, replaced per subscriber: alerts that
 * ask the same thing share one rendering (10,000 subscribers are not 10,000 renderings of the same list).
 */
export function newWorksEmail(
  gallery: Gallery,
  input: { greeting: string; what: string; works: NewWorkLine[]; unsubscribeUrl: string },
): RenderedEmail {
  const greeting = input.greeting;
  const count = input.works.length === 1 ? "A new work" : `${input.works.length} new works`;
  const listed = input.works.slice(0, MOST_WORKS_PER_EMAIL);
  const more = input.works.length - listed.length;
  const subject = `${count} at ${gallery.name}: ${input.what.charAt(0).toLowerCase()}${input.what.slice(1)}`;
  const text = [
    greeting,
    "",
    `${count} you asked to hear about (${input.what}):`,
    "",
    ...listed.flatMap((work) => [`${work.label}: ${work.details}`, work.url, ""]),
    ...(more > 0 ? [`…and ${more} more on the gallery's site: ${gallery.siteUrl}`, ""] : []),
    "Reply to this email, or enquire on a work's page, about any of them.",
    "",
    `No more of these emails: ${input.unsubscribeUrl}`,
    "",
    gallery.name,
  ].join("\n");
  const body = html`<p>${greeting}</p>
    <p>${count} you asked to hear about (${input.what}):</p>
    ${listed.map(
      (work) =>
        html`<div style="margin:0 0 20px">
          ${
            work.photographUrl
              ? html`<a href="${work.url}"
                  ><img
                    src="${work.photographUrl}"
                    alt="${work.photographAlt}"
                    width="240"
                    style="display:block;max-width:100%;height:auto;margin:0 0 6px"
                /></a>`
              : ""
          }
          <a href="${work.url}" style="color:#7b2a1c;font-weight:bold">${work.label}</a><br />
          <span style="color:#55514a">${work.details}</span>
        </div>`,
    )}
    ${more > 0 ? html`<p><a href="${gallery.siteUrl}" style="color:#7b2a1c">…and ${more} more on the gallery's site</a></p>` : ""}
    <p>Reply to this email, or enquire on a work's page, about any of them.</p>
    <p style="color:#55514a;font-size:13px"><a href="${input.unsubscribeUrl}" style="color:#55514a">No more of these emails</a></p>`;
  return { subject, text, html: emailLayout(gallery, body) };
}
