import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import type { CapturedMessage } from "@/scripts/support/mail-catcher";
import { capturedMailDir } from "./test-env";

// A message file never changes once written (the catcher renames it into place): each is read once, not on
// every poll of a mailbox that holds hundreds by the end of a run, some with PDFs.
const readMessages = new Map<string, CapturedMessage>();

/** Everything the test SMTP server has accepted so far. */
export function capturedMessages(): CapturedMessage[] {
  if (!existsSync(capturedMailDir)) return [];
  return readdirSync(capturedMailDir)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => {
      let message = readMessages.get(file);
      if (!message) {
        message = JSON.parse(readFileSync(path.join(capturedMailDir, file), "utf8")) as CapturedMessage;
        readMessages.set(file, message);
      }
      return message;
    });
}

/** Waits until the test SMTP server has a message matching the predicate, and returns it. */
export async function waitForMessage(predicate: (message: CapturedMessage) => boolean, timeout = 15_000): Promise<CapturedMessage> {
  let found: CapturedMessage | undefined;
  await expect
    .poll(
      () => {
        found = capturedMessages().find(predicate);
        return Boolean(found);
      },
      { timeout, message: "waiting for an email at the test SMTP server" },
    )
    .toBe(true);
  return found!;
}

/** Makes the test SMTP server refuse every message with this reply until it is called with null. */
export function mailServerRefuses(reply: { code: number; message: string } | null) {
  const file = path.join(capturedMailDir, "reject.json");
  if (reply) writeFileSync(file, JSON.stringify(reply));
  else rmSync(file, { force: true });
}
