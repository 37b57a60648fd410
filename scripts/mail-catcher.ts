/**
 * A real SMTP server on loopback for development and end-to-end tests. Each message it accepts
 * is parsed with mailparser and written as JSON into --dir; tests read that folder.
 *
 *   tsx scripts/mail-catcher.ts --port 2525 --dir tmp/mail
 *
 * While a file named reject.json ({"code": 550, "message": "…"}) sits in --dir, every message
 * is answered with that SMTP reply instead: how tests make a mail server fail on demand.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { messageFileWriter, startMailCatcher } from "@/scripts/support/mail-catcher";

const { values } = parseArgs({ options: { port: { type: "string", default: "2525" }, dir: { type: "string", default: "tmp/mail" } } });
const folder = path.resolve(values.dir);
mkdirSync(folder, { recursive: true });

const rejectFile = path.join(folder, "reject.json");
const catcher = await startMailCatcher({
  port: Number(values.port),
  rejectionFor: () => (existsSync(rejectFile) ? (JSON.parse(readFileSync(rejectFile, "utf8")) as { code: number; message: string }) : null),
  onMessage: messageFileWriter(folder),
});
console.log(`Mail catcher listening on 127.0.0.1:${catcher.port}, writing to ${folder}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void catcher.close().then(() => process.exit(0));
  });
}
