import "server-only";
import { db } from "@/lib/db/client";
import { recordActivity } from "@/lib/data/activity";
import { erasePersonalData } from "@/lib/data/personal-data";
import { enquiryStatusFrom, offerStatusFrom } from "@/lib/data/database-values";
import { formatPrice } from "@/lib/catalogue/prices";
import { workLabel } from "@/lib/catalogue/describe";
import { collectorKey, COLLECTOR_EVENT_LABELS, parseTags, type CollectorEventKind } from "@/lib/enquiries/collector-records";
import { mailboxOf } from "@/lib/enquiries/rate-limits";
import { readArtworkSnapshot } from "@/lib/enquiries/snapshot";
import { ENQUIRY_STATUS_LABELS } from "@/lib/enquiries/vocabulary";
import { OFFER_STATUS_LABELS } from "@/lib/sales/vocabulary";
import { serverEnv } from "@/lib/env";
import { criteriaLabel, type AlertCriteria } from "@/lib/catalogue/new-work-alerts";
import { requireRole, type StaffMember } from "@/lib/staff/roles";

/**
 * Collector records (/staff/collectors): everyone who enquired, booked, offered, asked to reserve,
 * was held a work, asked to be told or was invoiced, one record per mailbox (mailboxOf) or per merge of
 * mailboxes, made from the rows themselves each time it is read, so a record can never disagree with
 * what it shows. Staff add notes and interest tags, and merge two records of one person.
 */

type Sighting = { email: string; name: string; at: Date; kind: "enquiry" | "alert" | "hold_request" | "hold" | "invoice" | "subscription" };

async function sightings(): Promise<Sighting[]> {
  const [enquiries, alerts, requests, holds, invoices, subscriptions] = await Promise.all([
    db.enquiry.findMany({ select: { email: true, name: true, createdAt: true } }),
    db.availabilityAlert.findMany({ select: { email: true, name: true, createdAt: true } }),
    db.holdRequest.findMany({ select: { email: true, name: true, createdAt: true } }),
    db.workHold.findMany({ where: { collectorEmail: { not: "erased@invalid" } }, select: { collectorEmail: true, collectorName: true, createdAt: true } }),
    db.invoice.findMany({ where: { status: { not: "draft" } }, select: { buyerEmail: true, buyerName: true, createdAt: true } }),
    db.newWorkAlert.findMany({ where: { confirmedAt: { not: null } }, select: { email: true, name: true, confirmedAt: true } }),
  ]);
  return [
    ...enquiries.map((row) => ({ email: row.email, name: row.name, at: row.createdAt, kind: "enquiry" as const })),
    ...alerts.map((row) => ({ email: row.email, name: row.name, at: row.createdAt, kind: "alert" as const })),
    ...requests.map((row) => ({ email: row.email, name: row.name, at: row.createdAt, kind: "hold_request" as const })),
    ...holds.map((row) => ({ email: row.collectorEmail, name: row.collectorName, at: row.createdAt, kind: "hold" as const })),
    ...invoices.map((row) => ({ email: row.buyerEmail, name: row.buyerName, at: row.createdAt, kind: "invoice" as const })),
    ...subscriptions.map((row) => ({ email: row.email, name: row.name, at: row.confirmedAt!, kind: "subscription" as const })),
  ].filter((sighting) => sighting.email.includes("@"));
}

type Group = {
  mailbox: string;
  key: string;
  /** Every address as it was written, in any case. */
  addresses: Set<string>;
  name: string;
  firstSeen: Date;
  lastSeen: Date;
  counts: Record<Sighting["kind"], number>;
};

