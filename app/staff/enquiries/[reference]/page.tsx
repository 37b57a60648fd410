import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NoteForm, ReplyForm } from "@/components/staff/enquiry-forms";
import { ActionForm } from "@/components/staff/action-form";
import { EditorOnly } from "@/components/staff/editor-only";
import { roleAllows } from "@/lib/staff/roles";
import { assignTo, changeEnquiryStatus, retryEmail, withdrawCollectorLink } from "@/lib/actions/staff-enquiries";
import { requireStaff } from "@/lib/auth/staff-session";
import { ActivityList } from "@/components/staff/activity-list";
import { historyOf } from "@/lib/data/staff/activity-log";
import { replyChoiceFor } from "@/lib/data/staff/saved-replies";
import { assignableStaff, getEnquiryForStaff } from "@/lib/data/staff/enquiry-desk";
import { collectorKeyForAddress } from "@/lib/data/staff/collectors";
import { ENQUIRY_REFERENCE_PATTERN, ENQUIRY_STATUS_LABELS, ENQUIRY_STATUSES } from "@/lib/enquiries/vocabulary";
import { workLabel, worksInBrief } from "@/lib/catalogue/describe";
import { OpenHoldLine } from "@/components/staff/hold-panel";
import { PlaceHoldForm } from "@/components/staff/hold-forms";
import { openHoldsOfWorks } from "@/lib/data/staff/holds";
import { offersOfEnquiry } from "@/lib/data/staff/offers";
import { invoicesOfEnquiry } from "@/lib/data/staff/invoices";
import { OfferDecisionForms } from "@/components/staff/offer-forms";
import { INVOICE_STANDING_LABELS, OFFER_STATUS_LABELS } from "@/lib/sales/vocabulary";
import { serverEnv } from "@/lib/env";
import { suggestedHoldEnd } from "@/lib/sales/holds";
import { staffTime } from "@/lib/time/gallery-time";
import { staffNoticeText } from "@/lib/staff/notices";

import { ViewingDecisionForms } from "@/components/staff/viewing-forms";
import { EmailAnswerBody } from "@/components/staff/email-answer";
export const metadata: Metadata = { title: "Enquiry", robots: { index: false } };

