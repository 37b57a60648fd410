import { workLabel } from "@/lib/catalogue/describe";
import type { OutgoingEmail, StoreCounts } from "@/lib/emails/outgoing-email";
import {
  collectorAcknowledgement,
  galleryNotification,
  viewingConfirmation,
  type AcknowledgedWork,
  type GalleryNotificationInput,
} from "@/lib/emails/templates";
import { viewingInvitation } from "@/lib/viewings/calendar";
import { offerReceivedEmail } from "@/lib/emails/sale-emails";
import { cancelViewingPath } from "@/lib/enquiries/link-token";
import { FLAG_AFTER_PER_CONNECTION, FLOOD_REASON_START, FORM_TOKEN_MAX_AGE_HOURS, mailboxOf } from "@/lib/enquiries/rate-limits";
import type { FormTokenKind } from "@/lib/enquiries/form-token";
import type { ArtworkSnapshot } from "@/lib/enquiries/snapshot";

/**
 * What an enquiry sends, decided apart from storing it: which signs of automation it shows (flagged
 * enquiries are kept for staff, never acknowledged), and the gallery's email, the collector's
 * acknowledgement and a viewing's confirmation with its invitation. Pure: the settings, the works as
 * the collector saw them and the store's counts come in; lib/enquiry-intake/submit-enquiry.ts stores
 * what comes out in the enquiry's own transaction.
 */

/**
 * One viewing confirmation per mailbox a day, as with acknowledgements: a stranger's address typed into
 * the form is not sent one every few minutes. A second booking that day waits for staff to release it.
 */
export function viewingConfirmationKey(email: string, day: string): string {
  return `viewing:${mailboxOf(email)}:${day}`;
}

export type EnquiryMailSettings = {
  galleryName: string;
  galleryEmail: string;
  galleryAddress: string;
  mailFrom: string;
  siteUrl: string;
  minimumFillSeconds: number;
  floodPerMinute: number;
};

export type BookedViewing = { bookingId: string; cancelToken: string; startsAt: Date; endsAt: Date; when: string };

/** What the collector wrote, as the enquiry form's schema (lib/validations/enquiry.ts) accepted it: what the gallery's email repeats. */
export type EnquiryDetails = Pick<GalleryNotificationInput, "name" | "email" | "phone" | "message" | "questions" | "shippingCountry">;

export type EnquiryToSend = {
  input: EnquiryDetails;
  /** The works as the collector saw them, in their order. */
  works: ArtworkSnapshot[];
  /** The same works with their availability now and the available works close to any not for sale. */
  acknowledged: () => AcknowledgedWork[];
  viewing: BookedViewing | null;
  follow: { url: string; expiresAt: Date };
  /** An offer made with the enquiry, in words: what the gallery's email repeats and the collector's own confirmation says. */
  offer?: { workLabel: string; amount: string; asking: string; until: string; offerUrl: string };
  /** How the form was sent: seconds from the form's token to now, and whether the token was a work page's shared one. */
  secondsToFill: number;
  tokenKind: FormTokenKind;
  /** The day (UTC) it arrives: one acknowledgement per mailbox a day. */
  day: string;
};

function describeAge(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  return hours < 48 ? `${hours} hours` : `${Math.floor(hours / 24)} days`;
}

/**
 * Why an enquiry looks automated. Such enquiries are kept, marked as spam for staff to release, and
 * never acknowledged — not dropped: a person on a slow connection can look fast too.
 */
