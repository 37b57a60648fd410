import "server-only";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { serverEnv, type ServerEnv } from "@/lib/env";
import { logger } from "@/lib/logger";

export type OutgoingMessage = {
  from: string;
  /** Shown beside the sending address, e.g. the gallery's name. */
  fromName?: string;
  to: string;
  replyTo?: string | null;
  subject: string;
  text: string;
  html: string;
  /** An iCalendar invitation (a viewing's), sent as the message's calendar part and as an .ics file. */
  calendar?: string | null;
  /** Extra headers, such as List-Unsubscribe. */
  headers?: Record<string, string>;
  /** Files sent with it (an invoice's PDF). */
  attachments?: Array<{ filename: string; content: Buffer; contentType: string }>;
  /** Our own id for the message, so a retried send keeps the same Message-ID. */
  messageId: string;
};

export type SendResult = { messageId: string; response: string };

/** What the SMTP server said, sorted into "try again later" and "never going to work". */
export class MailDeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = "MailDeliveryError";
  }
}

function toNodemailer({ fromName, from, replyTo, calendar, ...message }: OutgoingMessage) {
  return {
    ...message,
    ...(calendar ? { icalEvent: { method: "REQUEST", filename: "viewing.ics", content: calendar } } : {}),
    from: fromName ? { name: fromName, address: from } : from,
    replyTo: replyTo ?? undefined,
    // Nothing a collector types may make the server read a file or fetch a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

export interface MailSender {
  send(message: OutgoingMessage): Promise<SendResult>;
}

export function createSmtpSender(env: ServerEnv): MailSender {
  const transport: Transporter = nodemailer.createTransport({
    host: env.SMTP_HOST,
    port: env.SMTP_PORT,
    secure: env.SMTP_SECURE,
    ignoreTLS: env.SMTP_IGNORE_TLS,
    // Without implicit TLS, STARTTLS is required: a server (or someone between) that does not offer it
    // must not get the password and the collectors' messages in clear. lib/env.ts allows
    // SMTP_IGNORE_TLS in production only for a mail server on this machine.
    requireTLS: !env.SMTP_SECURE && !env.SMTP_IGNORE_TLS,
    auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? "" } : undefined,
    // Short timeouts: a hanging mail server must hold a delivery attempt for seconds, not minutes.
    connectionTimeout: env.SMTP_TIMEOUT_MS,
    greetingTimeout: env.SMTP_TIMEOUT_MS,
    socketTimeout: env.SMTP_TIMEOUT_MS * 2,
    pool: true,
    maxConnections: 3,
    // Nothing a collector types may make the server read a file or fetch a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    async send(message) {
      try {
        const info = await transport.sendMail(toNodemailer(message));
        return { messageId: info.messageId, response: String(info.response ?? "") };
      } catch (error) {
        const smtp = error as { responseCode?: number; response?: string; code?: string; message?: string };
        const reason = smtp.response || smtp.message || String(error);
        const permanent = typeof smtp.responseCode === "number" && smtp.responseCode >= 500 && smtp.responseCode < 600;
        throw new MailDeliveryError(smtp.responseCode ? reason : `${smtp.code ?? "ERROR"}: ${reason}`, permanent);
      }
    },
  };
}

/** Development without a mail server: each message becomes an .eml file, and its path is logged. */
function fileDropSender(env: ServerEnv): MailSender {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(message) {
      const info = await transport.sendMail(toNodemailer(message));
      await mkdir(env.MAIL_DROP_DIR, { recursive: true });
      const file = path.join(
        env.MAIL_DROP_DIR,
        `${new Date().toISOString().replace(/[:.]/g, "-")}-${message.messageId.replace(/[^a-zA-Z0-9]/g, "").slice(0, 24)}.eml`,
      );
      await writeFile(file, info.message as Buffer);
      logger.info({ file, to: message.to, subject: message.subject }, "No SMTP server configured: email written to a file");
      return { messageId: info.messageId, response: `written to ${file}` };
    },
  };
}

let sender: MailSender | undefined;

export function mailSender(): MailSender {
  if (!sender) {
    const env = serverEnv();
    sender = env.SMTP_HOST ? createSmtpSender(env) : fileDropSender(env);
  }
  return sender;
}
