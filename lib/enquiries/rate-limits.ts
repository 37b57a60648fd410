import type { EnquiryLimits } from "@/lib/data/enquiries";

/**
 * Limits held in the database (counted inside the enquiry's own transaction), so they apply across
 * server instances. Generous for people, useless for a script.
 */
const HOUR = 60 * 60;

/** More than this many enquiries from one connection within the hour are still accepted, but flagged. */
export const FLAG_AFTER_PER_CONNECTION = 3;

export function enquiryLimits(clientKey: string | null, email: string): EnquiryLimits {
  return {
    windowSeconds: HOUR,
    // Keys as rate-limiter-flexible wrote them before, so counts carry over an upgrade.
    perConnection: clientKey ? { key: `enquiry-ip:${clientKey}`, points: 10 } : null,
    perEmail: { key: `enquiry-email:${email.toLowerCase()}`, points: 5 },
  };
}
