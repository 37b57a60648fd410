import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/staff/change-password-form";
import { requireStaff } from "@/lib/auth/staff-session";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AccountPage({ searchParams }: Props) {
  const staff = await requireStaff();
  const changed = (await searchParams)["password-changed"] === "1";
  return (
    <>
      <h1 className="text-3xl font-semibold">Your account</h1>
      <p className="mt-2 mb-6 font-sans text-ink-soft">
        {staff.name} · {staff.email}
      </p>
      <p role="status" className={changed ? "mb-6 border-l-4 border-ok bg-white p-3 font-sans" : "sr-only"}>
        {changed ? "Your password has been changed. Other devices have been signed out." : ""}
      </p>
      <h2 className="mb-3 text-xl font-semibold">Change your password</h2>
      <ChangePasswordForm />
    </>
  );
}
