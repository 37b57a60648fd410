import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { submitEnquiry } from "@/lib/enquiry-intake/submit-enquiry";
import { deliverDueEmails } from "@/lib/jobs/outbox-delivery";
import { readGalleryMailbox } from "@/lib/jobs/read-mailbox";
import { getEnquiryForStaff, queueStaffReply } from "@/lib/data/staff/enquiry-desk";
import { fileEmailIntoEnquiry, setEmailAside } from "@/lib/data/staff/inbound-emails";
import { erasePersonalData, exportPersonalData } from "@/lib/data/personal-data";
import { objectStore } from "@/lib/storage";
import { handleMailgunInbound, validMailgunSignature } from "@/lib/routes/inbound-email-endpoint";
import { replyAddressFor } from "@/lib/enquiries/email-replies";
import type { StaffMember } from "@/lib/staff/roles";
import { startDovecot } from "../support/dovecot";
import { composeEmail, photograph, quoting } from "../support/compose-email";
import { enquiryForm } from "./support/enquiry-helpers";
import { seededGalleryWithMail } from "./support/seeded-gallery-with-mail";
import { createHmac, randomBytes } from "node:crypto";

const mailbox = await startDovecot();
afterAll(() => mailbox.close());
const MAILGUN_KEY = "key-unit-test-mailgun-signing";
const received = seededGalleryWithMail({
  INBOUND_IMAP_URL: mailbox.url,
  INBOUND_REPLY_ADDRESS: "replies@gallery.test",
  INBOUND_MAILGUN_SIGNING_KEY: MAILGUN_KEY,
});

const STAFF: StaffMember = { id: "inbound-staff", name: "Ines Inbox", email: "ines@gallery.test", role: "staff" };
let collectors = 0;

beforeAll(async () => {
  await db.user.create({ data: { id: STAFF.id, name: STAFF.name, email: STAFF.email, role: "staff" } });
});

/** A collector's enquiry, answered by staff: its reference, and the reply as the collector received it. */
async function answeredEnquiry(assigned = false) {
  collectors += 1;
  const email = `answering.collector${collectors}@example.test`;
  const { state } = await submitEnquiry(
    enquiryForm({
      name: `Collector ${collectors}`,
      email,
      artworkSlug: "42-second-retreat-from-russia",
      message: "Is it still available?",
    }),
    { clientIp: `198.51.100.${collectors + 20}` },
  );
  const reference = state.reference!;
  if (assigned) await db.enquiry.update({ where: { reference }, data: { assignedToId: STAFF.id } });
  const replyId = await queueStaffReply(
    STAFF,
    reference,
    `About your enquiry (${reference})`,
    "It is. Would you like to see it on Thursday?",
  );
  await deliverDueEmails({ ids: [replyId!] });
  const reply = received().find((message) => message.messageId === `<${replyId}@gallery.outbox>`)!;
  return { reference, email, reply };
}

function enquiryRow(reference: string) {
  return db.enquiry.findUniqueOrThrow({ where: { reference }, include: { inboundEmails: { include: { attachments: true } } } });
}

