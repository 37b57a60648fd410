import "server-only";
import { db } from "@/lib/db";
import type { ArtworkSnapshot } from "@/lib/enquiries/snapshot";
import type { EnquiryQuestion, OutboxKind } from "@/lib/enquiries/vocabulary";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RenderedEmail } from "@/lib/mail/templates";

export function formatEnquiryReference(year: number, id: number): string {
  return `ENQ-${year}-${String(id).padStart(6, "0")}`;
}

export type NewEnquiry = {
  submissionKey: string;
  artworkId: string | null;
  artworkSnapshot: ArtworkSnapshot | null;
  name: string;
  email: string;
  phone: string | null;
  message: string;
  questions: EnquiryQuestion[];
  shippingCountry: string | null;
  flagReasons: string[];
  clientIpHash: string | null;
  now: Date;
};

export type OutgoingEmail = {
  kind: OutboxKind;
  to: string;
  from: string;
  replyTo: string | null;
  dedupeKey?: string;
  /** Rendered once the reference is known, inside the transaction. */
  render: (reference: string) => RenderedEmail;
};

export type StoredEnquiry = {
  reference: string;
  outboxIds: string[];
  duplicate: boolean;
  /** Whether the collector is sent an acknowledgement (not when today's went out already, or when flagged). */
  acknowledged: boolean;
};

/** The enquiry a repeated submission already stored, with whether it was acknowledged. */
async function storedBefore(submissionKey: string): Promise<StoredEnquiry | null> {
  const stored = await db.enquiry.findUnique({
    where: { submissionKey },
    select: { reference: true, emails: { where: { kind: "collector_acknowledgement" }, select: { id: true } } },
  });
  return stored ? { reference: stored.reference, outboxIds: [], duplicate: true, acknowledged: stored.emails.length > 0 } : null;
}

/**
 * A unique-key conflict on `field`. A local SQLite file reports it as P2002; libSQL over HTTP (a
 * hosted database) does not carry SQLite's error code, only the message "UNIQUE constraint failed:
 * Table.column", which arrives as a driver adapter error.
 */
export function isUniqueViolation(error: unknown, field: string): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    const target = JSON.stringify(error.meta ?? {});
    return target.includes(field) || target === "{}";
  }
  const message = error instanceof Error ? error.message : "";
  const failed = /UNIQUE constraint failed: ([\w.,\s]+)/.exec(message);
  return Boolean(failed?.[1]?.split(",").some((column) => column.trim().split(".").pop() === field));
}

/**
 * Stores the enquiry and its emails in one transaction: either all of it is kept or none.
 * A repeated submission (same submission key) returns the enquiry already stored. An email
 * whose dedupe key exists already (the day's acknowledgement to this address) is left out.
 */
export async function storeEnquiryWithEmails(enquiry: NewEnquiry, emails: OutgoingEmail[]): Promise<StoredEnquiry> {
  const existing = await storedBefore(enquiry.submissionKey);
  if (existing) return existing;

  const dedupeKeys = emails.map((email) => email.dedupeKey).filter((key): key is string => Boolean(key));
  const alreadySent = new Set(
    (await db.outboxEmail.findMany({ where: { dedupeKey: { in: dedupeKeys } }, select: { dedupeKey: true } })).map((row) => row.dedupeKey),
  );
  let toSend = emails.filter((email) => !email.dedupeKey || !alreadySent.has(email.dedupeKey));

  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      return await db.$transaction(async (tx) => {
        const created = await tx.enquiry.create({
          data: {
            reference: `pending-${enquiry.submissionKey}`,
            submissionKey: enquiry.submissionKey,
            artworkId: enquiry.artworkId,
            artworkSnapshot: enquiry.artworkSnapshot ?? Prisma.JsonNull,
            name: enquiry.name,
            email: enquiry.email,
            phone: enquiry.phone,
            message: enquiry.message,
            questions: enquiry.questions,
            shippingCountry: enquiry.shippingCountry,
            consentedAt: enquiry.now,
            status: enquiry.flagReasons.length > 0 ? "spam" : "new",
            flagged: enquiry.flagReasons.length > 0,
            flagReasons: enquiry.flagReasons.length > 0 ? enquiry.flagReasons.join("; ") : null,
            clientIpHash: enquiry.clientIpHash,
            createdAt: enquiry.now,
          },
        });
        const reference = formatEnquiryReference(enquiry.now.getUTCFullYear(), created.id);
        await tx.enquiry.update({ where: { id: created.id }, data: { reference } });
        const outboxIds: string[] = [];
        for (const email of toSend) {
          const rendered = email.render(reference);
          const row = await tx.outboxEmail.create({
            data: {
              enquiryId: created.id,
              kind: email.kind,
              dedupeKey: email.dedupeKey ?? null,
              toAddress: email.to,
              fromAddress: email.from,
              replyTo: email.replyTo,
              subject: rendered.subject,
              textBody: rendered.text,
              htmlBody: rendered.html,
              nextAttemptAt: enquiry.now,
            },
            select: { id: true },
          });
          outboxIds.push(row.id);
        }
        return { reference, outboxIds, duplicate: false, acknowledged: toSend.some((email) => email.kind === "collector_acknowledgement") };
      });
    } catch (error) {
      if (isUniqueViolation(error, "submissionKey")) {
        const stored = await storedBefore(enquiry.submissionKey);
        if (stored) return stored;
      }
      if (isUniqueViolation(error, "dedupeKey")) {
        // Another instance sent today's acknowledgement a moment ago: store the enquiry without it.
        toSend = toSend.filter((email) => !email.dedupeKey);
        continue;
      }
      throw error;
    }
  }
  throw new Error("The enquiry could not be stored after three attempts");
}
