import "server-only";
import { db } from "@/lib/db";

/** The privacy notice promises deletion two years after the last message: this keeps that promise. */
export const ENQUIRY_RETENTION_DAYS = 730;

/** Deletes enquiries (with their emails and notes) untouched for the retention period. Returns how many. */
export async function purgeExpiredEnquiries(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - ENQUIRY_RETENTION_DAYS * 86_400_000);
  const { count } = await db.enquiry.deleteMany({ where: { updatedAt: { lt: cutoff }, notes: { none: { createdAt: { gte: cutoff } } } } });
  return count;
}
