import { db } from "@/lib/db/client";

/** An email row as the outbox holds it, in a given state and of a given age: for tests of what reads the outbox. */
export function storedOutboxEmail(email: { subject: string; status: string; createdAt: Date; kind?: string }) {
  return db.outboxEmail.create({
    data: {
      kind: email.kind ?? "gallery_notification",
      toAddress: "g@example.test",
      fromAddress: "w@example.test",
      subject: email.subject,
      textBody: "x",
      htmlBody: "x",
      status: email.status,
      createdAt: email.createdAt,
    },
  });
}
