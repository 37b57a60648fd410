import net from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { readArtwork } from "@/lib/data/catalogue";
import { issueFormToken, readFormToken } from "@/lib/enquiries/form-token";
import { submitEnquiry } from "@/lib/enquiry-intake/submit-enquiry";
import { serverEnv } from "@/lib/env";
import {
  deliverDueEmails,
  longestRetryDelayMs,
  RETRY_FOR_MS,
  retryDelayMs,
  sweepOutbox,
  variedRetryDelayMs,
} from "@/lib/jobs/outbox-delivery";
import { readUndeliveredEmails } from "@/lib/data/outbox";
import { withoutAddresses } from "@/lib/smtp/without-addresses";
import { createSmtpSender, MailDeliveryError } from "@/lib/smtp/transport";
import { seedCatalogue } from "@/prisma/seed";
import { startMailCatcher, type MailCatcher } from "@/scripts/support/mail-catcher";
import { enquiryForm, storedInOrder } from "./support/enquiry-helpers";

let catcher: MailCatcher;
let smtpPort: number;
let collector = 0;

/** Every test writes as a different person from a different connection, as in life. */
function nextCollector() {
  collector += 1;
  return { email: `collector${collector}@example.test`, ip: `198.51.100.${collector}` };
}

beforeAll(async () => {
  catcher = await startMailCatcher();
  smtpPort = catcher.port;
  Object.assign(process.env, {
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(smtpPort),
    SMTP_IGNORE_TLS: "true",
    SMTP_TIMEOUT_MS: "1000",
    GALLERY_EMAIL: "enquiries@gallery.test",
    MAIL_FROM: "website@gallery.test",
    SITE_URL: "https://gallery.test",
    ENQUIRY_MIN_FILL_SECONDS: "3",
  });
  await seedCatalogue();
});

afterAll(async () => {
  await catcher.close();
});

beforeEach(() => {
  catcher.rejectWith(null);
});

async function enquire(fields: Record<string, string | string[]>, ip: string) {
  return submitEnquiry(enquiryForm({ name: "Zoë O'Brien", message: "Is it available?", ...fields }), { clientIp: ip });
}

