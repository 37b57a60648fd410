import "server-only";
import { formatPrice } from "@/lib/catalogue/prices";
import { invoiceMoney } from "@/lib/sales/invoices";
import { offerPath } from "@/lib/sales/signed-links";
import { OFFER_STATUS_LABELS } from "@/lib/sales/vocabulary";
import { availabilityFrom, enquiryStatusFrom, offerStatusFrom } from "@/lib/data/database-values";
import { queueEmail } from "@/lib/data/outbox";
import { readReplySchedule } from "@/lib/data/gallery-settings";
import { replyByFor } from "@/lib/enquiries/reply-by";
import { availabilityLabel, priceText, workLabel } from "@/lib/catalogue/describe";
import { db } from "@/lib/db/client";
import { objectStore } from "@/lib/storage";
import { erasePersonalData } from "@/lib/data/personal-data";
import { recordActivity } from "@/lib/data/activity";
import { hashLinkToken } from "@/lib/enquiries/link-token";
import { readArtworkSnapshot, type ArtworkSnapshot } from "@/lib/enquiries/snapshot";
import { FOLLOW_STATUS_WORDS } from "@/lib/enquiries/vocabulary";
import { serverEnv } from "@/lib/env";
import { collectorFollowUpNotification, erasureNotice } from "@/lib/emails/templates";

/**
 * What a collector's private follow link opens (app/follow/[token]): one enquiry, found by the hash of
 * the link's token, while the link is neither expired nor withdrawn by staff. Every function here
 * takes the token itself and finds nothing for a guessed, expired or withdrawn one.
 */

/** The most messages a collector adds to one enquiry in a day: more waits for the gallery's answer. */
export const FOLLOW_UPS_PER_DAY = 10;

function validLink(token: string, now: Date) {
  return { followTokenHash: hashLinkToken(token), followRevokedAt: null, followExpiresAt: { gt: now } };
}

export type FollowedWork = {
  asked: ArtworkSnapshot;
  /** The work as the catalogue shows it now; null once hidden or removed. */
  now: { slug: string; label: string; availability: string; price: string; forSale: boolean } | null;
};

export type FollowedEnquiry = {
  reference: string;
  createdAt: string;
  status: { label: string; explanation: string };
  message: string;
  works: FollowedWork[];
  replies: Array<{ subject: string; body: string; sentAt: string | null }>;
  followUps: Array<{ body: string; createdAt: string }>;
  /** Offers made with it, each with its own page (where a counter-offer is answered). */
  offers: Array<{ workLabel: string; amount: string; status: string; path: string }>;
  /** Invoices and credit notes issued to them for it, to download. */
  invoices: Array<{ number: string; title: string; total: string }>;
  expiresAt: string;
};

export async function readFollowedEnquiry(token: string, now = new Date()): Promise<FollowedEnquiry | null> {
  const row = await db.enquiry.findFirst({
    where: validLink(token, now),
    include: {
      works: {
        orderBy: { position: "asc" },
        include: {
          artwork: {
            select: {
              slug: true,
              catalogueNumber: true,
              title: true,
              availability: true,
              priceMinor: true,
              currency: true,
              published: true,
              section: { select: { exhibition: { select: { published: true } } } },
            },
          },
        },
      },
      emails: { where: { kind: "staff_reply", status: { not: "failed" } }, orderBy: { createdAt: "asc" } },
      followUps: { orderBy: { createdAt: "asc" } },
      inboundEmails: { where: { status: "conversation" }, orderBy: { receivedAt: "asc" }, select: { replyText: true, receivedAt: true } },
      offers: { orderBy: { createdAt: "asc" }, include: { artwork: { select: { catalogueNumber: true, title: true } } } },
      invoices: { where: { status: { not: "draft" }, number: { not: null } }, orderBy: { issuedAt: "asc" } },
    },
  });
  if (!row) return null;
  const secret = serverEnv().FORM_SIGNING_SECRET;
  return {
    reference: row.reference,
    createdAt: row.createdAt.toISOString(),
    status: FOLLOW_STATUS_WORDS[enquiryStatusFrom(row.status)],
    message: row.message,
    works: row.works.flatMap((work): FollowedWork[] => {
      const asked = readArtworkSnapshot(work.snapshot);
      if (!asked) return [];
      const current = work.artwork;
      const shown = current && current.published && current.section.exhibition.published;
      const availability = current ? availabilityFrom(current.availability) : undefined;
      return [
        {
          asked,
          now:
            shown && availability
              ? {
                  slug: current.slug,
                  label: workLabel(current),
                  availability: availabilityLabel(availability),
                  price: priceText({ availability, priceMinor: current.priceMinor, currency: current.currency }),
                  forSale: availability === "available" || availability === "reserved",
                }
              : null,
        },
      ];
    }),
    replies: row.emails.map((email) => ({ subject: email.subject, body: email.textBody, sentAt: email.sentAt?.toISOString() ?? null })),
    // What they added here and what they answered by email, in the order it came.
    followUps: [
      ...row.followUps.map((followUp) => ({ body: followUp.body, createdAt: followUp.createdAt.toISOString() })),
      ...row.inboundEmails.map((answer) => ({ body: answer.replyText, createdAt: answer.receivedAt.toISOString() })),
    ].sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    offers: row.offers.map((offer) => ({
      workLabel: workLabel(offer.artwork),
      amount: formatPrice(offer.amountMinor, offer.currency),
      status: OFFER_STATUS_LABELS[offerStatusFrom(offer.status)],
      path: offerPath(secret, offer.id),
    })),
    invoices: row.invoices.map((invoice) => ({
      number: invoice.number!,
      title: invoice.kind === "credit_note" ? "Credit note" : "Invoice",
      total: invoiceMoney(invoice.totalMinor, invoice.currency),
    })),
    expiresAt: row.followExpiresAt!.toISOString(),
  };
}

