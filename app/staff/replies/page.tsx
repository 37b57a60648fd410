import type { Metadata } from "next";
import { ActionForm } from "@/components/staff/action-form";
import { EditorOnly } from "@/components/staff/editor-only";
import { ReplyTemplateForm } from "@/components/staff/reply-template-form";
import { deleteReply } from "@/lib/actions/staff-saved-replies";
import { roleAllows } from "@/lib/staff/roles";
import { requireStaff } from "@/lib/auth/staff-session";
import { listReplyTemplates } from "@/lib/data/staff/saved-replies";
import { PLACEHOLDERS } from "@/lib/enquiries/reply-placeholders";
import { staffNoticeText } from "@/lib/staff/notices";

export const metadata: Metadata = { title: "Saved replies", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SavedRepliesPage({ searchParams }: Props) {
  const staff = await requireStaff();
  const canEdit = roleAllows(staff.role, "staff");
  const { notice } = await searchParams;
  const noticeText = staffNoticeText("replies", notice);
  const templates = await listReplyTemplates(staff);
  return (
    <>
      <h1 className="text-3xl font-semibold">Saved replies</h1>
      <p role="status" className={noticeText ? "mt-4 border-l-4 border-ok bg-white p-3 font-sans" : "sr-only"}>
        {noticeText}
      </p>
      <section aria-labelledby="placeholders-heading" className="mt-6 max-w-3xl font-sans text-sm">
        <h2 id="placeholders-heading" className="text-xl font-semibold">
          Placeholders
        </h2>
        <p className="mt-1">
          Written in a saved reply, each is replaced for the enquiry being answered; the reply can still be edited before it is sent.
        </p>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          {Object.entries(PLACEHOLDERS).map(([name, meaning]) => (
            <div key={name} className="contents">
              <dt>
                <code>{`{${name}}`}</code>
              </dt>
              <dd>{meaning}</dd>
            </div>
          ))}
        </dl>
      </section>

      <ul className="mt-10 space-y-10">
        {templates.map((template) => (
          <li key={template.id} className="max-w-3xl border-t border-rule pt-6" data-testid="saved-reply">
            <h2 className="text-xl font-semibold">
              {template.name}
              {template.forSold && <span className="ml-2 font-sans text-sm font-normal text-ink-soft">(offered when a work is sold)</span>}
            </h2>
            <EditorOnly
              canEdit={canEdit}
              instead={
                <div className="mt-2 font-sans text-sm">
                  <p className="font-semibold">{template.subject}</p>
                  <p className="whitespace-pre-line">{template.body}</p>
                </div>
              }
            >
              <div className="mt-3">
                <ReplyTemplateForm saved={template} label={`Change “${template.name}”`} />
              </div>
              <ActionForm action={deleteReply} className="mt-3 font-sans">
                <input type="hidden" name="id" value={template.id} />
                <button type="submit" className="button-quiet" aria-label={`Delete “${template.name}”`}>
                  Delete
                </button>
              </ActionForm>
            </EditorOnly>
          </li>
        ))}
      </ul>

      <EditorOnly canEdit={canEdit}>
        <section aria-labelledby="new-reply-heading" className="mt-12 max-w-3xl border-t border-rule pt-6">
          <h2 id="new-reply-heading" className="text-xl font-semibold">
            A new saved reply
          </h2>
          <div className="mt-3">
            <ReplyTemplateForm label="A new saved reply" />
          </div>
        </section>
      </EditorOnly>
    </>
  );
}
