import Link from "next/link";
import type { ReactNode } from "react";
import { currentStaff } from "@/lib/auth/staff-session";
import { ActionForm } from "@/components/staff/action-form";
import { signOut } from "@/lib/actions/staff-auth";
import { countInboundToCheck } from "@/lib/data/inbound-emails";

export default async function StaffLayout({ children }: { children: ReactNode }) {
  const staff = await currentStaff();
  const emailsToCheck = staff ? await countInboundToCheck() : 0;
  return (
    <div>
      {staff && (
        <nav
          aria-label="Staff"
          className="mb-8 flex flex-wrap items-center justify-between gap-4 border-b border-rule pb-4 font-sans text-sm"
        >
          <ul className="flex flex-wrap gap-5">
            <li>
              <Link href="/staff">Enquiries</Link>
            </li>
            <li>
              <Link href="/staff/emails">
                Emails to check{emailsToCheck > 0 && <span data-testid="emails-to-check-count"> ({emailsToCheck})</span>}
              </Link>
            </li>
            <li>
              <Link href="/staff/collectors">Collectors</Link>
            </li>
            <li>
              <Link href="/staff/rooms">Viewing rooms</Link>
            </li>
            <li>
              <Link href="/staff/alerts">New-work alerts</Link>
            </li>
            <li>
              <Link href="/staff/offers">Offers</Link>
            </li>
            <li>
              <Link href="/staff/invoices">Invoices</Link>
            </li>
            <li>
              <Link href="/staff/dashboard">Dashboard</Link>
            </li>
            <li>
              <Link href="/staff/replies">Saved replies</Link>
            </li>
            <li>
              <Link href="/staff/viewings">Viewings</Link>
            </li>
            <li>
              <Link href="/staff/works">Catalogue</Link>
            </li>
            <li>
              <Link href="/staff/import">Import</Link>
            </li>
            <li>
              <Link href="/staff/activity">Activity</Link>
            </li>
            <li>
              <Link href="/staff/privacy">Privacy requests</Link>
            </li>
            {staff.role === "owner" && (
              <li>
                <Link href="/staff/team">Staff accounts</Link>
              </li>
            )}
            <li>
              <Link href="/staff/settings">Settings</Link>
            </li>
            <li>
              <Link href="/staff/account">Your account</Link>
            </li>
          </ul>
          <ActionForm action={signOut} className="flex items-center gap-3">
            <span className="text-ink-soft">Signed in as {staff.email}</span>
            <button type="submit" className="underline">
              Sign out
            </button>
          </ActionForm>
        </nav>
      )}
      {staff?.role === "viewer" && (
        <p className="mb-6 border-l-4 border-rule bg-white p-3 font-sans text-sm" data-testid="read-only-notice">
          Your account can read everything here; changing anything needs a staff or owner account.
        </p>
      )}
      {children}
    </div>
  );
}
