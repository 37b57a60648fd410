import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/staff/change-password-form";
import { requireStaff } from "@/lib/auth/staff-session";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

export default async function AccountPage() {
  const staff = await requireStaff();
  return (
    <>
      <h1 className="text-3xl font-semibold">Your account</h1>
      <p className="mt-2 mb-6 font-sans text-ink-soft">
        {staff.name} · {staff.email}
      </p>
      <h2 className="mb-3 text-xl font-semibold">Change your password</h2>
      <ChangePasswordForm />
    </>
  );
}
