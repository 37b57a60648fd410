/**
 * A real SMTP server (smtp-server) on 127.0.0.1 whose messages are read with mailparser.
 * Shared by the unit tests (in process) and the end-to-end run (as a separate process).
 * It can be told to answer like a failing mail server (a 4xx or 5xx reply to every message) or a slow one.
 */
import { renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";

export type CapturedMessage = {
  envelopeFrom: string;
  envelopeTo: string[];
  from: string;
  to: string[];
  replyTo: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
  attachments: number;
  /** The iCalendar parts and .ics files the message carried, as text. */
  calendars: string[];
  /** The PDF files it carried (an invoice), base64, to be read as a person would (pdftotext). */
  pdfs: Array<{ filename: string; base64: string }>;
  receivedAt: string;
};

type Options = {
  port?: number;
  onMessage?: (message: CapturedMessage) => void;
  /** Asked for every message: a reply to refuse it with, or null to accept it. */
  rejectionFor?: () => { code: number; message: string } | null;
};

export type MailCatcher = {
  port: number;
  messages: CapturedMessage[];
  /** Answer every message with this SMTP reply until cleared with null. */
  rejectWith: (reply: { code: number; message: string } | null) => void;
  /** Wait this long before answering each message (0: at once). */
  answerAfter: (milliseconds: number) => void;
  /** Keep every message unanswered (the sender waits) until release() answers them all and stops holding. */
  holdAnswers: () => { release: () => void };
  close: () => Promise<void>;
};

/** An onMessage that keeps each message as a JSON file in folder, named in arrival order; returns the file. */
export function messageFileWriter(folder: string): (message: CapturedMessage) => string {
  let count = 0;
  return (message) => {
    count += 1;
    const file = path.join(folder, `${Date.now()}-${String(count).padStart(5, "0")}.json`);
    // Written aside and renamed: a reader polling the folder never meets half a message.
    writeFileSync(`${file}.partial`, JSON.stringify(message, null, 2));
    renameSync(`${file}.partial`, file);
    return file;
  };
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((entry) => entry.value.map((address) => address.address ?? ""));
}

export async function startMailCatcher(options: Options = {}): Promise<MailCatcher> {
  const messages: CapturedMessage[] = [];
  let rejection: { code: number; message: string } | null = null;
  let answerDelayMs = 0;
  let held: Array<() => void> | null = null;

  const serverOptions: SMTPServerOptions = {
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    // Senders keep pooled connections open; when the catcher closes (a test file's end), it tells them
    // so after a second instead of waiting the library's half a minute for them to leave.
    closeTimeout: 1_000,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const refusal = rejection ?? options.rejectionFor?.() ?? null;
        if (refusal) {
          const error = Object.assign(new Error(refusal.message), { responseCode: refusal.code });
          callback(error);
          return;
        }
        simpleParser(Buffer.concat(chunks))
          .then((parsed) => {
            const message: CapturedMessage = {
              envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              envelopeTo: session.envelope.rcptTo.map((recipient) => recipient.address),
              from: addresses(parsed.from)[0] ?? "",
              to: addresses(parsed.to),
              replyTo: addresses(parsed.replyTo),
              subject: parsed.subject ?? "",
              text: parsed.text ?? "",
              html: typeof parsed.html === "string" ? parsed.html : "",
              messageId: parsed.messageId ?? "",
              headers: Object.fromEntries([...parsed.headerLines].map((line) => [line.key, line.line])),
              attachments: parsed.attachments.length,
              calendars: parsed.attachments
                .filter((attachment) => attachment.contentType === "text/calendar" || attachment.filename?.endsWith(".ics"))
                .map((attachment) => attachment.content.toString("utf8")),
              pdfs: parsed.attachments
                .filter((attachment) => attachment.contentType === "application/pdf")
                .map((attachment) => ({ filename: attachment.filename ?? "", base64: attachment.content.toString("base64") })),
              receivedAt: new Date().toISOString(),
            };
            messages.push(message);
            options.onMessage?.(message);
            if (held) held.push(() => callback());
            else if (answerDelayMs > 0) setTimeout(() => callback(), answerDelayMs);
            else callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  };
  const server = new SMTPServer(serverOptions);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  // A sender that drops its connection mid-session (ECONNRESET) is an error of that connection only:
  // without a listener, Node would end the whole server with it.
  server.on("error", (error: Error & { code?: string }) => {
    if (error.code !== "ECONNRESET" && error.code !== "EPIPE") console.error(`mail catcher: ${error.message}`);
  });
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : (options.port ?? 0);
  return {
    port,
    messages,
    rejectWith: (reply) => {
      rejection = reply;
    },
    answerAfter: (milliseconds) => {
      answerDelayMs = milliseconds;
    },
    holdAnswers: () => {
      const waiting: Array<() => void> = [];
      held = waiting;
      return {
        release: () => {
          if (held === waiting) held = null;
          for (const answer of waiting.splice(0)) answer();
        },
      };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
