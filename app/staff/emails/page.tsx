import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/staff/action-form";
import { EditorOnly } from "@/components/staff/editor-only";
import { FileIntoEnquiryForm } from "@/components/staff/inbound-email-forms";
import { EmailAnswerBody } from "@/components/staff/email-answer";
import { setInboundEmailAside } from "@/lib/actions/staff-inbound-emails";
import { requireStaff } from "@/lib/auth/staff-session";
import { listEmailsToCheck } from "@/lib/data/staff/inbound-emails";
import { roleAllows } from "@/lib/staff/roles";
import { staffNoticeText } from "@/lib/staff/notices";
import { staffTime } from "@/lib/time/gallery-time";

export const metadata: Metadata = { title: "Emails to check", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EmailsToCheckPage({ searchParams }: Props) {
  const staff = await requireStaff();
  const canEdit = roleAllows(staff.role, "staff");
  const { notice } = await searchParams;
  const noticeText = staffNoticeText("emails", notice);
  const emails = await listEmailsToCheck(staff);
  return (
    <>
      <h1 className="text-3xl font-semibold">Emails to check</h1>
      <p className="mt-2 max-w-3xl font-sans text-sm text-ink-soft">
        Emails that came in answer to the gallery&rsquo;s emails but are not plainly the collector&rsquo;s own words: automatic replies,
        answers from another address than the enquiry&rsquo;s, and emails no enquiry was found for. Collectors&rsquo; answers from their own
        address go straight into their enquiry.
      </p>
      <p role="status" className={noticeText ? "mt-4 border-l-4 border-ok bg-white p-3 font-sans" : "sr-only"}>
        {noticeText}
      </p>
      {emails.length === 0 ? (
        <p className="mt-8 font-sans">Nothing to check.</p>
      ) : (
        <ul className="mt-8 space-y-8">
          {emails.map((email) => (
            <li key={email.id} className="max-w-3xl border-t border-rule pt-6" data-testid="email-to-check">
              <h2 className="text-xl font-semibold">{email.subject || "(no subject)"}</h2>
              <p className="mt-1 font-sans text-sm text-ink-soft">
                {staffTime(email.receivedAt)} · from {email.from}
                {email.enquiryReference && (
                  <>
                    {" "}
                    · about <Link href={`/staff/enquiries/${email.enquiryReference}`}>{email.enquiryReference}</Link>
                  </>
                )}
              </p>
              <p className="mt-1 font-sans text-sm" data-testid="check-reason">
                {email.reason}
              </p>
              <div className="mt-3 bg-white p-4">
                <EmailAnswerBody answer={email} />
              </div>
              <EditorOnly canEdit={canEdit}>
                <div className="mt-4 flex flex-wrap items-end gap-6">
                  <FileIntoEnquiryForm emailId={email.id} suggested={email.enquiryReference} />
                  <ActionForm action={setInboundEmailAside}>
                    <input type="hidden" name="emailId" value={email.id} />
                    <button type="submit" className="button-quiet">
                      Set aside
                    </button>
                  </ActionForm>
                </div>
              </EditorOnly>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