async function groups(): Promise<Map<string, Group>> {
  const secret = serverEnv().FORM_SIGNING_SECRET;
  const [seen, merges] = await Promise.all([sightings(), db.collectorMerge.findMany({ select: { mailbox: true, intoMailbox: true } })]);
  const into = new Map(merges.map((merge) => [merge.mailbox, merge.intoMailbox]));
  const byMailbox = new Map<string, Group>();
  for (const sighting of seen.sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const own = mailboxOf(sighting.email);
    const mailbox = into.get(own) ?? own;
    let group = byMailbox.get(mailbox);
    if (!group) {
      group = {
        mailbox,
        key: collectorKey(mailbox, secret),
        addresses: new Set(),
        name: sighting.name,
        firstSeen: sighting.at,
        lastSeen: sighting.at,
        counts: { enquiry: 0, alert: 0, hold_request: 0, hold: 0, invoice: 0, subscription: 0 },
      };
      byMailbox.set(mailbox, group);
    }
    group.addresses.add(sighting.email);
    if (sighting.name.trim()) group.name = sighting.name;
    group.lastSeen = sighting.at;
    group.counts[sighting.kind] += 1;
  }
  return byMailbox;
}

export type CollectorRow = {
  key: string;
  name: string;
  addresses: string[];
  firstSeen: string;
  lastSeen: string;
  enquiries: number;
  reservations: number;
  alerts: number;
  purchases: number;
  tags: string[];
};

function rowOf(group: Group, tags: string[]): CollectorRow {
  return {
    key: group.key,
    name: group.name,
    addresses: [...group.addresses],
    firstSeen: group.firstSeen.toISOString(),
    lastSeen: group.lastSeen.toISOString(),
    enquiries: group.counts.enquiry,
    reservations: group.counts.hold_request + group.counts.hold,
    alerts: group.counts.alert + group.counts.subscription,
    purchases: group.counts.invoice,
    tags,
  };
}

export const COLLECTORS_PER_PAGE = 50;

/** Everyone, the most recently seen first; `query` finds a name, an address or a tag (any case, any part). */
export async function listCollectors(
  staff: StaffMember,
  options: { query?: string; page?: number } = {},
): Promise<{ rows: CollectorRow[]; total: number; page: number; pages: number }> {
  requireRole(staff);
  const [all, profiles] = await Promise.all([groups(), db.collectorProfile.findMany()]);
  const tagsOf = new Map(profiles.map((profile) => [profile.mailbox, parseTags(profile.tags)]));
  const query = options.query?.trim().toLowerCase() ?? "";
  const rows = [...all.values()]
    .map((group) => rowOf(group, tagsOf.get(group.mailbox) ?? []))
    .filter(
      (row) =>
        !query ||
        row.name.toLowerCase().includes(query) ||
        row.addresses.some((address) => address.toLowerCase().includes(query)) ||
        row.tags.some((tag) => tag.includes(query)),
    )
    .sort((a, b) => b.lastSeen.localeCompare(a.lastSeen));
  const pages = Math.max(1, Math.ceil(rows.length / COLLECTORS_PER_PAGE));
  const page = Math.min(Math.max(1, options.page ?? 1), pages);
  return { rows: rows.slice((page - 1) * COLLECTORS_PER_PAGE, page * COLLECTORS_PER_PAGE), total: rows.length, page, pages };
}

export type CollectorEvent = { kind: CollectorEventKind; label: string; at: string; text: string; enquiryReference: string | null };

export type CollectorRecord = CollectorRow & {
  events: CollectorEvent[];
  notes: Array<{ id: string; body: string; author: string; createdAt: string }>;
};

async function findGroup(key: string): Promise<Group | null> {
  for (const group of (await groups()).values()) if (group.key === key) return group;
  return null;
}

/** The key of the record an address belongs to (the enquiry page's link to it). */
export async function collectorKeyForAddress(address: string): Promise<string> {
  const own = mailboxOf(address);
  const merge = await db.collectorMerge.findUnique({ where: { mailbox: own } });
  return collectorKey(merge?.intoMailbox ?? own, serverEnv().FORM_SIGNING_SECRET);
}