export function flagReasonsFor(enquiry: EnquiryToSend, counts: StoreCounts, settings: EnquiryMailSettings): string[] {
  const { input, secondsToFill } = enquiry;
  const reasons: string[] = [];
  // A form shown "in the future" was shown before this server's clock was set back (the token is signed
  // here, so nobody else can date it): the time to fill it says nothing, and a person is not flagged,
  // and so left unacknowledged, for the clock's step.
  if (secondsToFill >= 0 && secondsToFill < settings.minimumFillSeconds)
    reasons.push(`sent ${secondsToFill.toFixed(1)} s after the form was shown`);
  const links = input.message.match(/https?:\/\/|www\./gi)?.length ?? 0;
  if (links >= 3) reasons.push(`the message contains ${links} links`);
  if (counts.connectionCount > FLAG_AFTER_PER_CONNECTION)
    reasons.push(`${counts.connectionCount} enquiries from one connection within an hour`);
  if (/<a\s+href=|\[url=/i.test(input.message)) reasons.push("the message contains link markup");
  // Never dropped: a person may send from a page left open for days, or one built long ago (without JavaScript).
  if (secondsToFill > FORM_TOKEN_MAX_AGE_HOURS * 3600) {
    reasons.push(`the form was sent ${describeAge(secondsToFill)} after the page was made (an old copy of the page, or a copied form)`);
  }
  // One use of a token passes; every further one is kept for staff to judge. A work page's built-in
  // token is shared by its visitors without JavaScript until the page is made again (hourly), so a
  // second use may be a second person: the reason says so, and staff release it from the spam view.
  if (counts.formTokenUses > 1) {
    reasons.push(
      enquiry.tokenKind === "page"
        ? `the same copy of this work's page was used to send ${counts.formTokenUses} enquiries with different details (another visitor without JavaScript within the hour, or a replayed form)`
        : `the same copy of the form was sent ${counts.formTokenUses} times with different details`,
    );
  }
  if (counts.siteCountThisMinute > settings.floodPerMinute) {
    reasons.push(`${FLOOD_REASON_START} ${settings.floodPerMinute} enquiries a minute (number ${counts.siteCountThisMinute} this minute)`);
  }
  return reasons;
}

/** The emails an enquiry sends, given why (if at all) it was flagged. */
export function enquiryEmails(enquiry: EnquiryToSend, flagReasons: string[], settings: EnquiryMailSettings): OutgoingEmail[] {
  const { input, works, viewing } = enquiry;
  const gallery = { name: settings.galleryName, siteUrl: settings.siteUrl };
  const emails: OutgoingEmail[] = [
    {
      kind: "gallery_notification",
      to: settings.galleryEmail,
      from: settings.mailFrom,
      replyTo: input.email,
      render: (reference) =>
        galleryNotification(gallery, {
          reference,
          name: input.name,
          email: input.email,
          phone: input.phone ?? null,
          message: input.message,
          questions: input.questions,
          shippingCountry: input.shippingCountry ?? null,
          works,
          viewing: viewing?.when ?? null,
          offer: enquiry.offer ? `${enquiry.offer.amount} (asking ${enquiry.offer.asking}), standing until ${enquiry.offer.until}` : null,
          flagReasons,
        }),
    },
  ];
  // A flagged enquiry gets no acknowledgement, nor a viewing's confirmation: the address may not
  // belong to whoever typed it.
  if (flagReasons.length > 0) return emails;
  emails.push({
    kind: "collector_acknowledgement",
    to: input.email,
    from: settings.mailFrom,
    replyTo: settings.galleryEmail,
    dedupeKey: `ack:${mailboxOf(input.email)}:${enquiry.day}`,
    render: (reference) => collectorAcknowledgement(gallery, { reference, works: enquiry.acknowledged(), follow: enquiry.follow }),
  });
  const { offer } = enquiry;
  if (offer) {
    emails.push({
      kind: "offer_update",
      to: input.email,
      from: settings.mailFrom,
      replyTo: settings.galleryEmail,
      render: (reference) => offerReceivedEmail(gallery, { ...offer, reference }),
    });
  }
  if (viewing) {
    emails.push({
      ...viewingConfirmationEmail(settings, { email: input.email, viewing, works }),
      dedupeKey: viewingConfirmationKey(input.email, enquiry.day),
    });
  }
  return emails;
}

/**
 * The collector's viewing confirmation, with its calendar invitation and cancel link: sent with the
 * enquiry, or when staff release a booking that waited for them.
 */
export function viewingConfirmationEmail(
  settings: Pick<EnquiryMailSettings, "galleryName" | "galleryEmail" | "galleryAddress" | "mailFrom" | "siteUrl">,
  booking: { email: string; viewing: BookedViewing; works: ArtworkSnapshot[] },
): OutgoingEmail {
  const gallery = { name: settings.galleryName, siteUrl: settings.siteUrl };
  const { viewing, works } = booking;
  const cancelUrl = `${settings.siteUrl}${cancelViewingPath(viewing.cancelToken)}`;
  return {
    kind: "viewing_confirmation",
    to: booking.email,
    from: settings.mailFrom,
    replyTo: settings.galleryEmail,
    calendar: viewingInvitation({
      bookingId: viewing.bookingId,
      startsAt: viewing.startsAt,
      endsAt: viewing.endsAt,
      galleryName: settings.galleryName,
      galleryEmail: settings.galleryEmail,
      galleryAddress: settings.galleryAddress,
      collectorEmail: booking.email,
      summary: `Viewing at ${settings.galleryName}`,
      description: [works.length > 0 ? `To see: ${works.map((work) => workLabel(work)).join("; ")}.` : null, `To cancel: ${cancelUrl}`]
        .filter(Boolean)
        .join("\n"),
      cancelUrl,
      siteHost: new URL(settings.siteUrl).host,
    }),
    render: (reference) =>
      viewingConfirmation(gallery, { reference, when: viewing.when, address: settings.galleryAddress, works, cancelUrl }),
  };
}