describe("an enquiry about work 42", () => {
  it("is stored with a snapshot, then emailed to the gallery and acknowledged to the collector", async () => {
    const person = nextCollector();
    const result = await enquire(
      {
        email: person.email,
        artworkSlug: "42-second-retreat-from-russia",
        message: "Frame? <script>alert('x')</script> & \"quotes\"",
        questions: ["price_availability", "shipping"],
        shippingCountry: "France",
      },
      person.ip,
    );
    expect(result.state.status).toBe("sent");
    const reference = result.state.reference!;
    expect(reference).toMatch(new RegExp(`^ENQ-${new Date().getUTCFullYear()}-\\d{6}$`));

    const stored = await db.enquiry.findUniqueOrThrow({ where: { reference }, include: { emails: true } });
    expect(stored.artworkSnapshot).toMatchObject({
      catalogueNumber: "42",
      title: "Second Retreat from Russia",
      sizes: ["Image area: 15 × 22 in / 38.1 × 55.9 cm"],
      availability: "Available",
      price: "Price on application",
    });
    expect(stored.emails.map((email) => [email.kind, email.status]).sort()).toEqual([
      ["collector_acknowledgement", "pending"],
      ["gallery_notification", "pending"],
    ]);

    const report = await deliverDueEmails({ ids: result.outboxIds });
    expect(report).toEqual({ claimed: 2, sent: 2, retrying: 0, failed: 0, lost: 0, released: 0 });

    const toGallery = catcher.messages.find(
      (message) => message.subject.includes(reference) && message.to.includes("enquiries@gallery.test"),
    )!;
    expect(toGallery).toMatchObject({
      from: "website@gallery.test",
      to: ["enquiries@gallery.test"],
      envelopeTo: ["enquiries@gallery.test"],
      replyTo: [person.email],
      subject: `Enquiry ${reference}: 42 Second Retreat from Russia`,
      attachments: 0,
    });
    expect(toGallery.headers.from).toBe("From: Bracebridge Fine Art <website@gallery.test>");
    expect(toGallery.text).toContain("Shipping to my country (France)");
    expect(toGallery.text).toContain("https://gallery.test/works/42-second-retreat-from-russia");
    expect(toGallery.html).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;");
    expect(toGallery.html).not.toContain("<script>");
    expect(toGallery.html).toContain("Zoë O&#39;Brien");

    const toCollector = catcher.messages.find((message) => message.to.includes(person.email))!;
    expect(toCollector).toMatchObject({ from: "website@gallery.test", replyTo: ["enquiries@gallery.test"], envelopeTo: [person.email] });
    expect(toCollector.subject).toBe(`We have received your enquiry about 42 Second Retreat from Russia (${reference})`);
    expect(toCollector.text).not.toContain("Frame?");
    expect(toCollector.text).not.toContain("Zoë");
  });

  it("keeps the snapshot when the catalogue changes later", async () => {
    const person = nextCollector();
    const { state } = await enquire({ email: person.email, artworkSlug: "69-gossips" }, person.ip);
    await db.artwork.update({ where: { slug: "69-gossips" }, data: { title: "Gossips (renamed)", availability: "sold" } });
    const stored = await db.enquiry.findUniqueOrThrow({ where: { reference: state.reference! } });
    expect(stored.artworkSnapshot).toMatchObject({ title: "Gossips", availability: "Available" });
    await db.artwork.update({ where: { slug: "69-gossips" }, data: { title: "Gossips", availability: "available" } });
  });

  it("reads the work afresh when the cached copy names a row that is gone (a restored database), and stores the enquiry", async () => {
    const person = nextCollector();
    const fresh = (await readArtwork("42-second-retreat-from-russia"))!;
    const stale = { ...fresh, id: "row-from-an-older-database", title: "Retreat (old title)" };
    const { state } = await submitEnquiry(
      enquiryForm({ name: "Cached", email: person.email, artworkSlug: fresh.slug, message: "Still there?" }),
      {
        clientIp: person.ip,
        findArtwork: async () => stale,
      },
    );
    expect(state.status).toBe("sent");
    const stored = await db.enquiry.findUniqueOrThrow({ where: { reference: state.reference! } });
    expect(stored.artworkId).toBe(fresh.id);
    expect(stored.artworkSnapshot).toMatchObject({ title: fresh.title });
  });

  it("returns the same reference when the same form is posted twice, and stores it once", async () => {
    const person = nextCollector();
    const form = enquiryForm({ name: "Double Click", email: person.email, message: "Once only please" });
    const [first, second] = await Promise.all([submitEnquiry(form, { clientIp: person.ip }), submitEnquiry(form, { clientIp: person.ip })]);
    expect(first.state.reference).toBe(second.state.reference);
    expect([first.state.acknowledged, second.state.acknowledged]).toEqual([true, true]);
    expect(await db.enquiry.count({ where: { email: person.email } })).toBe(1);
  });
});