export async function readCollectorRecord(staff: StaffMember, key: string): Promise<CollectorRecord | null> {
  requireRole(staff);
  const group = await findGroup(key);
  if (!group) return null;
  const addresses = [...group.addresses];
  const [enquiries, alerts, requests, holds, invoices, notes, profile, subscriptions] = await Promise.all([
    db.enquiry.findMany({
      where: { email: { in: addresses } },
      include: {
        works: { orderBy: { position: "asc" }, select: { snapshot: true } },
        followUps: { select: { body: true, createdAt: true } },
        inboundEmails: { where: { status: "conversation" }, select: { replyText: true, receivedAt: true } },
        viewing: { include: { slot: { select: { startsAt: true } } } },
        offers: { include: { artwork: { select: { catalogueNumber: true, title: true } } } },
      },
    }),
    db.availabilityAlert.findMany({ where: { email: { in: addresses } }, include: { artwork: { select: { catalogueNumber: true, title: true } } } }),
    db.holdRequest.findMany({ where: { email: { in: addresses } }, include: { artwork: { select: { catalogueNumber: true, title: true } } } }),
    db.workHold.findMany({ where: { collectorEmail: { in: addresses } }, include: { artwork: { select: { catalogueNumber: true, title: true } } } }),
    db.invoice.findMany({ where: { buyerEmail: { in: addresses }, status: { not: "draft" } } }),
    db.collectorNote.findMany({ where: { mailbox: group.mailbox }, orderBy: { createdAt: "asc" }, include: { author: { select: { name: true } } } }),
    db.collectorProfile.findUnique({ where: { mailbox: group.mailbox } }),
    db.newWorkAlert.findMany({
      where: { email: { in: addresses.map((address) => address.toLowerCase()) }, confirmedAt: { not: null } },
      include: { artist: { select: { name: true } }, section: { select: { title: true } } },
    }),
  ]);
  const events: CollectorEvent[] = [];
  const event = (kind: CollectorEventKind, at: Date, text: string, enquiryReference: string | null = null) =>
    events.push({ kind, label: COLLECTOR_EVENT_LABELS[kind], at: at.toISOString(), text, enquiryReference });
  for (const enquiry of enquiries) {
    const works = enquiry.works.flatMap((work) => {
      const snapshot = readArtworkSnapshot(work.snapshot);
      return snapshot ? [workLabel(snapshot)] : [];
    });
    event(
      "enquiry",
      enquiry.createdAt,
      `${works.join("; ") || "No work named"} (${ENQUIRY_STATUS_LABELS[enquiryStatusFrom(enquiry.status)]})`,
      enquiry.reference,
    );
    for (const followUp of enquiry.followUps) event("follow_up", followUp.createdAt, followUp.body.slice(0, 200), enquiry.reference);
    for (const answer of enquiry.inboundEmails) event("email_answer", answer.receivedAt, answer.replyText.slice(0, 200), enquiry.reference);
    if (enquiry.viewing)
      event("viewing", enquiry.viewing.createdAt, `For ${enquiry.viewing.slot.startsAt.toISOString().slice(0, 16).replace("T", " ")} UTC`, enquiry.reference);
    for (const offer of enquiry.offers)
      event(
        "offer",
        offer.createdAt,
        `${formatPrice(offer.amountMinor, offer.currency)} for ${workLabel(offer.artwork)} (${OFFER_STATUS_LABELS[offerStatusFrom(offer.status)]})`,
        enquiry.reference,
      );
  }
  for (const alert of alerts) event("alert", alert.createdAt, `When ${workLabel(alert.artwork)} is available again`);
  for (const request of requests) event("hold_request", request.createdAt, workLabel(request.artwork));
  for (const hold of holds) event("hold", hold.createdAt, `${workLabel(hold.artwork)}, until ${hold.heldUntil.toISOString().slice(0, 10)}`);
  for (const subscription of subscriptions)
    event(
      "subscription",
      subscription.confirmedAt!,
      `${criteriaLabel(subscription as AlertCriteria, { artist: subscription.artist?.name ?? "the artist", section: subscription.section?.title ?? null })}${subscription.unsubscribedAt ? " (since stopped)" : ""}`,
    );
  for (const invoice of invoices) event("invoice", invoice.createdAt, `${invoice.number ?? "Invoice"}: ${formatPrice(invoice.totalMinor, invoice.currency)}`);
  events.sort((a, b) => a.at.localeCompare(b.at));
  return {
    ...rowOf(group, parseTags(profile?.tags ?? "")),
    events,
    notes: notes.map((note) => ({ id: note.id, body: note.body, author: note.author?.name ?? "A former member of staff", createdAt: note.createdAt.toISOString() })),
  };
}