describe("a collector's answer by email", () => {
  it("comes into its enquiry within one read of the mailbox: trimmed, with their photograph; the enquiry waits for a reply again and its assignee is told", async () => {
    const { reference, email, reply } = await answeredEnquiry(true);
    // Every email about the enquiry says where to answer: the enquiry's own tagged address.
    expect(reply.replyTo).toEqual([
      replyAddressFor(
        "replies@gallery.test",
        (await enquiryRow(reference)).id,
        process.env.FORM_SIGNING_SECRET ?? "development-only-form-secret-not-for-production-use",
      ),
    ]);
    const photo = await photograph();
    mailbox.deliver(
      await composeEmail({
        from: `Collector <${email}>`,
        to: reply.replyTo[0]!,
        subject: `Re: ${reply.subject}`,
        inReplyTo: reply.messageId,
        references: [reply.messageId],
        text: `Thursday at eleven suits me. Here is the wall it would hang on.\n\nBest wishes\n\n${quoting(reply.text)}`,
        attachments: [{ filename: "Our wall.jpg", content: photo, contentType: "image/jpeg" }],
      }),
    );
    const before = await enquiryRow(reference);
    expect(before.status).toBe("replied");

    const report = await readGalleryMailbox();
    expect(report).toMatchObject({ read: 1, conversation: 1, toCheck: 0, duplicates: 0 });

    const after = await enquiryRow(reference);
    expect(after.status).toBe("in_progress");
    expect(after.replyBy!.getTime()).toBeGreaterThan(Date.now());
    const [answer] = after.inboundEmails;
    expect(answer).toMatchObject({ status: "conversation", fromAddress: email, source: "imap" });
    // Their words, without the history their mail program quoted (kept whole beside it).
    expect(answer!.replyText).toMatch(/^Thursday at eleven suits me\. Here is the wall it would hang on\./);
    expect(answer!.replyText).not.toMatch(/wrote:|^>/m);
    expect(answer!.fullText).toContain("> It is. Would you like to see it on Thursday?");
    expect(answer!.attachments).toHaveLength(1);
    expect(answer!.attachments[0]).toMatchObject({ fileName: "Our wall.jpg", contentType: "image/jpeg", size: photo.length });
    expect((await objectStore().get(answer!.attachments[0]!.storageKey))!.body.equals(photo)).toBe(true);
    // The message as it arrived is kept whole beside it.
    const original = (await objectStore().get(answer!.originalKey!))!;
    expect(original.body.toString()).toContain(`In-Reply-To: ${reply.messageId}`);

    // Staff see it in the enquiry; its assignee was emailed at once.
    const detail = await getEnquiryForStaff(STAFF, reference);
    expect(detail!.emailAnswers.map((shown) => shown.replyText)).toEqual([answer!.replyText]);
    const notice = received().find(
      (message) => message.to.includes(STAFF.email) && message.subject.startsWith(`Collector ${collectors} answered on ${reference}`),
    );
    expect(notice?.text).toContain("Thursday at eleven suits me.");
    expect(notice?.text).toContain("With a file: Our wall.jpg.");
    expect(notice?.text).toContain("it is waiting for a reply again");
  });

  it("is stored once though a hundred arrive at once and two readers read together, then again (matched by the Message-IDs they quote)", async () => {
    const { reference, email, reply } = await answeredEnquiry();
    for (let index = 1; index <= 100; index += 1) {
      mailbox.deliver(
        await composeEmail({
          from: email,
          // To the gallery's own address: no tag, only the quoted Message-ID says which enquiry.
          to: "enquiries@gallery.test",
          subject: `Re: ${reply.subject} (${index})`,
          references: [reply.messageId],
          text: `Answer number ${index}.`,
        }),
      );
    }
    const reports = await Promise.all([readGalleryMailbox(), readGalleryMailbox()]);
    const again = await readGalleryMailbox();
    const stored = (await enquiryRow(reference)).inboundEmails;
    expect(stored).toHaveLength(100);
    expect(new Set(stored.map((row) => row.replyText)).size).toBe(100);
    expect(reports[0].conversation + reports[1].conversation).toBe(100);
    expect(again.read).toBe(0);
    // Two hundred IMAP fetches and a hundred stores: over libSQL's HTTP, beside the rest of npm test on two
    // cores, a CI run took past 20 s (5.6 s alone).
  }, 120_000);

  it("loses nothing and stores nothing twice when the reader is killed (SIGKILL) halfway through", async () => {
    const { reference, email, reply } = await answeredEnquiry();
    for (let index = 1; index <= 100; index += 1) {
      mailbox.deliver(
        await composeEmail({
          from: email,
          to: reply.replyTo[0]!,
          subject: `Re: ${reply.subject}`,
          text: `Killed-run answer ${index}.`,
          inReplyTo: reply.messageId,
        }),
      );
    }
    const count = async () => await db.inboundEmail.count({ where: { enquiry: { reference } } });
    // Node itself with tsx's loader, not the tsx command: that is a wrapper, and killing it would leave the reader running.
    const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/read-mailbox.ts"], {
      env: { ...process.env, NODE_ENV: "test", LOG_LEVEL: "silent" },
      stdio: "ignore",
    });
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    let storedAtKill = 0;
    for (;;) {
      storedAtKill = await count();
      if (storedAtKill >= 15) break;
      // Not too often: over libSQL each look is an HTTP request to the same server the reader writes to.
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    child.kill("SIGKILL");
    await exited;
    storedAtKill = await count();
    // Killed mid-way: some stored, not all.
    expect(storedAtKill).toBeGreaterThan(0);
    expect(storedAtKill).toBeLessThan(100);

    const report = await readGalleryMailbox();
    const stored = (await enquiryRow(reference)).inboundEmails;
    expect(stored).toHaveLength(100);
    expect(new Set(stored.map((row) => row.replyText)).size).toBe(100);
    // The one the killed reader stored but had not yet moved its cursor past is read again, and found there.
    expect(report.conversation).toBe(100 - storedAtKill);
    expect(report.duplicates).toBeLessThanOrEqual(1);
  }, 120_000);
});

