import type { EnquiryLimits } from "@/lib/data/enquiries";

/**
 * Limits held in the database (counted inside the enquiry's own transaction), so they apply across
 * server instances. Generous for people, useless for a script.
 */
const HOUR = 60 * 60;

/** More than this many enquiries from one connection within the hour are still accepted, but flagged. */
export const FLAG_AFTER_PER_CONNECTION = 3;

/**
 * clientKey and emailKey are keyed hashes (never the address itself): a limiter row says "this
 * many from someone, until then", and is deleted when its window ends (forgetExpiredConnectionData).
 */
export function enquiryLimits(clientKey: string | null, emailKey: string): EnquiryLimits {
  return {
    windowSeconds: HOUR,
    perConnection: clientKey ? { key: `enquiry-ip:${clientKey}`, points: 10 } : null,
    perEmail: { key: `enquiry-email:${emailKey}`, points: 5 },
  };
}