export type FollowUpOutcome = { stored: true; outboxIds: string[] } | { stored: false; reason: "no_enquiry" | "too_many" };

/**
 * Adds the collector's message to the enquiry and emails it to the gallery, in one transaction. An
 * enquiry the gallery had answered or closed goes back to "in progress": there is something to answer.
 */
export async function addFollowUp(token: string, body: string, now = new Date()): Promise<FollowUpOutcome> {
  const env = serverEnv();
  // A reopened enquiry is owed a reply again, by the same rule as a new one, counted from now.
  const replyBy = replyByFor(now, await readReplySchedule());
  return db.$transaction(async (tx) => {
    const enquiry = await tx.enquiry.findFirst({
      where: validLink(token, now),
      select: {
        id: true,
        reference: true,
        name: true,
        email: true,
        status: true,
        works: { orderBy: { position: "asc" }, select: { snapshot: true } },
      },
    });
    if (!enquiry) return { stored: false, reason: "no_enquiry" } as const;
    const today = await tx.enquiryFollowUp.count({
      where: { enquiryId: enquiry.id, createdAt: { gt: new Date(now.getTime() - 86_400_000) } },
    });
    if (today >= FOLLOW_UPS_PER_DAY) return { stored: false, reason: "too_many" } as const;
    await tx.enquiryFollowUp.create({ data: { enquiryId: enquiry.id, body, createdAt: now } });
    if (enquiry.status === "replied" || enquiry.status === "closed") {
      await tx.enquiry.update({ where: { id: enquiry.id }, data: { status: "in_progress", replyBy } });
    } else {
      await tx.enquiry.update({ where: { id: enquiry.id }, data: { updatedAt: now } });
    }
    const rendered = collectorFollowUpNotification(
      { name: env.GALLERY_NAME, siteUrl: env.SITE_URL },
      {
        reference: enquiry.reference,
        name: enquiry.name,
        email: enquiry.email,
        body,
        works: enquiry.works.flatMap((work) => readArtworkSnapshot(work.snapshot) ?? []),
        staffUrl: `${env.SITE_URL}/staff/enquiries/${enquiry.reference}`,
      },
    );
    const emailId = await queueEmail(
      {
        enquiryId: enquiry.id,
        kind: "collector_follow_up",
        to: env.GALLERY_EMAIL,
        from: env.MAIL_FROM,
        replyTo: enquiry.email,
        ...rendered,
      },
      tx,
    );
    return { stored: true, outboxIds: [emailId] } as const;
  });
}

/** How long after a collector asks to be erased it is done: until then they can change their mind. */
export const ERASURE_DELAY_HOURS = 24;

/** The collector's address, and every reference it has, when the link still opens an enquiry. */
async function linkHolder(token: string, now: Date): Promise<{ address: string; references: string[] } | null> {
  const enquiry = await db.enquiry.findFirst({ where: validLink(token, now), select: { email: true } });
  if (!enquiry) return null;
  const rows = await db.$queryRaw<
    Array<{ reference: string }>
  >`SELECT "reference" FROM "Enquiry" WHERE lower("email") = lower(${enquiry.email}) ORDER BY "reference"`;
  return { address: enquiry.email.trim().toLowerCase(), references: rows.map((row) => row.reference) };
}