const KIND_LABELS: Record<string, string> = {
  gallery_notification: "To the gallery",
  collector_acknowledgement: "Acknowledgement to the collector",
  staff_reply: "Reply",
  collector_follow_up: "The collector's follow-up, to the gallery",
  erasure_notice: "Erasure notice",
  viewing_confirmation: "Viewing confirmation, with calendar invitation",
  viewing_cancelled: "Viewing cancelled, to the gallery",
  viewing_cancelled_by_gallery: "Viewing cancelled by the gallery, to the collector",
  enquiry_assigned: "To the member of staff it was assigned to",
  collector_email_reply: "The collector's emailed answer, to staff",
};
type Props = { params: Promise<{ reference: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EnquiryPage({ params, searchParams }: Props) {
  const staff = await requireStaff();
  const canEdit = roleAllows(staff.role, "staff");
  const { reference } = await params;
  const { notice, reply: replyParam } = await searchParams;
  const enquiry = ENQUIRY_REFERENCE_PATTERN.test(reference) ? await getEnquiryForStaff(staff, reference) : null;
  if (!enquiry) notFound();
  const noticeText = staffNoticeText("enquiry", notice);
  const workIds = enquiry.works.flatMap(({ current }) => (current ? [current.id] : []));
  const [history, assignable, replyChoice, openHolds] = await Promise.all([
    historyOf(staff, "enquiry", enquiry.reference),
    canEdit ? assignableStaff(staff) : [],
    canEdit ? replyChoiceFor(staff, enquiry, typeof replyParam === "string" ? replyParam : null) : null,
    openHoldsOfWorks(staff, workIds),
  ]);
  const offers = await offersOfEnquiry(staff, enquiry.reference);
  const invoices = await invoicesOfEnquiry(staff, enquiry.reference);
  const holdUntil = suggestedHoldEnd(new Date(), serverEnv().GALLERY_TIME_ZONE);
  const [firstWork] = enquiry.works;
  const about = firstWork ? worksInBrief(firstWork.snapshot, enquiry.works.length) : "your question";

  return (
    <>
      <p className="font-sans text-sm">
        <Link href="/staff">← All enquiries</Link>
      </p>
      <p role="status" aria-live="polite" className={noticeText ? "mt-4 border-l-4 border-ok bg-white p-3 font-sans" : "sr-only"}>
        {noticeText}
      </p>
      <h1 className="mt-4 text-3xl font-semibold">
        {enquiry.reference}: {firstWork ? about : "General question"}
      </h1>
      <p className="mt-1 font-sans text-ink-soft">
        Received {staffTime(enquiry.createdAt)} · <span data-testid="enquiry-status">{ENQUIRY_STATUS_LABELS[enquiry.status]}</span>
        {enquiry.flagged && <span className="text-alert"> · Flagged: {enquiry.flagReasons}</span>}
      </p>
      {enquiry.reply && (
        <p className="mt-1 font-sans" data-testid="enquiry-reply-by">
          {enquiry.reply.overdue ? (
            <strong className="text-alert">Overdue: {enquiry.reply.words}</strong>
          ) : (
            <>Reply {enquiry.reply.words}</>
          )}{" "}
          <span className="text-ink-soft">(reply by {staffTime(enquiry.reply.by)})</span>
        </p>
      )}

      <div className="mt-8 grid gap-10 lg:grid-cols-[3fr_2fr]">
        <div className="space-y-8">
          <section aria-labelledby="message-heading">
            <h2 id="message-heading" className="text-xl font-semibold">
              From {enquiry.name}
            </h2>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 font-sans text-sm">
              <dt className="text-ink-soft">Email</dt>
              <dd>
                <a href={`mailto:${enquiry.email}`}>{enquiry.email}</a> ·{" "}
                <Link href={`/staff/collectors/${await collectorKeyForAddress(enquiry.email)}`}>Their record: everything they did</Link>
              </dd>
              {enquiry.phone && (
                <>
                  <dt className="text-ink-soft">Phone</dt>
                  <dd>{enquiry.phone}</dd>
                </>
              )}
              {enquiry.questions.length > 0 && (
                <>
                  <dt className="text-ink-soft">Asks about</dt>
                  <dd>
                    {enquiry.questions.join("; ")}
                    {enquiry.shippingCountry ? ` (shipping to ${enquiry.shippingCountry})` : ""}
                  </dd>
                </>
              )}
            </dl>
            <div className="mt-4 whitespace-pre-wrap bg-white p-4" data-testid="enquiry-message">
              {enquiry.message || "(No message: see the questions above.)"}
            </div>
            {enquiry.followUps.length > 0 && (
              <>
                <h3 className="mt-6 text-lg font-semibold">Added later by the collector</h3>
                <ol className="mt-2 space-y-3">
                  {enquiry.followUps.map((followUp) => (
                    <li key={followUp.id} className="bg-white p-4" data-testid="follow-up">
                      <p className="font-sans text-sm text-ink-soft">{staffTime(followUp.createdAt)}, from their follow page</p>
                      <p className="mt-1 whitespace-pre-wrap">{followUp.body}</p>
                    </li>
                  ))}
                </ol>
              </>
            )}
            {enquiry.emailAnswers.length > 0 && (
              <>
                <h3 className="mt-6 text-lg font-semibold">Their answers by email</h3>
                <ol className="mt-2 space-y-3">
                  {enquiry.emailAnswers.map((answer) => (
                    <li key={answer.id} className="bg-white p-4" data-testid="email-answer">
                      <p className="font-sans text-sm text-ink-soft">
                        {staffTime(answer.receivedAt)}, by email from {answer.from} · {answer.subject}
                      </p>
                      <EmailAnswerBody answer={answer} />
                    </li>
                  ))}
                </ol>
              </>
            )}
          </section>

          <EditorOnly canEdit={canEdit}>
            <section aria-labelledby="reply-heading">
              <h2 id="reply-heading" className="text-xl font-semibold">
                Reply by email
              </h2>
              <ReplyForm
                reference={enquiry.reference}
                defaultSubject={`Re: ${about} (${enquiry.reference})`}
                greeting={`Dear ${enquiry.name},\n\n`}
                replies={replyChoice?.replies ?? []}
                chosenId={replyChoice?.chosenId ?? null}
                notice={replyChoice?.notice ?? null}
              />
            </section>
          </EditorOnly>

          <section aria-labelledby="emails-heading">
            <h2 id="emails-heading" className="text-xl font-semibold">
              Emails
            </h2>
            <ul className="mt-3 space-y-3 font-sans text-sm">
              {enquiry.emails.map((email) => (
                <li key={email.id} className="border border-rule bg-white p-3" data-testid="email-row">
                  <p>
                    <strong>{KIND_LABELS[email.kind] ?? email.kind}</strong> to {email.to}
                    {email.sentBy ? ` · by ${email.sentBy}` : ""}
                  </p>
                  <p className="text-ink-soft">{email.subject}</p>
                  <p data-testid="email-state">
                    {email.status === "sent" && <span className="text-ok">Sent {email.sentAt ? staffTime(email.sentAt) : ""}</span>}
                    {email.status === "pending" && (
                      <span>
                        Waiting to send
                        {email.attempts > 0
                          ? `: ${email.attempts} attempt${email.attempts === 1 ? "" : "s"} so far, next ${staffTime(email.nextAttemptAt)}`
                          : ""}
                      </span>
                    )}
                    {email.status === "sending" && <span>Sending now</span>}
                    {email.status === "failed" && (
                      <span className="text-alert">
                        Failed after {email.attempts} attempt{email.attempts === 1 ? "" : "s"}
                      </span>
                    )}
                  </p>
                  {email.lastError && email.status !== "sent" && <p className="mt-1 text-alert">The mail server said: {email.lastError}</p>}
                  {canEdit && (email.status === "failed" || email.status === "pending") && (
                    <ActionForm action={retryEmail} className="mt-2">
                      <input type="hidden" name="reference" value={enquiry.reference} />
                      <input type="hidden" name="emailId" value={email.id} />
                      <button type="submit" className="button-quiet">
                        Retry now
                      </button>
                    </ActionForm>
                  )}
                  {email.kind === "staff_reply" && <pre className="mt-2 whitespace-pre-wrap font-serif">{email.textBody}</pre>}
                </li>
              ))}
            </ul>
          </section>
        </div>

        <aside className="space-y-8">
          <section aria-labelledby="status-heading">
            <h2 id="status-heading" className="text-xl font-semibold">
              Status
            </h2>
            <EditorOnly canEdit={canEdit} instead={<p className="mt-2 font-sans">{ENQUIRY_STATUS_LABELS[enquiry.status]}</p>}>
              <ActionForm action={changeEnquiryStatus} className="mt-2 flex flex-wrap items-end gap-3 font-sans">
                <input type="hidden" name="reference" value={enquiry.reference} />
                <div>
                  <label htmlFor="status" className="field-label">
                    Set status
                  </label>
                  <select id="status" name="status" defaultValue={enquiry.status} className="field-input">
                    {ENQUIRY_STATUSES.map((status) => (
                      <option key={status} value={status}>
                        {ENQUIRY_STATUS_LABELS[status]}
                      </option>
                    ))}
                  </select>
                </div>
                <button type="submit" className="button-quiet">
                  Save status
                </button>
              </ActionForm>
            </EditorOnly>
            {enquiry.status === "spam" && (
              <p className="mt-2 font-sans text-sm">Not spam? Set another status to release it to the inbox.</p>
            )}
          </section>

          <section aria-labelledby="assignee-heading">
            <h2 id="assignee-heading" className="text-xl font-semibold">
              Assigned to
            </h2>
            <p className="mt-2 font-sans" data-testid="assignee">
              {enquiry.assignedTo ? enquiry.assignedTo.name : "Nobody yet"}
            </p>
            <EditorOnly canEdit={canEdit}>
              <ActionForm action={assignTo} className="mt-2 flex flex-wrap items-end gap-3 font-sans">
                <input type="hidden" name="reference" value={enquiry.reference} />
                <div>
                  <label htmlFor="assignee" className="field-label">
                    Give it to
                  </label>
                  <select id="assignee" name="assigneeId" defaultValue={enquiry.assignedTo?.id ?? ""} className="field-input">
                    <option value="">Nobody</option>
                    {assignable.map((member) => (
                      <option key={member.id} value={member.id}>
                        {member.id === staff.id ? `${member.name} (you)` : member.name}
                      </option>
                    ))}
                  </select>
                </div>
                <button type="submit" className="button-quiet">
                  Assign
                </button>
              </ActionForm>
              <p className="mt-1 font-sans text-sm text-ink-soft">They are emailed a link to it (unless you give it to yourself).</p>
            </EditorOnly>
          </section>

          {offers.length > 0 && (
            <section aria-labelledby="offers-heading">
              <h2 id="offers-heading" className="text-xl font-semibold">
                {offers.length === 1 ? "Offer" : "Offers"}
              </h2>
              <ul className="mt-2 space-y-4">
                {offers.map((offer) => (
                  <li key={offer.id} className="font-sans text-sm" data-testid="offer">
                    <p>
                      <strong>{offer.amount}</strong> for {offer.workLabel} (asking {offer.asking}, {offer.discountPercent} % below) ·{" "}
                      <span data-testid="offer-status">{OFFER_STATUS_LABELS[offer.status]}</span>
                      {offer.counter && <> · countered at {offer.counter}</>}
                      {(offer.status === "open" || offer.status === "countered") && <> · stands until {offer.until}</>}
                    </p>
                    {canEdit && (offer.status === "open" || offer.status === "countered") && (
                      <OfferDecisionForms offerId={offer.id} label={offer.workLabel} canCounter={offer.status === "open"} />
                    )}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {invoices.length > 0 && (
            <section aria-labelledby="invoices-heading">
              <h2 id="invoices-heading" className="text-xl font-semibold">
                Invoices
              </h2>
              <ul className="mt-2 space-y-1 font-sans text-sm">
                {invoices.map((invoice) => (
                  <li key={invoice.id}>
                    <Link href={`/staff/invoices/${invoice.id}`}>{invoice.number ?? "Draft invoice"}</Link> · {invoice.total} ·{" "}
                    <span data-testid="invoice-standing">{INVOICE_STANDING_LABELS[invoice.standing]}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}

          <section aria-labelledby="work-heading">
            <h2 id="work-heading" className="text-xl font-semibold">
              {enquiry.works.length > 1 ? `The ${enquiry.works.length} works as they saw them` : "The work as they saw it"}
            </h2>
            {enquiry.works.length > 0 ? (
              <ol className="mt-2 space-y-4">
                {enquiry.works.map(({ snapshot, current }, index) => (
                  <li key={`${snapshot.slug}-${index}`} className="font-sans text-sm" data-testid="snapshot">
                    <p className="font-semibold">{workLabel(snapshot)}</p>
                    <p>{snapshot.medium}</p>
                    {snapshot.sizes.map((size) => (
                      <p key={size}>{size}</p>
                    ))}
                    <p>
                      {snapshot.availability} · {snapshot.price}
                    </p>
                    {current ? (
                      <p className="mt-1">
                        <Link href={`/works/${current.slug}`}>See the work now</Link>
                        {current.title !== snapshot.title && ` (now titled “${current.title}”)`}
                      </p>
                    ) : null}
                    {current && openHolds.get(current.id) ? (
                      <div className="mt-2">
                        <OpenHoldLine hold={openHolds.get(current.id)!} />
                        <Link href={`/staff/works/${current.id}#hold-heading`}>Extend or release it</Link>
                      </div>
                    ) : current && canEdit && (current.availability === "available" || current.availability === "reserved") ? (
                      <div className="mt-3 border-t border-rule pt-2">
                        <h3 className="font-semibold">Hold it for {enquiry.name}</h3>
                        <div className="mt-2">
                          <PlaceHoldForm
                            artworkId={current.id}
                            idPrefix={`hold-${index}`}
                            until={holdUntil}
                            collector={{ name: enquiry.name, email: enquiry.email }}
                            enquiryReference={enquiry.reference}
                            buttonLabel={`Hold ${workLabel(snapshot)}`}
                          />
                        </div>
                      </div>
                    ) : null}
                    {current ? null : <p className="mt-1 text-ink-soft">The work has since been removed from the catalogue.</p>}
                  </li>
                ))}
              </ol>
            ) : (
              <p className="mt-2 font-sans text-sm">A general question, not about one work.</p>
            )}
          </section>

          {enquiry.viewing && (
            <section aria-labelledby="viewing-heading">
              <h2 id="viewing-heading" className="text-xl font-semibold">
                Viewing
              </h2>
              <p className="mt-2 font-sans text-sm" data-testid="enquiry-viewing">
                {enquiry.viewing.cancelledAt ? (
                  <>
                    <span className="line-through">{enquiry.viewing.when}</span> (cancelled by{" "}
                    {enquiry.viewing.cancelledByStaff ?? "the collector"})
                  </>
                ) : enquiry.viewing.awaitingRelease ? (
                  <>
                    {enquiry.viewing.when}: waiting for you. It takes no place and no confirmation was sent, because{" "}
                    {enquiry.flagged
                      ? "the enquiry was held back as possible spam"
                      : "a viewing confirmation went to this address earlier the same day"}
                    . Release it if the collector is real.
                  </>
                ) : (
                  <>
                    {enquiry.viewing.when} · <Link href={`/staff/viewings?day=${enquiry.viewing.day}`}>the day&rsquo;s viewings</Link>
                  </>
                )}
              </p>
              {canEdit && !enquiry.viewing.cancelledAt && (
                <ViewingDecisionForms reference={enquiry.reference} awaitingRelease={enquiry.viewing.awaitingRelease} />
              )}
            </section>
          )}

          <section aria-labelledby="follow-link-heading">
            <h2 id="follow-link-heading" className="text-xl font-semibold">
              The collector&rsquo;s follow link
            </h2>
            <div className="mt-2 font-sans text-sm" data-testid="follow-link-state">
              {!enquiry.followLink ? (
                <p>None was made for this enquiry.</p>
              ) : enquiry.followLink.withdrawnAt ? (
                <p>Withdrawn {staffTime(enquiry.followLink.withdrawnAt)}: it no longer opens this enquiry.</p>
              ) : (
                <>
                  <p>
                    Sent in the acknowledgement (if one was sent); it shows the collector this enquiry&rsquo;s status, the replies and a
                    form to add a message, until {staffTime(enquiry.followLink.expiresAt)}.
                  </p>
                  {canEdit && (
                    <ActionForm action={withdrawCollectorLink} className="mt-2">
                      <input type="hidden" name="reference" value={enquiry.reference} />
                      <button type="submit" className="button-quiet">
                        Withdraw the link
                      </button>
                    </ActionForm>
                  )}
                </>
              )}
            </div>
          </section>

          <section aria-labelledby="notes-heading">
            <h2 id="notes-heading" className="text-xl font-semibold">
              Notes
            </h2>
            <ol className="mt-2 space-y-2 font-sans text-sm">
              {enquiry.notes.map((note) => (
                <li key={note.id} className="border-l-2 border-rule pl-3" data-testid="note">
                  <p className="whitespace-pre-wrap">{note.body}</p>
                  <p className="text-ink-soft">
                    {note.author}, {staffTime(note.createdAt)}
                  </p>
                </li>
              ))}
            </ol>
            <EditorOnly canEdit={canEdit}>
              <div className="mt-4">
                <NoteForm reference={enquiry.reference} />
              </div>
            </EditorOnly>
          </section>
          <section aria-labelledby="history-heading">
            <h2 id="history-heading" className="text-xl font-semibold">
              History
            </h2>
            <ActivityList entries={history} />
          </section>
        </aside>
      </div>
    </>
  );
}