describe("bad input and bots", () => {
  it("stores nothing for an invalid enquiry and says what to fix", async () => {
    const person = nextCollector();
    const before = await db.enquiry.count();
    const { state } = await enquire({ email: "not-an-email", name: "Eve\r\nBcc: x@example.test" }, person.ip);
    expect(state.status).toBe("invalid");
    expect(state.fieldErrors.email).toBeDefined();
    expect(state.fieldErrors.name).toEqual(["Your name must be on one line"]);
    expect(state.values.email).toBe("not-an-email");
    expect(await db.enquiry.count()).toBe(before);
  });

  it("shows a bot success but stores nothing when the hidden field is filled or the token is forged", async () => {
    const person = nextCollector();
    const before = await db.enquiry.count();
    const honeypot = enquiryForm({ name: "Bot", email: person.email, message: "spam", website: "http://spam.test" });
    const forged = enquiryForm({ name: "Bot", email: person.email, message: "spam" });
    forged.set("formToken", "abc.def.ghi");
    for (const form of [honeypot, forged]) {
      const { state, outboxIds } = await submitEnquiry(form, { clientIp: person.ip });
      expect(state.status).toBe("sent");
      expect(state.reference).toMatch(/^ENQ-\d{4}-\d{6}$/);
      expect(outboxIds).toEqual([]);
    }
    expect(await db.enquiry.count()).toBe(before);
  });

  it("keeps an enquiry sent faster than a person types, flagged for staff and never acknowledged", async () => {
    const person = nextCollector();
    const { state } = await submitEnquiry(enquiryForm({ name: "Quick", email: person.email, message: "Fast fingers" }, 500), {
      clientIp: person.ip,
    });
    expect(state.status).toBe("sent");
    const stored = await db.enquiry.findUniqueOrThrow({ where: { reference: state.reference! }, include: { emails: true } });
    expect(stored).toMatchObject({ flagged: true, status: "spam" });
    expect(stored.flagReasons).toMatch(/^sent 0\.\d s after the form was shown$/);
    expect(stored.emails.map((email) => email.kind)).toEqual(["gallery_notification"]);
    expect(stored.emails[0]?.subject).toMatch(/^\[Possible spam\] /);
  });

  it("flags an enquiry full of links for staff, sends the gallery a marked copy and the address nothing", async () => {
    const person = nextCollector();
    const { state, outboxIds } = await enquire({ email: person.email, message: "see http://a.test http://b.test www.c.test" }, person.ip);
    const stored = await db.enquiry.findUniqueOrThrow({ where: { reference: state.reference! }, include: { emails: true } });
    expect(stored).toMatchObject({ flagged: true, status: "spam", flagReasons: "the message contains 3 links" });
    expect(state.acknowledged).toBe(false);
    expect(stored.emails.map((email) => email.kind)).toEqual(["gallery_notification"]);
    await deliverDueEmails({ ids: outboxIds });
    expect(catcher.messages.find((message) => message.subject.includes(state.reference!))?.subject).toMatch(/^\[Possible spam\] /);
  });

  it("acknowledges an address at most once a day, but tells the gallery every time, and the page says which", async () => {
    const person = nextCollector();
    const promised: boolean[] = [];
    for (const message of ["first question", "second question", "third question"]) {
      const { state } = await enquire({ email: person.email, message }, `${person.ip}${message.length}`);
      expect(state.status).toBe("sent");
      promised.push(state.acknowledged!);
    }
    expect(promised).toEqual([true, false, false]);
    const emails = await db.outboxEmail.findMany({ where: { enquiry: { email: person.email } } });
    expect(emails.filter((email) => email.kind === "collector_acknowledgement")).toHaveLength(1);
    expect(emails.filter((email) => email.kind === "gallery_notification")).toHaveLength(3);
  });

  it("acknowledges a mailbox once a day however its address is dressed up (plus-tags, Gmail's dots and domains)", async () => {
    const promised: boolean[] = [];
    const addresses = ["vic.tim@gmail.com", "victim+1@gmail.com", "VICTIM+art@googlemail.com", "v.i.c.t.i.m+2@gmail.com"];
    for (const [index, email] of addresses.entries()) {
      const { state } = await enquire({ email, message: `question ${index}` }, `198.51.100.${200 + index}`);
      expect(state.status).toBe("sent");
      promised.push(state.acknowledged!);
    }
    expect(promised).toEqual([true, false, false, false]);
    const acknowledgements = await db.outboxEmail.count({
      where: { kind: "collector_acknowledgement", enquiry: { email: { in: addresses } } },
    });
    expect(acknowledgements).toBe(1);
  });

  it("keeps an enquiry sent with a form token used before, or one older than a day, flagged with the reason and not acknowledged", async () => {
    const scraped = issueFormToken(serverEnv().FORM_SIGNING_SECRET, Date.now() - 60_000);
    const references: string[] = [];
    for (let replay = 0; replay < 4; replay += 1) {
      const person = nextCollector();
      const form = enquiryForm({ name: `Replay ${replay}`, email: person.email, message: `Replayed form ${replay}` });
      form.set("formToken", scraped);
      const { state } = await submitEnquiry(form, { clientIp: person.ip });
      expect(state.status).toBe("sent");
      references.push(state.reference!);
    }
    const stored = await storedInOrder(references);
    expect(stored.map((enquiry) => enquiry.flagged)).toEqual([false, true, true, true]);
    expect(stored[3]?.flagReasons).toBe("the same copy of the form was sent 4 times with different details");
    expect(stored.filter((enquiry) => enquiry.emails.some((email) => email.kind === "collector_acknowledgement"))).toHaveLength(1);

    const person = nextCollector();
    const { state } = await submitEnquiry(
      enquiryForm({ name: "Slow Reader", email: person.email, message: "From a page I kept open" }, 3 * 86_400_000),
      {
        clientIp: person.ip,
      },
    );
    expect(state.status).toBe("sent");
    const old = await db.enquiry.findUniqueOrThrow({ where: { reference: state.reference! } });
    expect(old).toMatchObject({ flagged: true, status: "spam" });
    expect(old.flagReasons).toBe("the form was sent 3 days after the page was made (an old copy of the page, or a copied form)");
  });

  it("keeps every enquiry sent with a work page's shared token, the first unflagged, the rest for staff with a reason that says why", async () => {
    const pageCopy = issueFormToken(serverEnv().FORM_SIGNING_SECRET, Date.now() - 30 * 60_000, "page");
    const references: string[] = [];
    for (let visitor = 0; visitor < 3; visitor += 1) {
      const person = nextCollector();
      const form = enquiryForm({ name: `Page Visitor ${visitor}`, email: person.email, message: `From the work's page ${visitor}` });
      form.set("formToken", pageCopy);
      const { state } = await submitEnquiry(form, { clientIp: person.ip });
      expect(state.status).toBe("sent");
      references.push(state.reference!);
    }
    const stored = await storedInOrder(references);
    expect(stored.map((enquiry) => enquiry.flagged)).toEqual([false, true, true]);
    expect(stored[1]?.flagReasons).toBe(
      "the same copy of this work's page was used to send 2 enquiries with different details (another visitor without JavaScript within the hour, or a replayed form)",
    );
    expect(stored.filter((enquiry) => enquiry.emails.some((email) => email.kind === "collector_acknowledgement"))).toHaveLength(1);

    // The mark cannot be added to a visitor's token: it is part of what is signed.
    const visitorToken = issueFormToken(serverEnv().FORM_SIGNING_SECRET, Date.now() - 60_000);
    const [issued, nonce, signature] = visitorToken.split(".");
    expect(readFormToken(`${issued}.${nonce}.page.${signature}`, serverEnv().FORM_SIGNING_SECRET)).toEqual({ valid: false });
    expect(readFormToken(pageCopy, serverEnv().FORM_SIGNING_SECRET)).toMatchObject({ valid: true, kind: "page" });
    expect(readFormToken(visitorToken, serverEnv().FORM_SIGNING_SECRET)).toMatchObject({ valid: true, kind: "visitor" });
  });

  it("refuses the sixth enquiry from one address within the hour, storing nothing", async () => {
    const person = nextCollector();
    for (let index = 0; index < 5; index += 1) {
      expect((await enquire({ email: person.email, message: `question ${index}` }, `203.0.113.${index}`)).state.status).toBe("sent");
    }
    const refused = await enquire({ email: person.email, message: "question 6" }, "203.0.113.99");
    expect(refused.state.status).toBe("refused");
    expect(refused.state.message).toMatch(/try again in \d+ minutes?/);
    expect(refused.state.values.message).toBe("question 6");
    expect(await db.enquiry.count({ where: { email: person.email } })).toBe(5);
  });

  it("keeps its rate-limit counts under keyed hashes: the limiter never holds the address or the email in clear", async () => {
    const person = nextCollector();
    expect((await enquire({ email: person.email }, person.ip)).state.status).toBe("sent");
    const keys = (await db.rateLimiterFlexible.findMany({ select: { key: true } })).map((row) => row.key);
    expect(keys.filter((key) => key.startsWith("enquiry-email:")).length).toBeGreaterThan(0);
    expect(keys.filter((key) => key.includes(person.email) || key.includes(person.ip))).toEqual([]);
  });

  it("flags the fourth enquiry from one connection and refuses the eleventh", async () => {
    const ip = "192.0.2.77";
    const statuses: string[] = [];
    for (let index = 0; index < 11; index += 1) {
      const { state } = await enquire({ email: `same-connection-${index}@example.test`, message: `question ${index}` }, ip);
      statuses.push(state.status);
    }
    expect(statuses).toEqual([...Array(10).fill("sent"), "refused"]);
    const flagged = await db.enquiry.findMany({
      where: { email: { startsWith: "same-connection-" } },
      orderBy: { id: "asc" },
      select: { flagged: true },
    });
    expect(flagged.map((row) => row.flagged)).toEqual([false, false, false, ...Array(7).fill(true)]);
  });
});

