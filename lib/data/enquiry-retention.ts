import "server-only";
import { db } from "@/lib/db/client";

/** The privacy notice promises deletion two years after the last message: this keeps that promise. */
export const ENQUIRY_RETENTION_DAYS = 730;

/** Deletes enquiries (with their emails and notes) untouched for the retention period. Returns how many. */
export async function purgeExpiredEnquiries(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - ENQUIRY_RETENTION_DAYS * 86_400_000);
  const { count } = await db.enquiry.deleteMany({ where: { updatedAt: { lt: cutoff }, notes: { none: { createdAt: { gte: cutoff } } } } });
  return count;
}

/** The privacy notice says a connection's fingerprint is kept "an hour or so": the per-connection limit's own window. */
export const CONNECTION_DATA_HOURS = 1;

/**
 * Forgets connection fingerprints older than CONNECTION_DATA_HOURS (on enquiries, where they were
 * only needed while the limit could count them) and every rate-limit row whose window has ended.
 * Run every hour by the outbox loop on a Node server, and by the outbox sweep route on Vercel.
 */
export async function forgetExpiredConnectionData(now = new Date()): Promise<{ addresses: number; limiterRows: number }> {
  const cutoff = new Date(now.getTime() - CONNECTION_DATA_HOURS * 3_600_000);
  const [addresses, limiterRows] = await Promise.all([
    db.enquiry.updateMany({ where: { clientIpHash: { not: null }, createdAt: { lt: cutoff } }, data: { clientIpHash: null } }),
    db.rateLimiterFlexible.deleteMany({ where: { expire: { lt: now } } }),
  ]);
  return { addresses: addresses.count, limiterRows: limiterRows.count };
}
