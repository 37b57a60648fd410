/**
 * A mail server's words with every email address taken out, for the log: a refusal often repeats the
 * recipient ("550 5.1.1 <ada@example.com>: Recipient address rejected"), and the log is read by whoever
 * runs the server, not only by staff. The outbox row keeps the full reason, for staff.
 */
export function withoutAddresses(text: string): string {
  return text.replace(/[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+\.[^\s<>()[\]"',;:]+/g, "[address]");
}
