import type { EmailAnswerView } from "@/lib/data/staff/enquiry-desk";

/**
 * A collector's emailed answer as staff read it, in the enquiry and in "Emails to check": their words,
 * the files it carried (photographs shown), what was not kept, and the whole email behind a click.
 */
export function EmailAnswerBody({ answer }: { answer: EmailAnswerView }) {
  return (
    <>
      <p className="mt-1 whitespace-pre-wrap">{answer.replyText}</p>
      {answer.attachments.length > 0 && (
        <ul className="mt-3 flex flex-wrap gap-3 font-sans text-sm" aria-label="Files sent with it">
          {answer.attachments.map((file) => (
            <li key={file.id}>
              <a href={`/staff/emails/attachments/${file.id}`}>
                {file.isImage && (
                  // eslint-disable-next-line @next/next/no-img-element -- a private file behind the session, not an optimisable public image
                  <img src={`/staff/emails/attachments/${file.id}`} alt={file.fileName} className="mb-1 max-h-40 w-auto" />
                )}
                {file.fileName} ({file.size})
              </a>
            </li>
          ))}
        </ul>
      )}
      {answer.leftOut && <p className="mt-2 font-sans text-sm text-alert">Not kept: {answer.leftOut}</p>}
      {answer.fullText && (
        <details className="mt-2 font-sans text-sm">
          <summary>The whole email, with what it quoted</summary>
          <p className="mt-2">
            <a href={`/staff/emails/${answer.id}/original`}>The email as it arrived (.eml)</a>
          </p>
          <pre className="mt-2 whitespace-pre-wrap font-serif text-base">{answer.fullText}</pre>
        </details>
      )}
    </>
  );
}
