import type { Metadata } from "next";
import { PrivacyRequestPanel } from "@/components/staff/privacy-forms";
import { roleAllows } from "@/lib/staff/roles";
import { requireStaff } from "@/lib/auth/staff-session";

export const metadata: Metadata = { title: "Privacy requests", robots: { index: false } };

export default async function PrivacyRequestsPage() {
  const staff = await requireStaff();
  return (
    <>
      <h1 className="text-3xl font-semibold">Privacy requests</h1>
      <p className="mt-2 mb-6 max-w-2xl font-sans text-ink-soft">
        A collector may ask what the gallery holds about them, for a copy, or for it to be erased. Find everything held about their email
        address (in any letter case), download it for them, or erase it. Exports and erasures are recorded in the activity log by reference
        only.
      </p>
      {roleAllows(staff.role, "staff") ? (
        <PrivacyRequestPanel />
      ) : (
        <p className="font-sans">Your account can read only: privacy requests need a staff or owner account.</p>
      )}
    </>
  );
}