describe("what waits for staff to check", () => {
  it("an out-of-office, a bounce, a stranger's email and one no enquiry is found for never join the conversation; staff file one and set one aside", async () => {
    const { reference, email, reply } = await answeredEnquiry();
    const tagged = reply.replyTo[0]!;
    const forgedTag = tagged.replace(/\.([0-9a-f]{12})@/, ".000000000000@");
    for (const message of [
      {
        from: email,
        to: tagged,
        subject: "Automatic reply: About your enquiry",
        text: "I am away until Monday.",
        headers: { "Auto-Submitted": "auto-replied" },
      },
      { from: email, to: tagged, subject: "Out of Office", text: "Back on the 14th." },
      { from: "MAILER-DAEMON@mx.example.test", to: tagged, subject: "Undelivered Mail Returned to Sender", text: "The mailbox is full." },
      {
        from: "someone.else@example.test",
        to: tagged,
        subject: `Re: ${reply.subject}`,
        text: "I am her husband: please send me the price too.",
      },
      { from: email, to: forgedTag, subject: "Guessing", text: "A tag nobody was sent." },
      // The gallery's own mail, answering none of its emails: left alone, nothing of it kept.
      { from: "news@framers.example.test", to: "enquiries@gallery.test", subject: "Our winter offers", text: "Ten per cent off frames." },
    ]) {
      mailbox.deliver(await composeEmail(message));
    }
    const report = await readGalleryMailbox();
    expect(report).toMatchObject({ read: 6, conversation: 0, toCheck: 5, ignored: 1 });
    expect(await db.inboundEmail.count({ where: { subject: "Our winter offers" } })).toBe(0);
    const rows = await db.inboundEmail.findMany({
      where: {
        subject: {
          in: [
            "Automatic reply: About your enquiry",
            "Out of Office",
            "Undelivered Mail Returned to Sender",
            `Re: ${reply.subject}`,
            "Guessing",
          ],
        },
        status: "to_check",
      },
      orderBy: { receivedAt: "asc" },
    });
    expect(Object.fromEntries(rows.map((row) => [row.subject, row.checkReason]))).toEqual({
      "Automatic reply: About your enquiry": "automatic_reply",
      "Out of Office": "automatic_reply",
      "Undelivered Mail Returned to Sender": "delivery_report",
      [`Re: ${reply.subject}`]: "other_address",
      Guessing: "no_enquiry",
    });
    expect((await enquiryRow(reference)).status).toBe("replied");
    expect((await getEnquiryForStaff(STAFF, reference))!.emailAnswers).toEqual([]);

    const stranger = rows.find((row) => row.checkReason === "other_address")!;
    expect(await fileEmailIntoEnquiry(STAFF, stranger.id, "ENQ-1999-999999")).toBe("no_enquiry");
    expect(await fileEmailIntoEnquiry(STAFF, stranger.id, reference)).toBe("filed");
    expect(await fileEmailIntoEnquiry(STAFF, stranger.id, reference)).toBe("gone");
    expect((await getEnquiryForStaff(STAFF, reference))!.emailAnswers.map((shown) => shown.replyText)).toEqual([
      "I am her husband: please send me the price too.",
    ]);
    const away = rows.find((row) => row.subject === "Out of Office")!;
    expect(await setEmailAside(STAFF, away.id)).toBe(true);
    expect((await db.inboundEmail.findUniqueOrThrow({ where: { id: away.id } })).status).toBe("dismissed");
  });
});

