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
  /** Every work the enquiry names, as the collector saw it (none for a general question). */
  works: ArtworkSnapshot[];
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

/** "42 Second Retreat from Russia", or "42 Second Retreat from Russia and 2 other works". */
function worksInBrief(works: ArtworkSnapshot[]): string {
  const [first, ...others] = works;
  if (!first) return "";
  return others.length === 0 ? workLine(first) : `${workLine(first)} and ${others.length} other work${others.length === 1 ? "" : "s"}`;
}

function workUrl(gallery: Gallery, work: ArtworkSnapshot): string {
  return `${gallery.siteUrl}/works/${work.slug}`;
}

/** One work's snapshot as lines of text: number and title, medium, each size in both units, availability and price. */
function workTextLines(gallery: Gallery, work: ArtworkSnapshot, indent: string): string[] {
  return [
    `${indent}${workLine(work)} — ${work.medium}`,
    ...work.sizes.map((size) => `${indent}  ${size}`),
    `${indent}  ${work.availability} · ${work.price}`,
    `${indent}  ${workUrl(gallery, work)}`,
  ];
}

function workHtml(gallery: Gallery, work: ArtworkSnapshot): SafeHtml {
  return html`<a href="${workUrl(gallery, work)}" style="color:#7b2a1c">${workLine(work)}</a> — ${work.medium}<br />${work.sizes.map(
      (size) => html`${size}<br />`,
    )}${work.availability}
    · ${work.price}`;
}

function questionLines(input: GalleryNotificationInput): string[] {
  return input.questions.map((question) =>
    question === "shipping" && input.shippingCountry
      ? `${ENQUIRY_QUESTION_LABELS[question]} (${input.shippingCountry})`
      : ENQUIRY_QUESTION_LABELS[question],
  );
}

export function galleryNotification(gallery: Gallery, input: GalleryNotificationInput): RenderedEmail {
  const { works } = input;
  const about = works.length > 0 ? worksInBrief(works) : "a general question";
  const flagged = input.flagReasons.length > 0 ? "[Possible spam] " : "";
  const subject = `${flagged}Enquiry ${input.reference}: ${about}`;
  const questions = questionLines(input);
  const several = works.length > 1;

  const text = [
    input.flagReasons.length > 0 ? `This enquiry was flagged as possible spam: ${input.flagReasons.join("; ")}.\n` : null,
    works.length === 0
      ? "A visitor has sent a general question."
      : several
        ? `A collector has asked about ${works.length} works from their enquiry list.`
        : `A collector has asked about ${workLine(works[0]!)}.`,
    "",
    `Name:  ${input.name}`,
    `Email: ${input.email}`,
    input.phone ? `Phone: ${input.phone}` : null,
    questions.length > 0 ? `They would like to know about: ${questions.join("; ")}` : null,
    "",
    "Message:",
    input.message || "(no message: see the questions above)",
    "",
    ...(works.length > 0
      ? [
          several ? "The works as they saw them:" : "The work as they saw it:",
          ...works.flatMap((work, index) => [...workTextLines(gallery, work, several ? `${index + 1}. ` : "  "), ""]),
        ]
      : []),
    `Reference: ${input.reference}`,
    "Reply to this email to answer them directly.",
  ]
    .filter((line): line is string => line !== null)
    .join("\n");

  const body = html` ${input.flagReasons.length > 0 ? html`<p style="padding:8px 12px;background:#fdecea;border-left:4px solid #9b1c1c">Flagged as possible spam: ${input.flagReasons.join("; ")}.</p>` : ""}
    <h1 style="font-size:22px;margin:0 0 12px">
      ${works.length === 0 ? "A general enquiry" : several ? html`Enquiry about ${works.length} works` : html`Enquiry about ${workLine(works[0]!)}`}
    </h1>
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
      works.length === 0
        ? ""
        : several
          ? html`<p><strong>The works as they saw them</strong></p>
              <ol>
                ${works.map((work) => html`<li style="margin-bottom:8px">${workHtml(gallery, work)}</li>`)}
              </ol>`
          : html`<p><strong>The work as they saw it</strong><br />${workHtml(gallery, works[0]!)}</p>`
    }
    <p style="color:#55514a">Reference ${input.reference}. Reply to this email to answer them directly.</p>`;

  return { subject, text, html: layout(gallery, body) };
}

/**
 * The collector's acknowledgement. It repeats nothing the sender typed — not the message and not
 * the name — so the form cannot be used to send someone else a message of the sender's choosing.
 */
export function collectorAcknowledgement(gallery: Gallery, input: { reference: string; works: ArtworkSnapshot[] }): RenderedEmail {
  const about = input.works.length > 0 ? `your enquiry about ${worksInBrief(input.works)}` : "your enquiry";
  const subject = `We have received ${about} (${input.reference})`;
  const text = [
    "Thank you for writing to us.",
    "",
    `We have received ${about}, and a member of the gallery will reply personally, usually within two working days.`,
    "",
    ...(input.works.length > 1 ? ["The works you asked about:", ...input.works.map((work) => `  ${workLine(work)}`), ""] : []),
    `Your reference is ${input.reference}. Please quote it if you write to us about this enquiry.`,
    "",
    `If you did not send this enquiry, you can ignore this email: we will not write to you again about it.`,
    "",
    gallery.name,
    gallery.siteUrl,
  ].join("\n");
  const body = html` <h1 style="font-size:22px;margin:0 0 12px">Thank you for writing to us</h1>
    <p>We have received ${about}, and a member of the gallery will reply personally, usually within two working days.</p>
    ${
      input.works.length > 1
        ? html`<p>The works you asked about:</p>
            <ul>
              ${input.works.map((work) => html`<li><a href="${workUrl(gallery, work)}" style="color:#7b2a1c">${workLine(work)}</a></li>`)}
            </ul>`
        : ""
    }
    <p>Your reference is <strong>${input.reference}</strong>. Please quote it if you write to us about this enquiry.</p>
    <p style="color:#55514a">If you did not send this enquiry, you can ignore this email: we will not write to you again about it.</p>`;
  return { subject, text, html: layout(gallery, body) };
}
