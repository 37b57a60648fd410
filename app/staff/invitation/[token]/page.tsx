import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInvitationForm } from "@/components/staff/team-forms";
import { readInvitation } from "@/lib/data/staff/team";
import { LINK_TOKEN_PATTERN } from "@/lib/enquiries/link-token";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your staff account", robots: { index: false, follow: false }, referrer: "same-origin" };

type Props = { params: Promise<{ token: string }> };

const PROBLEMS = {
  used: "This invitation has been used already. Sign in with the password chosen then, or ask an owner for a new invitation.",
  expired: "This invitation has expired: they last 48 hours. Ask an owner of the gallery to send a new one.",
  unknown: "This invitation link is not valid. Check that the whole link from the email was opened.",
} as const;

/** Where an invited member chooses their password: the link is the proof, so no session is needed. */
export default async function InvitationPage({ params }: Props) {
  const { token } = await params;
  const invitation = LINK_TOKEN_PATTERN.test(token) ? await readInvitation(token) : ({ state: "unknown" } as const);
  return (
    <div className="mx-auto max-w-md py-6">
      <h1 id="invitation-heading" className="text-3xl font-semibold">
        Your staff account
      </h1>
      {invitation.state === "open" ? (
        <>
          <p className="mt-2 mb-6 font-sans text-ink-soft">
            Welcome, {invitation.name}. Choose a password for {invitation.email} ({invitation.role}).
          </p>
          <AcceptInvitationForm token={token} email={invitation.email} />
        </>
      ) : (
        <>
          <p className="mt-4 font-sans" data-testid="invitation-refused">
            {PROBLEMS[invitation.state]}
          </p>
          <p className="mt-4 font-sans">
            <Link href="/staff/sign-in">Staff sign-in</Link>
          </p>
        </>
      )}
    </div>
  );
}
