/**
 * The benchmark's mail server, in its own process so that its CPU is not the load generator's:
 * a real SMTP server (smtp-server) that reads only each message's headers and appends one JSON
 * line per message (recipients, Reply-To, Subject) to --log. A gallery's mail provider is another
 * machine; parsing whole messages here would only take CPU from the server being measured.
 *
 *   tsx scripts/bench/smtp-sink.ts --port 2600 --log tmp/bench/mail.jsonl
 */
import { appendFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { SMTPServer } from "smtp-server";

export type SinkRecord = { to: string[]; replyTo: string; subject: string };

const { values } = parseArgs({ options: { port: { type: "string" }, log: { type: "string" } } });
const log = values.log!;
writeFileSync(log, "");

function header(head: string, name: string): string {
  const match = new RegExp(`^${name}:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)`, "im").exec(head);
  return match ? match[1]!.replace(/\r?\n[ \t]+/g, " ").trim() : "";
}

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["AUTH", "STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    let head = "";
    stream.on("data", (chunk: Buffer) => {
      if (head.length < 16_384 && !head.includes("\r\n\r\n")) head += chunk.toString("latin1");
    });
    stream.on("end", () => {
      const record: SinkRecord = {
        to: session.envelope.rcptTo.map((recipient) => recipient.address),
        replyTo: header(head, "Reply-To").replace(/^.*<|>.*$/g, ""),
        subject: header(head, "Subject"),
      };
      appendFileSync(log, `${JSON.stringify(record)}\n`);
      callback();
    });
  },
});
server.listen(Number(values.port), "127.0.0.1", () => console.log("listening"));
// Exit at once: a sender's pooled connection would otherwise hold server.close() open for ever.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(0));
