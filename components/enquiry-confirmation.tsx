/** What a collector sees once the enquiry is stored: the reference, and what happens next. */
export function EnquiryConfirmation({ reference, acknowledged }: { reference: string; acknowledged: boolean }) {
  return (
    <>
      <p className="text-xl font-semibold">Thank you: your enquiry has reached the gallery.</p>
      <p className="mt-2">
        Your reference is <strong data-testid="enquiry-reference">{reference}</strong>. Please quote it if you write to us about this
        enquiry.
      </p>
      <p className="mt-2 font-sans text-sm text-ink-soft">
        We reply personally, usually within two working days.{" "}
        {acknowledged ? "We have also emailed you a confirmation." : "We will write to the email address you gave."}
      </p>
    </>
  );
}
