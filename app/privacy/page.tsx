import type { Metadata } from "next";
import { Breadcrumb } from "@/components/breadcrumb";
import { siteInfo } from "@/lib/http/site";
import { serverEnv } from "@/lib/env";

export const metadata: Metadata = {
  title: "Privacy notice",
  description: "What the gallery does with the details you send in an enquiry, who receives them and how long they are kept.",
  alternates: { canonical: "/privacy" },
};

export default function PrivacyPage() {
  const site = siteInfo();
  const env = serverEnv();
  return (
    <>
      <Breadcrumb trail={[{ label: "Home", href: "/" }, { label: "Privacy notice" }]} />
      <article className="prose-gallery max-w-2xl">
        <h1 className="text-4xl font-semibold">Privacy notice</h1>
        <p className="mt-4 text-lg">
          This notice explains what {site.name} does with the details you give when you send an enquiry through this website.
        </p>
        <h2 className="mt-8 text-2xl font-semibold">What we keep and why</h2>
        <p>
          Your name, email address, optional phone number, your message, the questions you ticked and the work you asked about. We keep them
          for one purpose: to answer your enquiry and any conversation that follows from it. To stop automated abuse of the form we also
          count enquiries per connection and per email address for an hour, under a one-way fingerprint rather than the address itself; the
          fingerprint is removed from your enquiry, and the count deleted, after that hour.
        </p>
        <h2 className="mt-8 text-2xl font-semibold">Why we may use them</h2>
        <p>
          You ask us about a work, and we use your details to answer: that is a step you asked us to take before any sale (and, where no
          sale follows, our legitimate interest in replying to the people who write to us). We do not use them for anything else.
        </p>
        <h2 className="mt-8 text-2xl font-semibold">Who receives them</h2>
        <p>
          The gallery&apos;s own staff, who read and answer enquiries. Your enquiry is emailed to the gallery through our mail provider,
          which processes it only to deliver it. We do not sell or share your details, and we do not add you to a mailing list.
        </p>
        <h2 className="mt-8 text-2xl font-semibold">How long we keep them</h2>
        <p>
          Two years from your last message to us, after which the enquiry is deleted. If you buy a work, the sale records are kept for as
          long as the law requires.
        </p>
        <h2 className="mt-8 text-2xl font-semibold">Your enquiry list, your private links and viewings</h2>
        <p>
          The works you put on your enquiry list are kept in a cookie in your own browser (for up to 90 days), not by us, until you send
          them to us as an enquiry. The email acknowledging your enquiry carries a private link to follow it; we keep only a one-way
          fingerprint of that link, and it stops working after two years or when we withdraw it. A viewing you book is kept with your
          enquiry, and the link in its email cancels it.
        </p>
        <h2 className="mt-8 text-2xl font-semibold">Your rights</h2>
        <p>
          From the private link in your acknowledgement you can erase everything we hold about your email address yourself: it is done a day
          after you ask, and until then you can change your mind on the same page. You can also ask to see what we hold about you, to
          correct it or to have it deleted, by writing to <a href={`mailto:${env.GALLERY_EMAIL}`}>{env.GALLERY_EMAIL}</a>. You may also
          complain to the Information Commissioner&apos;s Office.
        </p>
      </article>
    </>
  );
}
