import { describe, expect, it } from "vitest";
import { enquiryEmails, flagReasonsFor, type EnquiryMailSettings, type EnquiryToSend } from "@/lib/emails/enquiry-emails";

// What an enquiry sends is decided without a database: these run on plain values.
const settings: EnquiryMailSettings = {
  galleryName: "Bracebridge Fine Art",
  galleryEmail: "enquiries@bracebridge.test",
  galleryAddress: "12 Bridge Street, Bracebridge",
  mailFrom: "website@bracebridge.test",
  siteUrl: "https://gallery.test",
  minimumFillSeconds: 3,
  floodPerMinute: 60,
};

const work42 = {
  slug: "42-second-retreat-from-russia",
  catalogueNumber: "42",
  title: "Second Retreat from Russia",
  medium: "Drawing",
  sizes: ["Image area: 15 × 22 in (38.1 × 55.9 cm)"],
  availability: "Available",
  price: "£1,175",
  section: "Wars and Conflicts",
  exhibition: "Norman Neasom",
  artist: "Norman Neasom (1915–2010)",
};

function enquiry(overrides: Partial<EnquiryToSend> = {}): EnquiryToSend {
  return {
    input: { name: "Anna Collector", email: "Anna+art@Example.test", message: "Is it still available?", questions: [] },
    works: [work42],
    acknowledged: () => [{ work: work42, availability: "available", alternatives: [] }],
    viewing: null,
    follow: { url: "https://gallery.test/follow/abc", expiresAt: new Date("2028-12-06T10:00:00Z") },
    secondsToFill: 40,
    tokenKind: "visitor",
    day: "2026-12-06",
    ...overrides,
  };
}

const quiet = { connectionCount: 1, formTokenUses: 1, siteCountThisMinute: 1 };

describe("the emails an enquiry sends, composed apart from storing it", () => {
  it("a person's enquiry: the gallery's email (Reply-To the collector) and one acknowledgement a day per mailbox", () => {
    const emails = enquiryEmails(enquiry(), [], settings);
    expect(emails.map((email) => email.kind)).toEqual(["gallery_notification", "collector_acknowledgement"]);
    expect(emails[0]).toMatchObject({ to: settings.galleryEmail, replyTo: "Anna+art@Example.test" });
    expect(emails[1]).toMatchObject({ to: "Anna+art@Example.test", dedupeKey: "ack:anna@example.test:2026-12-06" });
    const acknowledgement = emails[1]!.render("ENQ-2026-000042");
    expect(acknowledgement.text).toContain("ENQ-2026-000042");
    expect(acknowledgement.text).toContain("https://gallery.test/follow/abc");
  });

  it("with a viewing: a confirmation carrying a calendar invitation and the cancel link", () => {
    const startsAt = new Date("2026-12-08T11:00:00Z");
    const viewing = {
      bookingId: "booking-1",
      cancelToken: "cancel-token",
      startsAt,
      endsAt: new Date("2026-12-08T12:00:00Z"),
      when: "Tuesday 8 December 2026, 11:00–12:00",
    };
    const [, , confirmation] = enquiryEmails(enquiry({ viewing }), [], settings);
    // One confirmation per mailbox a day, as with acknowledgements (a second booking that day waits for staff).
    expect(confirmation).toMatchObject({ kind: "viewing_confirmation", dedupeKey: "viewing:anna@example.test:2026-12-06" });
    expect(confirmation!.calendar).toContain("BEGIN:VCALENDAR");
    expect(confirmation!.calendar).toContain("12 Bridge Street");
    expect(confirmation!.render("ENQ-2026-000043").text).toContain("https://gallery.test/viewings/cancel/cancel-token");
  });

  it("a flagged enquiry sends the gallery its email with the reasons, and nothing to an address that may not be the sender's", () => {
    const viewing = { bookingId: "b", cancelToken: "c", startsAt: new Date(), endsAt: new Date(), when: "soon" };
    const fast = enquiry({ secondsToFill: 0.4, viewing });
    const reasons = flagReasonsFor(fast, quiet, settings);
    expect(reasons).toEqual(["sent 0.4 s after the form was shown"]);
    const emails = enquiryEmails(fast, reasons, settings);
    expect(emails.map((email) => email.kind)).toEqual(["gallery_notification"]);
    expect(emails[0]!.render("ENQ-2026-000044").text).toContain("sent 0.4 s after the form was shown");
  });

  it("names each sign of a script: links, a busy connection, a reused work-page token, an old page, a flood", () => {
    const reasons = flagReasonsFor(
      enquiry({
        input: { name: "B", email: "b@example.test", message: "http://a http://b www.c <a href=x>", questions: [] },
        tokenKind: "page",
        secondsToFill: 3 * 86_400,
      }),
      { connectionCount: 5, formTokenUses: 2, siteCountThisMinute: 61 },
      settings,
    );
    expect(reasons).toEqual([
      "the message contains 3 links",
      "5 enquiries from one connection within an hour",
      "the message contains link markup",
      "the form was sent 3 days after the page was made (an old copy of the page, or a copied form)",
      "the same copy of this work's page was used to send 2 enquiries with different details (another visitor without JavaScript within the hour, or a replayed form)",
      "more than the site's ceiling of 60 enquiries a minute (number 61 this minute)",
    ]);
  });
});
