import "server-only";
import { requireRole, type StaffMember } from "@/lib/staff/roles";
import { activityEntry, recordActivity } from "@/lib/data/activity";
import { readSaleSettings } from "@/lib/data/sale-settings";
import type { SaleSettingsInput } from "@/lib/validations/sale-settings";
import { forgetGallerySettings, readSavedGallerySettings } from "@/lib/data/gallery-settings";
import { db } from "@/lib/db/client";
import { openingHoursInWords, REPLY_UNIT_LABELS } from "@/lib/enquiries/reply-by";
import type { GallerySettingsInput } from "@/lib/validations/gallery-settings";
import type { RetentionSettings } from "@/lib/validations/retention-settings";
import { readRetentionSettings } from "@/lib/data/enquiry-retention";

/** Saves an owner's settings, with a history entry for each part that changed (old and new value). */
export async function saveGallerySettings(owner: StaffMember, input: GallerySettingsInput): Promise<void> {
  requireRole(owner, "owner");
  const before = await readSavedGallerySettings();
  const changes: Array<{ field: string; oldValue: string; newValue: string }> = [];
  const compare = (field: string, oldValue: string, newValue: string) => {
    if (oldValue !== newValue) changes.push({ field, oldValue, newValue });
  };
  compare(
    "reply within",
    `${before.replyWithin} ${REPLY_UNIT_LABELS[before.replyWithinUnit]}`,
    `${input.replyWithin} ${REPLY_UNIT_LABELS[input.replyWithinUnit]}`,
  );
  compare("opening hours", openingHoursInWords(before.openingHours), openingHoursInWords(input.openingHours));
  compare(
    "holidays",
    before.holidays.map((day) => day.date).join(", ") || "none",
    input.holidays.map((day) => day.date).join(", ") || "none",
  );
  compare(
    "daily digest",
    before.digestEnabled ? `at ${before.digestTime}${before.digestOnClosedDays ? ", closed days too" : ""}` : "off",
    input.digestEnabled ? `at ${input.digestTime}${input.digestOnClosedDays ? ", closed days too" : ""}` : "off",
  );
  compare("digest to", before.digestTo ?? "the gallery's address", input.digestTo ?? "the gallery's address");
  const data = {
    replyWithin: input.replyWithin,
    replyWithinUnit: input.replyWithinUnit,
    openingHours: input.openingHours,
    holidays: input.holidays,
    digestEnabled: input.digestEnabled,
    digestTime: input.digestTime,
    digestOnClosedDays: input.digestOnClosedDays,
    digestTo: input.digestTo,
  };
  await db.$transaction([
    db.gallerySettings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data }),
    ...changes.map((change) =>
      activityEntry({
        actor: owner,
        action: "changed the settings",
        subjectType: "settings",
        subjectId: "gallery",
        subjectLabel: "Gallery settings",
        ...change,
      }),
    ),
  ]);
  forgetGallerySettings();
}

export type DigestRunView = { day: string; waiting: number; overdue: number; sent: boolean; at: string };

/** The last fortnight's digests: what each day's said, or that nothing was waiting. */
export async function recentDigestRuns(staff: StaffMember, limit = 14): Promise<DigestRunView[]> {
  requireRole(staff);
  const runs = await db.digestRun.findMany({ orderBy: { day: "desc" }, take: limit });
  return runs.map((run) => ({
    day: run.day,
    waiting: run.waiting,
    overdue: run.overdue,
    sent: run.emailId !== null,
    at: run.createdAt.toISOString(),
  }));
}

/** The owner's sale settings; each change is in the history (bank details and terms named, not copied). */
export async function saveSaleSettings(owner: StaffMember, input: SaleSettingsInput): Promise<void> {
  requireRole(owner, "owner");
  const before = await readSaleSettings();
  const after = {
    collectorHoldHours: input.collectorHoldHours,
    autoGrantHoldsUpToMinor: input.autoGrantHoldsUpTo,
    offerFloorPercent: input.offerFloorPercent,
    offerDays: input.offerDays,
    paymentDays: input.paymentDays,
    invoicePrefix: input.invoicePrefix,
    taxMode: input.taxMode,
    vatRateBasisPoints: Math.round(input.vatRatePercent * 100),
    bankDetails: input.bankDetails,
    invoiceTerms: input.invoiceTerms,
  };
  const changed = (Object.keys(after) as Array<keyof typeof after>).filter((key) => before[key] !== after[key]);
  await db.$transaction(async (tx) => {
    await tx.saleSettings.upsert({ where: { id: 1 }, create: { id: 1, ...after }, update: after });
    if (changed.length > 0)
      await recordActivity(tx, {
        actor: owner,
        action: "changed the sale settings",
        subjectType: "settings",
        subjectLabel: "Sale settings",
        detail: `Changed: ${changed.join(", ")}`,
      });
  });
}

/** Saves how long spam and digest emails are kept, with a history entry for each value that changed. */
export async function saveRetentionSettings(owner: StaffMember, input: RetentionSettings): Promise<void> {
  requireRole(owner, "owner");
  const before = await readRetentionSettings();
  const changes = [
    { field: "spam kept", oldValue: `${before.spamKeptDays} days`, newValue: `${input.spamKeptDays} days` },
    { field: "digest emails kept", oldValue: `${before.digestEmailsKeptDays} days`, newValue: `${input.digestEmailsKeptDays} days` },
  ].filter((change) => change.oldValue !== change.newValue);
  await db.$transaction([
    db.retentionSettings.upsert({ where: { id: 1 }, create: { id: 1, ...input }, update: input }),
    ...changes.map((change) =>
      activityEntry({
        actor: owner,
        action: "changed the settings",
        subjectType: "settings",
        subjectId: "retention",
        subjectLabel: "What is kept, and how long",
        ...change,
      }),
    ),
  ]);
}