const BY_THE_COLLECTOR = { id: null, name: "The collector, with their private link" };

/** Thrown inside an erasure's transaction to undo it: the request it was for is no longer waiting. */
class AlreadyErased extends Error {}

/**
 * The link's holder asks for everything held about their address to be erased (the link proves they
 * read that mailbox, as staff would ask). It is done ERASURE_DELAY_HOURS later, by the background
 * sweep, unless withdrawn; asking again keeps the first time. The history says which references, never
 * the address.
 */
export async function askErasureThroughFollowLink(token: string, now = new Date()): Promise<{ eraseAt: Date } | null> {
  const holder = await linkHolder(token, now);
  if (!holder) return null;
  return db.$transaction(async (tx) => {
    const existing = await tx.erasureRequest.findUnique({ where: { email: holder.address } });
    if (existing) return { eraseAt: existing.eraseAt };
    const eraseAt = new Date(now.getTime() + ERASURE_DELAY_HOURS * 3_600_000);
    await tx.erasureRequest.create({ data: { email: holder.address, requestedAt: now, eraseAt } });
    await recordActivity(tx, {
      actor: BY_THE_COLLECTOR,
      action: "asked for their data to be erased in a day",
      subjectType: "privacy",
      subjectLabel: holder.references.join(", "),
    });
    return { eraseAt };
  });
}

/** The link's holder changes their mind before the erasure is done: nothing is erased. */
export async function withdrawErasureThroughFollowLink(token: string, now = new Date()): Promise<boolean | null> {
  const holder = await linkHolder(token, now);
  if (!holder) return null;
  return db.$transaction(async (tx) => {
    const { count } = await tx.erasureRequest.deleteMany({ where: { email: holder.address } });
    if (count > 0) {
      await recordActivity(tx, {
        actor: BY_THE_COLLECTOR,
        action: "withdrew their request to be erased",
        subjectType: "privacy",
        subjectLabel: holder.references.join(", "),
      });
    }
    return count > 0;
  });
}

/** When the link holder's details are to be erased, if they have asked. */
export async function pendingErasureThroughFollowLink(token: string, now = new Date()): Promise<Date | null> {
  const holder = await linkHolder(token, now);
  if (!holder) return null;
  return (await db.erasureRequest.findUnique({ where: { email: holder.address }, select: { eraseAt: true } }))?.eraseAt ?? null;
}

/**
 * Carries out the erasures whose day has passed (the background sweep, every few seconds on a Node
 * server; Vercel's cron every five minutes). Each is one transaction with the gallery's notice of the
 * references erased (no name, no address): the notice is queued if and only if the data is gone.
 */
export async function eraseDueRequests(now = new Date()): Promise<{ erased: number; outboxIds: string[] }> {
  const due = await db.erasureRequest.findMany({ where: { eraseAt: { lte: now } }, orderBy: { eraseAt: "asc" }, take: 20 });
  const env = serverEnv();
  const outboxIds: string[] = [];
  let erased = 0;
  for (const request of due) {
    try {
      await erasePersonalData(request.email, BY_THE_COLLECTOR, async (tx, { references, requestWasWaiting }) => {
        // Another process's sweep (the stack's web processes and worker all sweep) carried it out first.
        if (!requestWasWaiting) throw new AlreadyErased();
        const rendered = erasureNotice({ name: env.GALLERY_NAME, siteUrl: env.SITE_URL }, { references });
        outboxIds.push(
          await queueEmail({ kind: "erasure_notice", to: env.GALLERY_EMAIL, from: env.MAIL_FROM, replyTo: null, ...rendered }, tx),
        );
      });
      erased += 1;
    } catch (error) {
      if (!(error instanceof AlreadyErased)) throw error;
    }
  }
  return { erased, outboxIds };
}

/** An invoice of the followed enquiry, as the buyer was sent it; null for any other number or a link that no longer opens. */
export async function followedInvoicePdf(token: string, number: string, now = new Date()): Promise<{ body: Buffer; fileName: string } | null> {
  const invoice = await db.invoice.findFirst({
    where: { number, status: { not: "draft" }, enquiry: validLink(token, now) },
    select: { pdfStorageKey: true, number: true },
  });
  if (!invoice?.pdfStorageKey || !invoice.number) return null;
  const stored = await objectStore().get(invoice.pdfStorageKey);
  return stored ? { body: stored.body, fileName: `${invoice.number}.pdf` } : null;
}
