import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/staff/action-form";
import { ExhibitionForm, SectionForm } from "@/components/staff/section-forms";
import { TableHead } from "@/components/staff/table-head";
import { reorderArtwork, reorderSection, toggleArtworkPublished } from "@/lib/actions/staff-catalogue";
import { EditorOnly } from "@/components/staff/editor-only";
import { roleAllows } from "@/lib/staff/roles";
import { requireStaff } from "@/lib/auth/staff-session";
import { AVAILABILITY_LABELS } from "@/lib/catalogue/vocabulary";
import { listCatalogueForStaff } from "@/lib/data/staff/catalogue-editing";
import { workLabel } from "@/lib/catalogue/describe";

export const metadata: Metadata = { title: "Catalogue", robots: { index: false } };

function MoveButtons({ id, action, label }: { id: string; action: typeof reorderArtwork; label: string }) {
  return (
    <span className="inline-flex gap-1">
      {(["up", "down"] as const).map((direction) => (
        <ActionForm key={direction} action={action}>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="direction" value={direction} />
          <button type="submit" className="px-2 py-1 font-sans text-sm" aria-label={`Move ${label} ${direction}`}>
            {direction === "up" ? "↑" : "↓"}
          </button>
        </ActionForm>
      ))}
    </span>
  );
}

export default async function StaffCataloguePage() {
  const staff = await requireStaff();
  const canEdit = roleAllows(staff.role, "staff");
  const exhibitions = await listCatalogueForStaff(staff);
  return (
    <>
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="text-3xl font-semibold">Catalogue</h1>
        <Link href="/staff/import" className="font-sans">
          Import a spreadsheet
        </Link>
      </div>
      {exhibitions.map((exhibition) => (
        <section key={exhibition.id} aria-labelledby={`exhibition-${exhibition.id}`} className="mt-8">
          <h2 id={`exhibition-${exhibition.id}`} className="text-2xl font-semibold">
            {exhibition.title} {!exhibition.published && <span className="font-sans text-base text-alert">(unpublished)</span>}
          </h2>
          <EditorOnly canEdit={canEdit}>
            <details className="mt-2 font-sans">
              <summary className="cursor-pointer">Edit the exhibition’s title and introduction</summary>
              <div className="mt-3 max-w-2xl">
                <ExhibitionForm exhibition={exhibition} />
              </div>
            </details>
          </EditorOnly>
          {exhibition.sections.map((section) => (
            <section key={section.id} aria-label={`${section.title}, ${exhibition.title}`} className="mt-8 border-t border-rule pt-4">
              <h3 id={`section-${section.id}`} className="flex flex-wrap items-center gap-2 text-xl font-semibold">
                {section.title}
                {canEdit && <MoveButtons id={section.id} action={reorderSection} label={`section ${section.title}`} />}
              </h3>
              <EditorOnly canEdit={canEdit}>
                <details className="mt-1 font-sans">
                  <summary className="cursor-pointer">Edit this section</summary>
                  <div className="mt-3 max-w-2xl">
                    <SectionForm section={section} />
                  </div>
                </details>
              </EditorOnly>
              {section.works.length === 0 ? (
                <p className="mt-2 font-sans text-sm text-ink-soft">No works in this section.</p>
              ) : (
                <table className="mt-3 w-full border-collapse text-left font-sans text-sm">
                  <caption className="sr-only">Works in {section.title}, in the order shown on the site</caption>
                  <TableHead columns={["Order", "Work", "Availability", "Photographs", "On the site"]} />
                  <tbody>
                    {section.works.map((work) => (
                      <tr key={work.id} className="border-b border-rule">
                        <td className="py-1 pr-3">
                          {canEdit ? <MoveButtons id={work.id} action={reorderArtwork} label={workLabel(work)} /> : null}
                        </td>
                        <td className="py-1 pr-3">
                          <Link href={`/staff/works/${work.id}`}>{workLabel(work)}</Link>
                          {work.needsChecking ? <span className="ml-2 text-alert">· check size or price</span> : null}
                        </td>
                        <td className="py-1 pr-3">{AVAILABILITY_LABELS[work.availability]}</td>
                        <td className="py-1 pr-3">{work.photographs}</td>
                        <td className="py-1">
                          <EditorOnly canEdit={canEdit} instead={work.published ? "Published" : "Hidden"}>
                            <ActionForm action={toggleArtworkPublished} className="inline">
                              <input type="hidden" name="id" value={work.id} />
                              <input type="hidden" name="published" value={work.published ? "false" : "true"} />
                              {work.published ? "Published" : "Hidden"} ·{" "}
                              <button
                                type="submit"
                                className="underline"
                                aria-label={`${work.published ? "Unpublish" : "Publish"} ${workLabel(work)}`}
                              >
                                {work.published ? "Unpublish" : "Publish"}
                              </button>
                            </ActionForm>
                          </EditorOnly>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          ))}
        </section>
      ))}
    </>
  );
}