export async function addCollectorNote(staff: StaffMember, key: string, body: string): Promise<boolean> {
  requireRole(staff, "staff");
  const group = await findGroup(key);
  if (!group) return false;
  await db.$transaction(async (tx) => {
    await tx.collectorNote.create({ data: { mailbox: group.mailbox, authorId: staff.id, body } });
    await recordActivity(tx, { actor: staff, action: "added a note", subjectType: "collector", subjectId: key, subjectLabel: "a collector's record" });
  });
  return true;
}

export async function setCollectorTags(staff: StaffMember, key: string, tagsText: string): Promise<string[] | null> {
  requireRole(staff, "staff");
  const group = await findGroup(key);
  if (!group) return null;
  const tags = parseTags(tagsText);
  await db.$transaction(async (tx) => {
    const before = await tx.collectorProfile.findUnique({ where: { mailbox: group.mailbox } });
    await tx.collectorProfile.upsert({ where: { mailbox: group.mailbox }, create: { mailbox: group.mailbox, tags: tags.join(", ") }, update: { tags: tags.join(", ") } });
    await recordActivity(tx, {
      actor: staff,
      action: "changed the interest tags",
      subjectType: "collector",
      subjectId: key,
      subjectLabel: "a collector's record",
      // How many, not which: a person's interests are theirs, and the log outlives an erasure.
      detail: `${parseTags(before?.tags ?? "").length} → ${tags.length} tags`,
    });
  });
  return tags;
}

export type MergeOutcome = { merged: true } | { merged: false; reason: "no_record" | "no_other" | "same" };

/**
 * Merges the record `otherAddress` belongs to into the record `key`: its history is shown there, its
 * notes move there and its tags join these. Every mailbox already merged into the other follows it.
 */
export async function mergeCollectorRecords(staff: StaffMember, key: string, otherAddress: string): Promise<MergeOutcome> {
  requireRole(staff, "staff");
  const all = await groups();
  const target = [...all.values()].find((group) => group.key === key);
  if (!target) return { merged: false, reason: "no_record" };
  const otherOwn = mailboxOf(otherAddress);
  const otherMerge = await db.collectorMerge.findUnique({ where: { mailbox: otherOwn } });
  const other = all.get(otherMerge?.intoMailbox ?? otherOwn);
  if (!other) return { merged: false, reason: "no_other" };
  if (other.mailbox === target.mailbox) return { merged: false, reason: "same" };
  await db.$transaction(async (tx) => {
    await tx.collectorMerge.updateMany({ where: { intoMailbox: other.mailbox }, data: { intoMailbox: target.mailbox } });
    await tx.collectorMerge.upsert({
      where: { mailbox: other.mailbox },
      create: { mailbox: other.mailbox, intoMailbox: target.mailbox, mergedById: staff.id },
      update: { intoMailbox: target.mailbox, mergedById: staff.id },
    });
    await tx.collectorNote.updateMany({ where: { mailbox: other.mailbox }, data: { mailbox: target.mailbox } });
    const [mine, theirs] = await Promise.all([
      tx.collectorProfile.findUnique({ where: { mailbox: target.mailbox } }),
      tx.collectorProfile.findUnique({ where: { mailbox: other.mailbox } }),
    ]);
    if (theirs) {
      const tags = parseTags(`${mine?.tags ?? ""},${theirs.tags}`).join(", ");
      await tx.collectorProfile.upsert({ where: { mailbox: target.mailbox }, create: { mailbox: target.mailbox, tags }, update: { tags } });
      await tx.collectorProfile.delete({ where: { mailbox: other.mailbox } });
    }
    await recordActivity(tx, {
      actor: staff,
      action: "merged two records of one collector",
      subjectType: "collector",
      subjectId: key,
      subjectLabel: "a collector's record",
    });
  });
  return { merged: true };
}

/** Erases everything held under every address of the record (each address as the privacy request does). */
export async function eraseCollectorRecord(staff: StaffMember, key: string): Promise<{ addresses: number } | null> {
  requireRole(staff, "staff");
  const group = await findGroup(key);
  if (!group) return null;
  for (const address of group.addresses) await erasePersonalData(address, staff);
  return { addresses: group.addresses.size };
}
