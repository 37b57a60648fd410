import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CollectorNoteForm, CollectorTagsForm, EraseCollectorForm, MergeCollectorsForm } from "@/components/staff/collector-forms";
import { EditorOnly } from "@/components/staff/editor-only";
import { requireStaff } from "@/lib/auth/staff-session";
import { readCollectorRecord } from "@/lib/data/staff/collectors";
import { roleAllows } from "@/lib/staff/roles";
import { staffNoticeText } from "@/lib/staff/notices";
import { staffTime } from "@/lib/time/gallery-time";

export const metadata: Metadata = { title: "Collector", robots: { index: false } };

type Props = { params: Promise<{ key: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CollectorPage({ params, searchParams }: Props) {
  const staff = await requireStaff();
  const { key } = await params;
  const { notice } = await searchParams;
  const record = await readCollectorRecord(staff, key);
  if (!record) notFound();
  const canEdit = roleAllows(staff.role, "staff");
  const noticeText = staffNoticeText("collectors", notice);
  return (
    <>
      <p className="font-sans text-sm">
        <Link href="/staff/collectors">All collectors</Link>
      </p>
      <h1 className="mt-2 text-3xl font-semibold">{record.name || "(no name given)"}</h1>
      <p className="mt-1 font-sans text-sm" data-testid="collector-addresses">
        {record.addresses.join(", ")}
      </p>
      <p role="status" className={noticeText ? "mt-4 border-l-4 border-ok bg-white p-3 font-sans" : "sr-only"}>
        {noticeText}
      </p>
      <div className="mt-8 grid gap-10 lg:grid-cols-[3fr_2fr]">
        <section aria-labelledby="history-heading">
          <h2 id="history-heading" className="text-xl font-semibold">
            Everything they did
          </h2>
          <ol className="mt-3 space-y-3 font-sans text-sm">
            {record.events.map((event, index) => (
              <li key={`${event.kind}-${index}`} className="border-l-2 border-rule pl-3" data-testid="collector-event">
                <p className="text-ink-soft">
                  {staffTime(event.at)} · <strong>{event.label}</strong>
                  {event.enquiryReference && (
                    <>
                      {" "}
                      · <Link href={`/staff/enquiries/${event.enquiryReference}`}>{event.enquiryReference}</Link>
                    </>
                  )}
                </p>
                <p className="mt-1 whitespace-pre-wrap">{event.text}</p>
              </li>
            ))}
          </ol>
        </section>
        <aside className="space-y-8">
          <section aria-labelledby="tags-heading">
            <h2 id="tags-heading" className="text-xl font-semibold">
              Interests
            </h2>
            <EditorOnly canEdit={canEdit} instead={<p className="mt-2 font-sans text-sm">{record.tags.join(", ") || "None noted."}</p>}>
              <CollectorTagsForm recordKey={record.key} tags={record.tags} />
            </EditorOnly>
          </section>
          <section aria-labelledby="notes-heading">
            <h2 id="notes-heading" className="text-xl font-semibold">
              Notes
            </h2>
            <ol className="mt-2 space-y-2 font-sans text-sm">
              {record.notes.map((note) => (
                <li key={note.id} className="bg-white p-3" data-testid="collector-note">
                  <p className="text-ink-soft">
                    {note.author}, {staffTime(note.createdAt)}
                  </p>
                  <p className="mt-1 whitespace-pre-wrap">{note.body}</p>
                </li>
              ))}
            </ol>
            <EditorOnly canEdit={canEdit}>
              <div className="mt-3">
                <CollectorNoteForm recordKey={record.key} />
              </div>
            </EditorOnly>
          </section>
          <EditorOnly canEdit={canEdit}>
            <section aria-labelledby="merge-heading">
              <h2 id="merge-heading" className="text-xl font-semibold">
                Two records of one person
              </h2>
              <MergeCollectorsForm recordKey={record.key} />
            </section>
            <section aria-labelledby="erase-heading">
              <h2 id="erase-heading" className="text-xl font-semibold">
                Erase at their request
              </h2>
              <EraseCollectorForm recordKey={record.key} />
            </section>
          </EditorOnly>
        </aside>
      </div>
    </>
  );
}