describe("Mailgun's inbound webhook", () => {
  function signed(fields: Record<string, string>, timestamp = Math.floor(Date.now() / 1000), token = randomBytes(25).toString("hex")) {
    const form = new FormData();
    form.set("timestamp", String(timestamp));
    form.set("token", token);
    form.set("signature", createHmac("sha256", MAILGUN_KEY).update(`${timestamp}${token}`).digest("hex"));
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    return form;
  }
  const post = (form: FormData) =>
    handleMailgunInbound(new Request("https://gallery.test/api/inbound/mailgun-mime", { method: "POST", body: form }));

  it("takes a signed post once, refuses a forged, stale or replayed one, and keeps a message that also arrives over IMAP once", async () => {
    const raw = await composeEmail({
      from: "unknown.sender@example.test",
      // The reply address itself, without an enquiry's tag: an answer to the gallery, but to no enquiry.
      to: "replies@gallery.test",
      subject: "A question with no enquiry",
      text: "Do you have other drawings by him?",
      messageId: "<webhook-and-imap@example.test>",
    });
    const form = signed({ "body-mime": raw.toString("utf8") });
    const forged = signed({ "body-mime": raw.toString("utf8") });
    forged.set("signature", "0".repeat(64));
    expect((await post(forged)).status).toBe(401);
    expect((await post(signed({ "body-mime": raw.toString("utf8") }, Math.floor(Date.now() / 1000) - 3600))).status).toBe(401);
    expect((await post(signed({}))).status).toBe(406);

    const first = await post(form);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ stored: "to_check" });
    // The same post again (a replay), even with its signature still fresh.
    expect((await post(form)).status).toBe(401);
    mailbox.deliver(raw);
    expect(await readGalleryMailbox()).toMatchObject({ read: 1, duplicates: 1 });
    expect(await db.inboundEmail.count({ where: { messageKey: "<webhook-and-imap@example.test>" } })).toBe(1);

    expect(validMailgunSignature(MAILGUN_KEY, { timestamp: "1", token: "x".repeat(50), signature: "a".repeat(64) }, 1)).toBe(false);
  });
});

describe("privacy", () => {
  it("exports a collector's emailed answers and erases them with their files", async () => {
    const { reference, email, reply } = await answeredEnquiry();
    mailbox.deliver(
      await composeEmail({
        from: email,
        to: reply.replyTo[0]!,
        subject: `Re: ${reply.subject}`,
        text: "Please forget me after this.",
        attachments: [{ filename: "id.jpg", content: await photograph(64, 64), contentType: "image/jpeg" }],
      }),
    );
    await readGalleryMailbox();
    const files = (await enquiryRow(reference)).inboundEmails.flatMap((row) => [
      row.originalKey!,
      ...row.attachments.map((file) => file.storageKey),
    ]);
    expect(files).toHaveLength(2);
    const exported = await exportPersonalData(email);
    expect(exported.emailsReceived.map((row) => row.fullText)).toEqual([expect.stringContaining("Please forget me after this.")]);

    const report = await erasePersonalData(email);
    expect(report.emailsReceived).toBe(1);
    expect(await db.inboundEmail.count({ where: { fromAddress: email } })).toBe(0);
    for (const file of files) expect(await objectStore().get(file)).toBeNull();
  });
});
