import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/staff/sign-in-form";
import { currentStaff } from "@/lib/auth/staff-session";

export const metadata: Metadata = { title: "Staff sign-in", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  if (await currentStaff()) redirect("/staff");
  const query = await searchParams;
  const signedOut = query["signed-out"] === "1";
  const welcomed = typeof query.welcome === "string" && query.welcome.length < 255 ? query.welcome : null;
  return (
    <div className="mx-auto max-w-md py-6">
      <h1 id="sign-in-heading" className="text-3xl font-semibold">
        Staff sign-in
      </h1>
      <p className="mt-2 mb-6 font-sans text-ink-soft">
        {welcomed
          ? `Your account ${welcomed} is ready: sign in with the password you chose.`
          : signedOut
            ? "You have signed out."
            : "For gallery staff: read and answer enquiries, and keep the catalogue up to date."}
      </p>
      <SignInForm />
    </div>
  );
}
