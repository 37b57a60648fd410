/** The enquiry emails. Text and HTML say the same thing; every value from a collector is escaped. */
import { ENQUIRY_QUESTION_LABELS, type EnquiryQuestion } from "@/lib/enquiries/vocabulary";
import type { ArtworkSnapshot } from "@/lib/enquiries/snapshot";
import { html, multiline, type SafeHtml } from "@/lib/emails/html";
import { workLabel, worksInBrief } from "@/lib/catalogue/describe";

export type RenderedEmail = { subject: string; text: string; html: string };

export type Gallery = { name: string; siteUrl: string };

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
  /** The viewing time booked with the enquiry, in the gallery's words ("Tuesday 1 December 2026, 11:00–12:00"). */
  viewing?: string | null;
  /** An offer made with it, in words ("£3,200 (asking £3,750), standing until …"). */
  offer?: string | null;
  flagReasons: string[];
};

/** Every email's HTML frame: the gallery's name and address beneath the body. */
export function emailLayout(gallery: Gallery, body: SafeHtml): string {
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

function workLine(work: { catalogueNumber: string; title: string }): string {
  return workLabel(work);
}

/** "42 Second Retreat from Russia", or "42 Second Retreat from Russia and 2 other works". */
function worksInBriefOf(works: ArtworkSnapshot[]): string {
  const [first] = works;
  return first ? worksInBrief(first, works.length) : "";
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
  const about = works.length > 0 ? worksInBriefOf(works) : "a general question";
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
    input.viewing ? `Viewing booked: ${input.viewing}` : null,
    input.offer ? `Offer: ${input.offer}. Accept, counter or decline it on the enquiry's page.` : null,
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
    ${input.viewing ? html`<p><strong>Viewing booked:</strong> ${input.viewing}</p>` : ""}
    ${input.offer ? html`<p><strong>Offer:</strong> ${input.offer}. Accept, counter or decline it on the enquiry&rsquo;s page.</p>` : ""}
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

  return { subject, text, html: emailLayout(gallery, body) };
}

/** "26 November 2028", as the gallery writes dates. */
function longDate(date: Date): string {
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

/** An available work offered instead of one the collector cannot have. */
export type SuggestedWork = { slug: string; catalogueNumber: string; title: string; medium: string; size: string | null; price: string };

/** A work as the acknowledgement names it: with, when it is not available, what it is and what else there is. */
export type AcknowledgedWork = {
  work: ArtworkSnapshot;
  availability: "available" | "reserved" | "sold" | "private_collection";
  alternatives: SuggestedWork[];
};

/** The plain sentence about a work the collector cannot simply buy; nothing for one that is available. */
function availabilitySentence({ work, availability }: AcknowledgedWork): string | null {
  const label = workLine(work);
  switch (availability) {
    case "available":
      return null;
    case "sold":
      return `${label} has been sold, so it is no longer available.`;
    case "reserved":
      return `${label} is reserved for another collector at the moment. If it becomes available again, we will tell you.`;
    case "private_collection":
      return `${label} is in a private collection and is not for sale; we are still glad to tell you more about it.`;
  }
}

function suggestionText(gallery: Gallery, work: SuggestedWork): string[] {
  return [
    `  ${workLine(work)} — ${[work.medium, work.size, work.price].filter(Boolean).join(" · ")}`,
    `  ${gallery.siteUrl}/works/${work.slug}`,
  ];
}

/**
 * The collector's acknowledgement. It repeats nothing the sender typed — not the message and not
 * the name — so the form cannot be used to send someone else a message of the sender's choosing.
 * It is honest about what was asked: a work that is sold, reserved or in a private collection is
 * said to be so at once, with up to three available works close to it.
 */
export function collectorAcknowledgement(
  gallery: Gallery,
  input: { reference: string; works: AcknowledgedWork[]; follow?: { url: string; expiresAt: Date } },
): RenderedEmail {
  const snapshots = input.works.map((entry) => entry.work);
  const about = snapshots.length > 0 ? `your enquiry about ${worksInBriefOf(snapshots)}` : "your enquiry";
  const subject = `We have received ${about} (${input.reference})`;
  const notAvailable = input.works.filter((entry) => entry.availability !== "available");

  const text = [
    "Thank you for writing to us.",
    "",
    `We have received ${about}, and a member of the gallery will reply personally, usually within two working days.`,
    "",
    ...(snapshots.length > 1 ? ["The works you asked about:", ...snapshots.map((work) => `  ${workLine(work)}`), ""] : []),
    ...notAvailable.flatMap((entry) => [
      availabilitySentence(entry)!,
      ...(entry.alternatives.length > 0
        ? [
            entry.alternatives.length === 1 ? "An available work close to it:" : "Available works close to it:",
            ...entry.alternatives.flatMap((work) => suggestionText(gallery, work)),
          ]
        : []),
      "",
    ]),
    `Your reference is ${input.reference}. Please quote it if you write to us about this enquiry.`,
    "",
    ...(input.follow
      ? [
          "Follow your enquiry: see where it stands and the gallery's replies, add a message, or ask us to erase your details:",
          input.follow.url,
          `This link is private to you (anyone who has it can see this enquiry); it works until ${longDate(input.follow.expiresAt)}.`,
          "",
        ]
      : []),
    `If you did not send this enquiry, you can ignore this email: we will not write to you again about it.`,
    "",
    gallery.name,
    gallery.siteUrl,
  ].join("\n");
  const body = html` <h1 style="font-size:22px;margin:0 0 12px">Thank you for writing to us</h1>
    <p>We have received ${about}, and a member of the gallery will reply personally, usually within two working days.</p>
    ${
      snapshots.length > 1
        ? html`<p>The works you asked about:</p>
            <ul>
              ${snapshots.map((work) => html`<li><a href="${workUrl(gallery, work)}" style="color:#7b2a1c">${workLine(work)}</a></li>`)}
            </ul>`
        : ""
    }
    ${notAvailable.map(
      (entry) =>
        html`<p style="padding:8px 12px;background:#faf8f4;border-left:4px solid #7b2a1c">${availabilitySentence(entry)!}</p>
          ${
            entry.alternatives.length > 0
              ? html`<p>${entry.alternatives.length === 1 ? "An available work close to it:" : "Available works close to it:"}</p>
                  <ul>
                    ${entry.alternatives.map(
                      (work) =>
                        html`<li>
                          <a href="${gallery.siteUrl}/works/${work.slug}" style="color:#7b2a1c">${workLine(work)}</a> —
                          ${[work.medium, work.size, work.price].filter(Boolean).join(" · ")}
                        </li>`,
                    )}
                  </ul>`
              : ""
          }`,
    )}
    <p>Your reference is <strong>${input.reference}</strong>. Please quote it if you write to us about this enquiry.</p>
    ${
      input.follow
        ? html`<p>
              <a href="${input.follow.url}" style="color:#7b2a1c;font-weight:bold">Follow your enquiry</a>: see where it stands and the
              gallery's replies, add a message, or ask us to erase your details.
            </p>
            <p style="color:#55514a;font-size:14px">
              This link is private to you (anyone who has it can see this enquiry); it works until ${longDate(input.follow.expiresAt)}.
            </p>`
        : ""
    }
    <p style="color:#55514a">If you did not send this enquiry, you can ignore this email: we will not write to you again about it.</p>`;
  return { subject, text, html: emailLayout(gallery, body) };
}

/** To the gallery: the collector added a message to their enquiry from the follow page. */
export function collectorFollowUpNotification(
  gallery: Gallery,
  input: { reference: string; name: string; email: string; body: string; works: ArtworkSnapshot[]; staffUrl: string },
): RenderedEmail {
  const about = input.works.length > 0 ? `: ${worksInBriefOf(input.works)}` : "";
  const subject = `Follow-up on ${input.reference}${about}`;
  const text = [
    `${input.name} (${input.email}) has added a message to enquiry ${input.reference}:`,
    "",
    input.body,
    "",
    `The whole enquiry: ${input.staffUrl}`,
    "Reply to this email to answer them directly.",
  ].join("\n");
  const body = html`<h1 style="font-size:22px;margin:0 0 12px">Follow-up on ${input.reference}</h1>
    <p>${input.name} (${input.email}) has added a message to their enquiry${about}:</p>
    <p style="padding:12px;background:#faf8f4">${multiline(input.body)}</p>
    <p><a href="${input.staffUrl}" style="color:#7b2a1c">See the whole enquiry</a>. Reply to this email to answer them directly.</p>`;
  return { subject, text, html: emailLayout(gallery, body) };
}

/** To the enquiry's assignee (or the gallery): the collector answered one of the enquiry's emails by email. */
export function collectorEmailReplyNotification(
  gallery: Gallery,
  input: {
    reference: string;
    name: string;
    email: string;
    body: string;
    files: string[];
    reopened: boolean;
    works: ArtworkSnapshot[];
    staffUrl: string;
  },
): RenderedEmail {
  const about = input.works.length > 0 ? `: ${worksInBriefOf(input.works)}` : "";
  const subject = `${input.name} answered on ${input.reference}${about}`;
  const files =
    input.files.length > 0 ? `With ${input.files.length === 1 ? "a file" : `${input.files.length} files`}: ${input.files.join(", ")}.` : "";
  const reopened = input.reopened ? "The enquiry was answered or closed; it is waiting for a reply again." : "";
  const text = [
    `${input.name} (${input.email}) answered enquiry ${input.reference} by email:`,
    "",
    input.body,
    "",
    ...(files ? [files] : []),
    ...(reopened ? [reopened] : []),
    `The whole conversation: ${input.staffUrl}`,
  ].join("\n");
  const body = html`<h1 style="font-size:22px;margin:0 0 12px">${input.name} answered on ${input.reference}</h1>
    <p>${input.name} (${input.email}) answered by email${about}:</p>
    <p style="padding:12px;background:#faf8f4">${multiline(input.body)}</p>
    ${files ? html`<p>${files}</p>` : ""} ${reopened ? html`<p>${reopened}</p>` : ""}
    <p><a href="${input.staffUrl}" style="color:#7b2a1c">See the whole conversation</a>.</p>`;
  return { subject, text, html: emailLayout(gallery, body) };
}

/** To a collector invited to a private viewing room: their own link, and until when it opens the room. */
export function viewingRoomInvitation(
  gallery: Gallery,
  input: { name: string; title: string; introduction: string; url: string; until: string },
): RenderedEmail {
  const greeting = input.name ? `Dear ${input.name},` : "Hello,";
  const subject = `A private viewing room for you: ${input.title}`;
  const text = [
    greeting,
    "",
    `${gallery.name} has put together a private viewing room for you: ${input.title}.`,
    ...(input.introduction ? ["", input.introduction] : []),
    "",
    `Your own link (please keep it to yourself; it opens the room until ${input.until}):`,
    input.url,
    "",
    "Reply to this email with any question.",
    "",
    gallery.name,
  ].join("\n");
  const body = html`<p>${greeting}</p>
    <p>${gallery.name} has put together a private viewing room for you: <strong>${input.title}</strong>.</p>
    ${input.introduction ? html`<p>${multiline(input.introduction)}</p>` : ""}
    <p><a href="${input.url}" style="color:#7b2a1c;font-weight:bold">Open your viewing room</a></p>
    <p style="color:#55514a">Your own link: please keep it to yourself. It opens the room until ${input.until}.</p>`;
  return { subject, text, html: emailLayout(gallery, body) };
}

/** To the gallery: a collector erased their data from the follow page. Names no person, only references. */
export function erasureNotice(gallery: Gallery, input: { references: string[] }): RenderedEmail {
  const list = input.references.join(", ");
  const subject = `Enquiries erased at the collector's request: ${list}`;
  const text = [
    `A collector used the private link of their enquiry to erase what the gallery held about them: ${list}.`,
    "Their enquiries, the emails about them and the notes on them are gone; nothing else needs doing.",
  ].join("\n");
  const body = html`<p>A collector used the private link of their enquiry to erase what the gallery held about them: ${list}.</p>
    <p>Their enquiries, the emails about them and the notes on them are gone; nothing else needs doing.</p>`;
  return { subject, text, html: emailLayout(gallery, body) };
}

/** To the collector: their viewing, with the calendar invitation attached (lib/viewings/calendar.ts) and a cancel link. */
export function viewingConfirmation(
  gallery: Gallery,
  input: { reference: string; when: string; address: string; works: ArtworkSnapshot[]; cancelUrl: string },
): RenderedEmail {
  const subject = `Your viewing at ${gallery.name}: ${input.when}`;
  const where = input.address || gallery.name;
  const text = [
    `Your viewing is booked for ${input.when}, at ${where}.`,
    "",
    ...(input.works.length > 0 ? ["The gallery will have ready:", ...input.works.map((work) => `  ${workLine(work)}`), ""] : []),
    "The invitation attached adds it to your calendar.",
    "",
    "If you cannot come, please cancel here so that someone else can have the time:",
    input.cancelUrl,
    "",
    `Reference ${input.reference}.`,
    "",
    gallery.name,
    gallery.siteUrl,
  ].join("\n");
  const body = html`<h1 style="font-size:22px;margin:0 0 12px">Your viewing is booked</h1>
    <p><strong>${input.when}</strong><br />${where}</p>
    ${
      input.works.length > 0
        ? html`<p>The gallery will have ready:</p>
            <ul>
              ${input.works.map((work) => html`<li>${workLine(work)}</li>`)}
            </ul>`
        : ""
    }
    <p>The invitation attached adds it to your calendar.</p>
    <p>
      If you cannot come, please <a href="${input.cancelUrl}" style="color:#7b2a1c">cancel the viewing</a> so that someone else can have the
      time.
    </p>
    <p style="color:#55514a">Reference ${input.reference}.</p>`;
  return { subject, text, html: emailLayout(gallery, body) };
}

/** To the gallery: a collector cancelled their viewing with the link in its email. */
export function viewingCancelledNotice(
  gallery: Gallery,
  input: { reference: string; name: string; when: string; staffUrl: string },
): RenderedEmail {
  const subject = `Viewing cancelled: ${input.when} (${input.reference})`;
  const text = [
    `${input.name} has cancelled their viewing of ${input.when} (enquiry ${input.reference}); the time is free again.`,
    "",
    input.staffUrl,
  ].join("\n");
  const body = html`<p>
      ${input.name} has cancelled their viewing of <strong>${input.when}</strong> (enquiry ${input.reference}); the time is free again.
    </p>
    <p><a href="${input.staffUrl}" style="color:#7b2a1c">See the enquiry</a></p>`;
  return { subject, text, html: emailLayout(gallery, body) };
}

/** To the collector: the gallery has cancelled their viewing (the time's place is free again). */
export function viewingCancelledByGallery(gallery: Gallery, input: { reference: string; name: string; when: string }): RenderedEmail {
  const subject = `Your viewing at ${gallery.name} on ${input.when} is cancelled`;
  const text = [
    `Dear ${input.name},`,
    "",
    `The gallery has had to cancel your viewing of ${input.when}. Please reply to this email and we will find another time.`,
    "",
    `Reference ${input.reference}.`,
    "",
    gallery.name,
    gallery.siteUrl,
  ].join("\n");
  const body = html`<p>Dear ${input.name},</p>
    <p>
      The gallery has had to cancel your viewing of <strong>${input.when}</strong>. Please reply to this email and we will find another
      time.
    </p>
    <p style="color:#55514a">Reference ${input.reference}.</p>`;
  return { subject, text, html: emailLayout(gallery, body) };
}

/** To someone an owner invites: a single-use link to set their own password, valid for 48 hours. */
export function staffInvitation(
  gallery: Gallery,
  input: { name: string; invitedBy: string; role: string; url: string; expiresAt: Date },
): RenderedEmail {
  const until = `${longDate(input.expiresAt)}, ${input.expiresAt.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" })} UTC`;
  const subject = `${input.invitedBy} invites you to ${gallery.name}'s staff area`;
  const text = [
    `Dear ${input.name},`,
    "",
    `${input.invitedBy} has invited you to ${gallery.name}'s staff area (${input.role}).`,
    "Choose your own password here; the link works once, until " + until + ":",
    input.url,
    "",
    "If you did not expect this, you can ignore it: nothing happens unless the link is used.",
  ].join("\n");
  const body = html`<p>Dear ${input.name},</p>
    <p>${input.invitedBy} has invited you to ${gallery.name}'s staff area (${input.role}).</p>
    <p><a href="${input.url}" style="color:#7b2a1c;font-weight:bold">Choose your password</a>. The link works once, until ${until}.</p>
    <p style="color:#55514a">If you did not expect this, you can ignore it: nothing happens unless the link is used.</p>`;
  return { subject, text, html: emailLayout(gallery, body) };
}

/** One waiting enquiry in the daily digest. */
export type DigestLine = {
  reference: string;
  name: string;
  /** The work or works asked about ("42 Second Retreat from Russia and 2 other works"), or "General question". */
  about: string;
  /** "Wednesday 25 November 2026, 10:00" in the gallery's clock. */
  replyBy: string;
  /** "1 day 2 h late" or "due in 3 h". */
  state: string;
  /** Who it is assigned to, if anyone. */
  assignee: string | null;
  url: string;
};

export type DailyDigestInput = {
  dayLabel: string;
  overdue: DigestLine[];
  dueLater: DigestLine[];
  /** Counts of each beyond those listed. */
  moreOverdue: number;
  moreDueLater: number;
  inboxUrl: string;
  /** Emails given up in the last 30 days (refused, or the mail server unreachable for three days), and whose. */
  undelivered: { count: number; enquiries: Array<{ reference: string; url: string }> };
};

/** The gallery's morning list: every enquiry still waiting for a reply, the late ones first. */
export function dailyDigest(gallery: Gallery, input: DailyDigestInput): RenderedEmail {
  const overdueCount = input.overdue.length + input.moreOverdue;
  const waitingCount = overdueCount + input.dueLater.length + input.moreDueLater;
  const subject = `${overdueCount > 0 ? `${overdueCount} overdue, ` : ""}${waitingCount} enquir${waitingCount === 1 ? "y" : "ies"} waiting · ${input.dayLabel}`;
  const summary =
    `${waitingCount} enquir${waitingCount === 1 ? "y is" : "ies are"} waiting for a reply from ${gallery.name}` +
    (overdueCount > 0
      ? `; ${overdueCount} ${overdueCount === 1 ? "is" : "are"} past the reply-by time.`
      : ", none past the reply-by time.");
  const textLines = (lines: DigestLine[]) =>
    lines.flatMap((line) => [
      `- ${line.reference} · ${line.name} · ${line.about} · ${line.state} (reply by ${line.replyBy})${line.assignee ? ` · ${line.assignee}` : ""}`,
      `  ${line.url}`,
    ]);
  const more = (count: number) => (count > 0 ? [`… and ${count} more in the inbox.`] : []);
  const text = [
    summary,
    ...(input.overdue.length > 0 ? ["", "Overdue", ...textLines(input.overdue), ...more(input.moreOverdue)] : []),
    ...(input.dueLater.length > 0 ? ["", "Waiting, not yet due", ...textLines(input.dueLater), ...more(input.moreDueLater)] : []),
    ...undeliveredText(input.undelivered),
    "",
    `The inbox: ${input.inboxUrl}`,
  ].join("\n");
  const list = (lines: DigestLine[], late: boolean) =>
    html`<ul style="padding-left:20px">
      ${lines.map(
        (line) =>
          html`<li style="margin-bottom:8px">
            <a href="${line.url}" style="color:#7b2a1c">${line.reference}</a> · ${line.name} · ${line.about}<br />
            <span style="${late ? "color:#8a1f11;font-weight:bold" : "color:#55514a"}">${line.state}</span>
            <span style="color:#55514a">(reply by ${line.replyBy})${line.assignee ? ` · ${line.assignee}` : ""}</span>
          </li>`,
      )}
    </ul>`;
  const moreHtml = (count: number) => (count > 0 ? html`<p>… and ${count} more in the inbox.</p>` : html``);
  const body = html`<p>${summary}</p>
    ${
      input.overdue.length > 0
        ? html`<h2 style="font-size:18px">Overdue</h2>
            ${list(input.overdue, true)}${moreHtml(input.moreOverdue)}`
        : html``
    }
    ${
      input.dueLater.length > 0
        ? html`<h2 style="font-size:18px">Waiting, not yet due</h2>
            ${list(input.dueLater, false)}${moreHtml(input.moreDueLater)}`
        : html``
    }
    ${
      input.undelivered.count > 0
        ? html`<h2 style="font-size:18px;color:#8a1f11">Not delivered</h2>
            <p>${undeliveredSentence(input.undelivered.count)}</p>
            <ul style="padding-left:20px">
              ${input.undelivered.enquiries.map((enquiry) => html`<li><a href="${enquiry.url}" style="color:#7b2a1c">${enquiry.reference}</a></li>`)}
            </ul>`
        : html``
    }
    <p><a href="${input.inboxUrl}" style="color:#7b2a1c;font-weight:bold">Open the inbox</a></p>`;
  return { subject, text, html: emailLayout(gallery, body) };
}

function undeliveredSentence(count: number): string {
  return `${count} email${count === 1 ? "" : "s"} could not be delivered in the last 30 days (the mail server refused ${count === 1 ? "it" : "them"}, or could not be reached for three days). Open each enquiry to see why, and send again from there.`;
}

function undeliveredText(undelivered: DailyDigestInput["undelivered"]): string[] {
  if (undelivered.count === 0) return [];
  return [
    "",
    "Not delivered",
    undeliveredSentence(undelivered.count),
    ...undelivered.enquiries.map((enquiry) => `- ${enquiry.reference}: ${enquiry.url}`),
  ];
}

/** To a member of staff: an enquiry is theirs to answer now. */
export function enquiryAssigned(
  gallery: Gallery,
  input: {
    assignee: string;
    assignedBy: string;
    reference: string;
    collector: string;
    about: string;
    replyBy: string | null;
    excerpt: string;
    url: string;
  },
): RenderedEmail {
  const subject = `${input.assignedBy} assigned you ${input.reference}: ${input.about}`;
  const text = [
    `Dear ${input.assignee},`,
    "",
    `${input.assignedBy} has assigned you an enquiry to answer: ${input.reference} from ${input.collector}, about ${input.about}.`,
    ...(input.replyBy ? [`Reply by: ${input.replyBy}.`] : []),
    "",
    `“${input.excerpt}”`,
    "",
    `Open it: ${input.url}`,
  ].join("\n");
  const body = html`<p>Dear ${input.assignee},</p>
    <p>
      ${input.assignedBy} has assigned you an enquiry to answer: <strong>${input.reference}</strong> from ${input.collector}, about
      ${input.about}.
    </p>
    ${input.replyBy ? html`<p>Reply by: ${input.replyBy}.</p>` : html``}
    <blockquote style="margin:16px 0;padding-left:12px;border-left:3px solid #d9d3c7;color:#55514a">${multiline(input.excerpt)}</blockquote>
    <p><a href="${input.url}" style="color:#7b2a1c;font-weight:bold">Open the enquiry</a></p>`;
  return { subject, text, html: emailLayout(gallery, body) };
}
