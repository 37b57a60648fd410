/** The enquiry emails. Text and HTML say the same thing; every value from a collector is escaped. */
import { ENQUIRY_QUESTION_LABELS, type EnquiryQuestion } from "@/lib/enquiries/vocabulary";
import type { ArtworkSnapshot } from "@/lib/enquiries/snapshot";
import { html, multiline, type SafeHtml } from "./html";
import { workLabel } from "@/lib/catalogue/describe";

export type RenderedEmail = { subject: string; text: string; html: string };

type Gallery = { name: string; siteUrl: string };

export type GalleryNotificationInput = {
  reference: string;
  name: string;
  email: string;
  phone?: string | null;
  message: string;
  questions: EnquiryQuestion[];
  shippingCountry?: string | null;
  artwork: ArtworkSnapshot | null;
  flagReasons: string[];
};

function layout(gallery: Gallery, body: SafeHtml): string {
  return html`<!doctype html>
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width" />
        <title>${gallery.name}</title>
      </head>
      <body
        style="margin:0;padding:24px;background:#faf8f4;color:#1d1c1a;font-family:Georgia,'Times New Roman',serif;font-size:16px;line-height:1.5"
      >
        <div style="max-width:600px;margin:0 auto;background:#ffffff;padding:24px;border:1px solid #d9d3c7">
          ${body}
          <p style="margin-top:32px;color:#55514a;font-size:13px">
            ${gallery.name} · <a href="${gallery.siteUrl}" style="color:#7b2a1c">${gallery.siteUrl}</a>
          </p>
        </div>
      </body>
    </html>`.value;
}

function workLine(work: ArtworkSnapshot): string {
  return workLabel(work);
}

function questionLines(input: GalleryNotificationInput): string[] {
  return input.questions.map((question) =>
    question === "shipping" && input.shippingCountry
      ? `${ENQUIRY_QUESTION_LABELS[question]} (${input.shippingCountry})`
      : ENQUIRY_QUESTION_LABELS[question],
  );
}

export function galleryNotification(gallery: Gallery, input: GalleryNotificationInput): RenderedEmail {
  const about = input.artwork ? workLine(input.artwork) : "a general question";
  const flagged = input.flagReasons.length > 0 ? "[Possible spam] " : "";
  const subject = `${flagged}Enquiry ${input.reference}: ${about}`;
  const workUrl = input.artwork ? `${gallery.siteUrl}/works/${input.artwork.slug}` : null;
  const questions = questionLines(input);

  const text = [
    input.flagReasons.length > 0 ? `This enquiry was flagged as possible spam: ${input.flagReasons.join("; ")}.\n` : null,
    input.artwork ? `A collector has asked about ${workLine(input.artwork)}.` : "A visitor has sent a general question.",
    "",
    `Name:  ${input.name}`,
    `Email: ${input.email}`,
    input.phone ? `Phone: ${input.phone}` : null,
    questions.length > 0 ? `They would like to know about: ${questions.join("; ")}` : null,
    "",
    "Message:",
    input.message || "(no message: see the questions above)",
    "",
    ...(input.artwork && workUrl
      ? [
          "The work as they saw it:",
          `  ${workLine(input.artwork)} — ${input.artwork.medium}`,
          ...input.artwork.sizes.map((size) => `  ${size}`),
          `  ${input.artwork.availability} · ${input.artwork.price}`,
          `  ${workUrl}`,
          "",
        ]
      : []),
    `Reference: ${input.reference}`,
    "Reply to this email to answer them directly.",
  ]
    .filter((line): line is string => line !== null)
    .join("\n");

  const body = html` ${input.flagReasons.length > 0 ? html`<p style="padding:8px 12px;background:#fdecea;border-left:4px solid #9b1c1c">Flagged as possible spam: ${input.flagReasons.join("; ")}.</p>` : ""}
    <h1 style="font-size:22px;margin:0 0 12px">${input.artwork ? html`Enquiry about ${workLine(input.artwork)}` : "A general enquiry"}</h1>
    <table role="presentation" style="border-collapse:collapse;margin:12px 0">
      <tr>
        <td style="padding:2px 16px 2px 0;color:#55514a">Name</td>
        <td>${input.name}</td>
      </tr>
      <tr>
        <td style="padding:2px 16px 2px 0;color:#55514a">Email</td>
        <td>${input.email}</td>
      </tr>
      ${
        input.phone
          ? html`<tr>
              <td style="padding:2px 16px 2px 0;color:#55514a">Phone</td>
              <td>${input.phone}</td>
            </tr>`
          : ""
      }
    </table>
    ${
      questions.length > 0
        ? html`<p><strong>They would like to know about:</strong></p>
            <ul>
              ${questions.map((question) => html`<li>${question}</li>`)}
            </ul>`
        : ""
    }
    <p><strong>Message</strong></p>
    <p style="white-space:normal;padding:12px;background:#faf8f4">
      ${input.message ? multiline(input.message) : "(no message: see the questions above)"}
    </p>
    ${
      input.artwork && workUrl
        ? html`<p>
            <strong>The work as they saw it</strong><br /><a href="${workUrl}" style="color:#7b2a1c">${workLine(input.artwork)}</a> —
            ${input.artwork.medium}<br />${input.artwork.sizes.map((size) => html`${size}<br />`)}${input.artwork.availability} ·
            ${input.artwork.price}
          </p>`
        : ""
    }
    <p style="color:#55514a">Reference ${input.reference}. Reply to this email to answer them directly.</p>`;

  return { subject, text, html: layout(gallery, body) };
}

/**
 * The collector's acknowledgement. It repeats nothing the sender typed — not the message and not
 * the name — so the form cannot be used to send someone else a message of the sender's choosing.
 */
export function collectorAcknowledgement(gallery: Gallery, input: { reference: string; artwork: ArtworkSnapshot | null }): RenderedEmail {
  const about = input.artwork ? `your enquiry about ${workLine(input.artwork)}` : "your enquiry";
  const subject = `We have received ${about} (${input.reference})`;
  const text = [
    "Thank you for writing to us.",
    "",
    `We have received ${about}, and a member of the gallery will reply personally, usually within two working days.`,
    "",
    `Your reference is ${input.reference}. Please quote it if you write to us about this enquiry.`,
    "",
    `If you did not send this enquiry, you can ignore this email: we will not write to you again about it.`,
    "",
    gallery.name,
    gallery.siteUrl,
  ].join("\n");
  const body = html` <h1 style="font-size:22px;margin:0 0 12px">Thank you for writing to us</h1>
    <p>We have received ${about}, and a member of the gallery will reply personally, usually within two working days.</p>
    <p>Your reference is <strong>${input.reference}</strong>. Please quote it if you write to us about this enquiry.</p>
    <p style="color:#55514a">If you did not send this enquiry, you can ignore this email: we will not write to you again about it.</p>`;
  return { subject, text, html: layout(gallery, body) };
}
