import "server-only";
import { enquiryStatusFrom } from "@/lib/data/database-values";
import { staffTime } from "@/lib/time/gallery-time";
import { requireRole, type StaffMember } from "@/lib/staff/roles";
import { workLabel } from "@/lib/catalogue/describe";
import { activityEntry } from "@/lib/data/activity";
import { erasePersonalData, exportPersonalData, type ErasureReport, type PersonalDataExport } from "@/lib/data/personal-data";
import { readArtworkSnapshot } from "@/lib/enquiries/snapshot";
import { ENQUIRY_STATUS_LABELS } from "@/lib/enquiries/vocabulary";

/**
 * A collector's privacy request, answered by staff: everything held about an email address (in any
 * letter case), as a readable summary or the whole JSON, and its erasure after confirmation. Exports and
 * erasures are written to the activity log by reference, never with the address.
 */

export type HeldSummary = {
  email: string;
  enquiries: Array<{
    reference: string;
    receivedAt: string;
    /** The same moment in the staff area's words (the form that shows it runs in the browser). */
    received: string;
    status: string;
    works: string[];
    message: string;
    notes: number;
    followUps: number;
  }>;
  emails: number;
  rateLimitCount: boolean;
};

export async function findPersonalData(staff: StaffMember, email: string): Promise<HeldSummary> {
  requireRole(staff, "staff");
  const held = await exportPersonalData(email);
  return {
    email: held.email,
    enquiries: held.enquiries.map((enquiry) => ({
      reference: enquiry.reference,
      receivedAt: enquiry.createdAt.toISOString(),
      received: staffTime(enquiry.createdAt.toISOString()),
      status: ENQUIRY_STATUS_LABELS[enquiryStatusFrom(enquiry.status)],
      works: enquiry.works.flatMap((work) => {
        const snapshot = readArtworkSnapshot(work.snapshot);
        return snapshot ? [workLabel(snapshot)] : [];
      }),
      message: enquiry.message,
      notes: enquiry.notes.length,
      followUps: enquiry.followUps.length,
    })),
    emails: held.emails.length,
    rateLimitCount: held.rateLimitCount !== null,
  };
}

/** The whole export, as the collector is sent it; the export itself goes into the activity log. */
export async function exportPersonalDataForStaff(staff: StaffMember, email: string): Promise<PersonalDataExport> {
  requireRole(staff, "staff");
  const held = await exportPersonalData(email);
  const references = held.enquiries.map((enquiry) => String(enquiry.reference));
  await activityEntry({
    actor: staff,
    action: "exported a collector's data at their request",
    subjectType: "privacy",
    subjectLabel: references.length > 0 ? references.join(", ") : "no enquiries held",
    detail: `${held.enquiries.length} enquiries, ${held.emails.length} emails`,
  });
  return held;
}

export async function erasePersonalDataForStaff(staff: StaffMember, email: string): Promise<ErasureReport> {
  requireRole(staff, "staff");
  return erasePersonalData(email, staff);
}
