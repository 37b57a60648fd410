import nodemailer from "nodemailer";
import sharp from "sharp";

/**
 * Emails as a collector's mail program writes them, built by Nodemailer's own composer (MIME parts,
 * encodings, a real Message-ID), to deliver into the test mailbox or post as Mailgun would.
 */
const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });

export type Answer = {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  inReplyTo?: string;
  references?: string[];
  headers?: Record<string, string>;
  attachments?: Array<{ filename: string; content: Buffer; contentType: string }>;
  messageId?: string;
};

export async function composeEmail(answer: Answer): Promise<Buffer> {
  const info = await composer.sendMail({
    from: answer.from,
    to: answer.to,
    subject: answer.subject,
    text: answer.text,
    html: answer.html,
    inReplyTo: answer.inReplyTo,
    references: answer.references,
    headers: answer.headers,
    attachments: answer.attachments,
    messageId: answer.messageId,
  });
  return info.message as Buffer;
}

/** A small photograph (a JPEG a phone might send, scaled down). */
export async function photograph(width = 320, height = 240): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 180, g: 150, b: 110 } } })
    .jpeg({ quality: 80 })
    .toBuffer();
}

/** The quoted history a mail program puts under an answer. */
export function quoting(said: string, when = "Mon, 7 Dec 2026 at 10:02", who = "Bracebridge Fine Art <website@gallery.test>"): string {
  return `On ${when}, ${who} wrote:\n${said
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n")}\n`;
}
