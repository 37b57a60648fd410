import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FileField } from "@/components/form-field";
import { ArtworkEditForm } from "@/components/staff/artwork-edit-form";
import { ActivityList } from "@/components/staff/activity-list";
import { EditorOnly } from "@/components/staff/editor-only";
import { historyOf } from "@/lib/data/staff/activity-log";
import { roleAllows } from "@/lib/staff/roles";
import { requireStaff } from "@/lib/auth/staff-session";
import { formatPrice } from "@/lib/catalogue/prices";
import { getArtworkForEdit } from "@/lib/data/staff/catalogue-editing";
import { ActionForm } from "@/components/staff/action-form";
import { PhotographAltForm } from "@/components/staff/photograph-alt-form";
import { deletePhotograph, reorderPhotograph } from "@/lib/actions/staff-catalogue";
import { photographUrl } from "@/lib/images/photograph-urls";
import { workLabel } from "@/lib/catalogue/describe";
import { photographOutcomeOf, staffNoticeText } from "@/lib/staff/notices";
import { HoldPanel } from "@/components/staff/hold-panel";
import { StartInvoiceForm } from "@/components/staff/invoice-forms";
import { holdRequestsWaiting, holdsOfWork } from "@/lib/data/staff/holds";
import { serverEnv } from "@/lib/env";
import { suggestedHoldEnd } from "@/lib/sales/holds";

export const metadata: Metadata = { title: "Edit a work", robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditArtworkPage({ params, searchParams }: Props) {
  const staff = await requireStaff();
  const canEdit = roleAllows(staff.role, "staff");
  const { id } = await params;
  const { photograph: outcome, notice: noticeKey } = await searchParams;
  const holdNotice = staffNoticeText("work", noticeKey);
  const notice = photographOutcomeOf(outcome);
  const work = await getArtworkForEdit(staff, id);
  if (!work) notFound();
  const [history, holds, requests] = await Promise.all([
    historyOf(staff, "artwork", work.id),
    holdsOfWork(staff, work.id),
    holdRequestsWaiting(staff, work.id),
  ]);
  const priceText = work.priceMinor !== null && work.currency ? formatPrice(work.priceMinor, work.currency) : "";
  return (
    <>
      <p className="font-sans text-sm">
        <Link href="/staff/works">← Catalogue</Link> · <Link href={`/works/${work.slug}`}>See it on the site</Link>
      </p>
      <h1 className="mt-4 mb-6 text-3xl font-semibold">{workLabel(work)}</h1>
      <div className="max-w-3xl space-y-12">
        <EditorOnly
          canEdit={canEdit}
          instead={
            <p className="font-sans">Your account can read only: the work is shown as collectors see it on its page (link above).</p>
          }
        >
          <ArtworkEditForm work={work} priceText={priceText} />
        </EditorOnly>
        <HoldPanel
          artworkId={work.id}
          holds={holds}
          canEdit={canEdit}
          defaultUntil={suggestedHoldEnd(new Date(), serverEnv().GALLERY_TIME_ZONE)}
          holdable={work.availability === "available" || work.availability === "reserved"}
          notice={holdNotice}
          requests={requests}
        />
        {canEdit && work.priceMinor !== null && (work.availability === "available" || work.availability === "reserved") && (
          <section aria-labelledby="invoice-heading">
            <h2 id="invoice-heading" className="text-2xl font-semibold">
              Invoice
            </h2>
            <p className="mt-2 mb-3 font-sans text-sm text-ink-soft">
              A draft invoice for this work at its price ({priceText}), to the collector it is held for or to the buyer you name. Add the
              address, framing or delivery on the draft, then issue it.
            </p>
            <StartInvoiceForm
              artworkId={work.id}
              buyer={holds.open ? { name: holds.open.collectorName, email: holds.open.collectorEmail } : null}
            />
          </section>
        )}
        <section aria-labelledby="photographs-heading">
          <h2 id="photographs-heading" className="text-2xl font-semibold">
            Photographs
          </h2>
          <p
            role="status"
            className={notice ? `mt-3 border-l-4 bg-white p-3 font-sans ${notice.ok ? "border-ok" : "border-alert"}` : "sr-only"}
          >
            {notice?.text}
          </p>
          {work.images.length === 0 ? (
            <p className="mt-2 font-sans text-sm text-ink-soft">
              No photograph yet: the public pages show an outline at the work’s true proportions.
            </p>
          ) : (
            <ul className="mt-3 grid gap-6 sm:grid-cols-2">
              {work.images.map((image, index) => (
                <li key={image.id} className="font-sans text-sm">
                  {/* eslint-disable-next-line @next/next/no-img-element -- a staff thumbnail of an already resized file */}
                  <img
                    src={photographUrl(image.storageKey, 480)}
                    alt={image.altText || `Photograph ${index + 1} of ${work.title}`}
                    width={image.width}
                    height={image.height}
                    className="h-auto w-full bg-paper-deep"
                  />
                  <p className="mt-1" data-testid="photograph-place">
                    {index === 0 ? "The main photograph" : `Shown beneath, ${index + 1} of ${work.images.length}`} · {image.width} ×{" "}
                    {image.height} px
                  </p>
                  <EditorOnly canEdit={canEdit} instead={image.altText ? <p className="mt-1">{image.altText}</p> : null}>
                    <div className="mt-1 flex flex-wrap gap-3">
                      {index > 0 && (
                        <ActionForm action={reorderPhotograph}>
                          <input type="hidden" name="imageId" value={image.id} />
                          <input type="hidden" name="direction" value="up" />
                          <button type="submit" className="underline" aria-label={`Move photograph ${index + 1} earlier`}>
                            Earlier
                          </button>
                        </ActionForm>
                      )}
                      {index < work.images.length - 1 && (
                        <ActionForm action={reorderPhotograph}>
                          <input type="hidden" name="imageId" value={image.id} />
                          <input type="hidden" name="direction" value="down" />
                          <button type="submit" className="underline" aria-label={`Move photograph ${index + 1} later`}>
                            Later
                          </button>
                        </ActionForm>
                      )}
                      <ActionForm action={deletePhotograph}>
                        <input type="hidden" name="imageId" value={image.id} />
                        <button type="submit" className="underline" aria-label={`Remove photograph ${index + 1}`}>
                          Remove
                        </button>
                      </ActionForm>
                    </div>
                    <PhotographAltForm imageId={image.id} index={index} altText={image.altText} />
                  </EditorOnly>
                </li>
              ))}
            </ul>
          )}
          {canEdit && (
            <form
              action={`/staff/works/${work.id}/photographs`}
              method="post"
              encType="multipart/form-data"
              className="mt-4 flex flex-wrap items-end gap-3 font-sans"
            >
              <FileField
                id="photograph"
                name="photograph"
                label="Add a photograph"
                accept="image/jpeg,image/png,image/webp"
                hint="JPEG, PNG or WebP, up to 15 MB. The original is kept; the site shows resized copies."
              />
              <button type="submit" className="button-quiet">
                Upload
              </button>
            </form>
          )}
        </section>
        <section aria-labelledby="history-heading">
          <h2 id="history-heading" className="text-2xl font-semibold">
            History
          </h2>
          <ActivityList entries={history} />
        </section>
      </div>
    </>
  );
}
