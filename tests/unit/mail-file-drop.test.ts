import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { serverEnv } from "@/lib/env";
import { mailSender } from "@/lib/smtp/transport";

describe("development without a mail server", () => {
  it("writes each email as an .eml file that a mail program can open", async () => {
    expect(serverEnv().SMTP_HOST).toBeUndefined();
    const result = await mailSender().send({
      from: "website@gallery.localhost",
      to: "enquiries@gallery.localhost",
      replyTo: "zoe@example.com",
      subject: "Enquiry ENQ-2026-000001: 42 Second Retreat from Russia",
      text: "Hello",
      html: "<p>Hello</p>",
      messageId: "<test@gallery.outbox>",
    });
    const files = readdirSync(serverEnv().MAIL_DROP_DIR).filter((file) => file.endsWith(".eml"));
    expect(files).toHaveLength(1);
    expect(result.response).toContain(files[0]);
    const parsed = await simpleParser(readFileSync(path.join(serverEnv().MAIL_DROP_DIR, files[0]!)));
    expect(parsed.subject).toBe("Enquiry ENQ-2026-000001: 42 Second Retreat from Russia");
    expect(parsed.replyTo?.text).toBe("zoe@example.com");
  });
});