describe("the outbox when the mail server misbehaves", () => {
  it("keeps the enquiry pending while the server is down, then delivers it exactly once", async () => {
    // Deliver what earlier tests left waiting, so the sweeps below concern this enquiry alone.
    await sweepOutbox();
    await catcher.close();
    const person = nextCollector();
    const { state, outboxIds } = await enquire({ email: person.email, artworkSlug: "37-undertones-of-war" }, person.ip);
    expect(state.status).toBe("sent");

    const downReport = await deliverDueEmails({ ids: outboxIds });
    expect(downReport).toMatchObject({ claimed: 2, sent: 0, retrying: 2 });
    const waiting = await db.outboxEmail.findMany({ where: { id: { in: outboxIds } } });
    for (const email of waiting) {
      expect(email).toMatchObject({ status: "pending", attempts: 1 });
      expect(email.lastError).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
      expect(email.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + retryDelayMs(1) * 0.8 - 5_000);
    }
    // Not due yet: a sweep now leaves them alone.
    expect((await sweepOutbox()).claimed).toBe(0);

    catcher = await startMailCatcher({ port: smtpPort });
    const later = new Date(Date.now() + longestRetryDelayMs(1) + 1_000);
    const [first, second] = await Promise.all([sweepOutbox({ now: later }), sweepOutbox({ now: later })]);
    expect(first.sent + second.sent).toBe(2);
    const toGallery = catcher.messages.filter(
      (message) => message.subject.includes(state.reference!) && message.to.includes("enquiries@gallery.test"),
    );
    expect(toGallery).toHaveLength(1);
    expect(catcher.messages.filter((message) => message.to.includes(person.email))).toHaveLength(1);
    expect((await db.outboxEmail.findMany({ where: { id: { in: outboxIds } } })).map((email) => [email.status, email.attempts])).toEqual([
      ["sent", 2],
      ["sent", 2],
    ]);
  });

  it("retries a 4xx answer later and fails a 5xx answer at once, keeping the server's reason", async () => {
    const person = nextCollector();
    const { outboxIds } = await enquire({ email: person.email }, person.ip);
    catcher.rejectWith({ code: 451, message: "4.3.0 Try again later" });
    const temporary = await deliverDueEmails({ ids: outboxIds });
    expect(temporary).toMatchObject({ retrying: 2, failed: 0 });

    catcher.rejectWith({ code: 550, message: "5.1.1 Mailbox unavailable" });
    const permanent = await deliverDueEmails({ ids: outboxIds, now: new Date(Date.now() + longestRetryDelayMs(1) + 1_000) });
    expect(permanent).toMatchObject({ claimed: 2, failed: 2 });
    for (const email of await db.outboxEmail.findMany({ where: { id: { in: outboxIds } } })) {
      expect(email.status).toBe("failed");
      expect(email.attempts).toBe(2);
      expect(email.lastError).toContain("5.1.1 Mailbox unavailable");
    }
  });

  it("a server that keeps saying 'try later' is tried for three days, then the email is given up and counted for staff", async () => {
    const person = nextCollector();
    const { outboxIds } = await enquire({ email: person.email }, person.ip);
    catcher.rejectWith({ code: 451, message: `4.3.0 <${person.email}> try again later` });
    const created = (await db.outboxEmail.findFirstOrThrow({ where: { id: outboxIds[0] } })).createdAt.getTime();
    expect(await deliverDueEmails({ ids: outboxIds, now: new Date(created + 2 * 86_400_000) })).toMatchObject({ retrying: 2, failed: 0 });
    const given = await deliverDueEmails({ ids: outboxIds, now: new Date(created + RETRY_FOR_MS + 3_600_000 * 2) });
    expect(given).toMatchObject({ claimed: 2, failed: 2 });
    for (const email of await db.outboxEmail.findMany({ where: { id: { in: outboxIds } } })) {
      expect(email.status).toBe("failed");
      expect(email.lastError).toMatch(/^Gave up after 2 attempts over three days: .*try again later/);
    }
    const undelivered = await readUndeliveredEmails(new Date(created + RETRY_FOR_MS + 3_600_000 * 2));
    expect(undelivered.count).toBeGreaterThanOrEqual(2);
    expect(undelivered.references).toContain(
      (await db.outboxEmail.findFirstOrThrow({ where: { id: outboxIds[0] }, include: { enquiry: true } })).enquiry!.reference,
    );
    catcher.rejectWith(null);
  });

  it("waits longer after each failure, up to an hour, each wait varied by a fifth either way", () => {
    expect([1, 2, 3, 8, 20].map((attempts) => retryDelayMs(attempts))).toEqual([30_000, 60_000, 120_000, 3_600_000, 3_600_000]);
    expect(variedRetryDelayMs(1, () => 0)).toBe(24_000);
    expect(variedRetryDelayMs(1, () => 0.5)).toBe(30_000);
    expect(variedRetryDelayMs(1, () => 1)).toBe(36_000);
    expect(longestRetryDelayMs(1)).toBe(36_000);
  });

  it("keeps email addresses out of what it logs of a mail server's refusal", () => {
    expect(withoutAddresses("550 5.1.1 <ada.lovelace+art@example.co.uk>: Recipient address rejected")).toBe(
      "550 5.1.1 <[address]>: Recipient address rejected",
    );
    expect(withoutAddresses("421 4.7.0 Try again later, closing connection.")).toBe("421 4.7.0 Try again later, closing connection.");
  });

  it("never sends in clear text to a mail server that does not offer STARTTLS, unless told to ignore TLS", async () => {
    const message = (id: string) => ({
      from: "website@gallery.test",
      to: "enquiries@gallery.test",
      subject: `TLS check ${id}`,
      text: "x",
      html: "<p>x</p>",
      messageId: `<${id}@gallery.outbox>`,
    });
    // This test server offers no STARTTLS, as a server would look to nodemailer with an attacker stripping it.
    const strict = createSmtpSender({ ...serverEnv(), SMTP_PORT: smtpPort, SMTP_IGNORE_TLS: false });
    await expect(strict.send(message("tls-required"))).rejects.toBeInstanceOf(MailDeliveryError);
    expect(catcher.messages.some((sent) => sent.subject === "TLS check tls-required")).toBe(false);

    const local = createSmtpSender({ ...serverEnv(), SMTP_PORT: smtpPort, SMTP_IGNORE_TLS: true });
    await local.send(message("tls-ignored"));
    expect(catcher.messages.some((sent) => sent.subject === "TLS check tls-ignored")).toBe(true);
  });

  it("a mail server that accepts connections but never answers fails an attempt within the configured timeout, to be retried", async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const sender = createSmtpSender({ ...serverEnv(), SMTP_PORT: (silent.address() as net.AddressInfo).port, SMTP_TIMEOUT_MS: 1000 });
      const started = Date.now();
      const attempt = sender.send({
        from: "website@gallery.test",
        to: "enquiries@gallery.test",
        subject: "x",
        text: "x",
        html: "<p>x</p>",
        messageId: "<silent@gallery.outbox>",
      });
      await expect(attempt).rejects.toBeInstanceOf(MailDeliveryError);
      await expect(attempt).rejects.toMatchObject({ permanent: false });
      expect(Date.now() - started).toBeLessThan(4_000);
    } finally {
      silent.close();
    }
  });

  it("one sweep during an outage tries every due email, not just the first batch", async () => {
    await sweepOutbox();
    await db.outboxEmail.createMany({
      data: Array.from({ length: 60 }, (_, index) => ({
        kind: "gallery_notification",
        toAddress: "enquiries@gallery.test",
        fromAddress: "website@gallery.test",
        subject: `Outage ${index}`,
        textBody: "outage",
        htmlBody: "<p>outage</p>",
      })),
    });
    catcher.rejectWith({ code: 451, message: "4.3.2 Please try again later" });
    const report = await sweepOutbox();
    expect(report).toMatchObject({ claimed: 60, retrying: 60, sent: 0 });
    expect(await db.outboxEmail.count({ where: { subject: { startsWith: "Outage " }, status: "pending", attempts: 1 } })).toBe(60);
    catcher.rejectWith(null);
    const later = await sweepOutbox({ now: new Date(Date.now() + longestRetryDelayMs(1) + 1_000) });
    expect(later.sent).toBe(60);
  });

  it("sends each of 200 pending emails exactly once while two sweepers race", async () => {
    const before = catcher.messages.length;
    await db.outboxEmail.createMany({
      data: Array.from({ length: 200 }, (_, index) => ({
        kind: "gallery_notification",
        toAddress: "enquiries@gallery.test",
        fromAddress: "website@gallery.test",
        subject: `Race ${index}`,
        textBody: "race",
        htmlBody: "<p>race</p>",
      })),
    });
    const reports = await Promise.all([sweepOutbox(), sweepOutbox()]);
    expect(reports[0]!.sent + reports[1]!.sent).toBe(200);
    const raced = catcher.messages.slice(before).filter((message) => message.subject.startsWith("Race "));
    expect(raced).toHaveLength(200);
    expect(new Set(raced.map((message) => message.subject)).size).toBe(200);
    expect(await db.outboxEmail.count({ where: { subject: { startsWith: "Race " }, status: "sent" } })).toBe(200);
  });

  it("sends each email exactly once when the mail server is slower than a batch's claim: each email's lease is renewed before it is sent", async () => {
    const before = catcher.messages.length;
    const rows = await Promise.all(
      Array.from({ length: 5 }, (_, index) =>
        db.outboxEmail.create({
          data: {
            kind: "gallery_notification",
            toAddress: "enquiries@gallery.test",
            fromAddress: "website@gallery.test",
            subject: `Slow ${index}`,
            textBody: "slow",
            htmlBody: "<p>slow</p>",
          },
        }),
      ),
    );
    const ids = rows.map((row) => row.id);
    // No waiting on real time: the first sweeper's clock moves 0.3 s each time it is read (claim, then
    // each renewal), a claim lasts 1 s, and the mail server holds its answer to the first email until the
    // second sweeper, 1.2 s after the first claim, has taken over the four emails never renewed.
    const start = Date.now() + 60_000;
    let reads = 0;
    const firstClock = () => new Date(start + 300 * reads++);
    const secondNow = new Date(start + 1_200);
    const hold = catcher.holdAnswers();
    try {
      const first = deliverDueEmails({ ids, leaseMs: 1_000, clock: firstClock });
      await vi.waitFor(() => expect(catcher.messages.length).toBe(before + 1), { timeout: 10_000 });
      const second = deliverDueEmails({ ids, leaseMs: 1_000, now: secondNow, clock: () => secondNow });
      // The second sweeper's claim is in the database before the first email's answer comes back.
      await vi.waitFor(
        async () => {
          const claims = await db.outboxEmail.findMany({ where: { id: { in: ids } }, select: { claimToken: true } });
          expect(new Set(claims.map((claim) => claim.claimToken)).size).toBe(2);
        },
        { timeout: 10_000 },
      );
      hold.release();
      const [firstReport, secondReport] = await Promise.all([first, second]);
      expect(firstReport.sent + secondReport.sent).toBe(5);
      expect(firstReport.lost).toBe(4);
      expect(secondReport.claimed).toBe(firstReport.lost);
    } finally {
      hold.release();
    }
    const perMessageId = new Map<string, number>();
    for (const message of catcher.messages.slice(before).filter((sent) => sent.subject.startsWith("Slow "))) {
      perMessageId.set(message.messageId, (perMessageId.get(message.messageId) ?? 0) + 1);
    }
    expect([...perMessageId.values()]).toEqual([1, 1, 1, 1, 1]);
    expect(await db.outboxEmail.count({ where: { id: { in: ids }, status: "sent" } })).toBe(5);
  });

  it("writes once per email while its claim is fresh (a renewal is one more turn at the write lock), and renews each once it is not", async () => {
    const queue = (prefix: string) =>
      Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          db.outboxEmail.create({
            data: {
              kind: "gallery_notification",
              toAddress: "enquiries@gallery.test",
              fromAddress: "website@gallery.test",
              subject: `${prefix} ${index}`,
              textBody: prefix,
              htmlBody: `<p>${prefix}</p>`,
            },
          }),
        ),
      ).then((rows) => rows.map((row) => row.id));
    // A renewal is the one write that leaves an email 'sending': counted by a trigger, whoever writes it.
    await db.$executeRawUnsafe(`CREATE TABLE "ClaimRenewal" ("emailId" TEXT NOT NULL)`);
    await db.$executeRawUnsafe(
      `CREATE TRIGGER "count_claim_renewals" AFTER UPDATE OF "claimedUntil" ON "OutboxEmail"
       WHEN OLD."status" = 'sending' AND NEW."status" = 'sending'
       BEGIN INSERT INTO "ClaimRenewal" VALUES (NEW."id"); END`,
    );
    const renewed = async (ids: string[]) =>
      (await db.$queryRawUnsafe<{ emailId: string }[]>(`SELECT "emailId" FROM "ClaimRenewal"`)).filter((row) => ids.includes(row.emailId))
        .length;
    try {
      const quick = await queue("Quick");
      expect(await deliverDueEmails({ ids: quick })).toMatchObject({ claimed: 10, sent: 10, lost: 0 });
      expect(await renewed(quick)).toBe(0);

      // The same sweep with its clock 30 s on from the claim at the first send: each claim is renewed once, then sent.
      const later = await queue("Later");
      const claimedAt = Date.now();
      let reads = 0;
      const clock = () => new Date(claimedAt + (reads++ === 0 ? 0 : 30_000));
      expect(await deliverDueEmails({ ids: later, clock })).toMatchObject({ claimed: 10, sent: 10, lost: 0 });
      expect(await renewed(later)).toBe(10);
      expect(await db.outboxEmail.count({ where: { id: { in: [...quick, ...later] }, status: "sent" } })).toBe(20);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER "count_claim_renewals"`);
      await db.$executeRawUnsafe(`DROP TABLE "ClaimRenewal"`);
    }
  });
});
