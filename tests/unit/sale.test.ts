import { execFile } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { cancelInvoiceWithCreditNote, issueInvoice, recordPayment } from "@/lib/data/invoices";
import { answerCounterOffer, lapseExpiredOffers, readOfferForCollector } from "@/lib/data/offers";
import { acceptOffer, counterOffer, declineOffer } from "@/lib/data/staff/offers";
import { deleteDraftInvoice, startInvoiceForWork } from "@/lib/data/staff/invoices";
import { submitEnquiry } from "@/lib/enquiry-intake/submit-enquiry";
import { deliverDueEmails } from "@/lib/jobs/outbox-delivery";
import { objectStore } from "@/lib/storage";
import type { StaffMember } from "@/lib/staff/roles";
import { pdfText } from "../support/pdf-text";
import { enquiryForm } from "./support/enquiry-helpers";
import { seededGalleryWithMail } from "./support/seeded-gallery-with-mail";

const received = seededGalleryWithMail({ GALLERY_TIME_ZONE: "Europe/London", GALLERY_ADDRESS: "12 Bridge Street, Bracebridge" });
let staff: StaffMember;
let person = 0;

beforeAll(async () => {
  await db.user.create({ data: { id: "sale-staff", name: "Sally Sales", email: "sally@gallery.test", role: "staff" } });
  staff = { id: "sale-staff", name: "Sally Sales", email: "sally@gallery.test", role: "staff" };
  await db.saleSettings.create({
    data: { bankDetails: "Bracebridge Fine Art Ltd, sort code 12-34-56, account 12345678", offerFloorPercent: 70, paymentDays: 7 },
  });
  for (const [slug, priceMinor] of [
    ["50-the-taxman", 375_000],
    ["63-the-auctioneer", 120_000],
    ["38-comments-on-life", 90_000],
    ["69-gossips", 50_000],
  ] as const)
    await db.artwork.update({ where: { slug }, data: { priceMinor, currency: "GBP", availability: "available" } });
});

async function offer(slug: string, amount: string, extra: Record<string, string> = {}) {
  person += 1;
  return submitEnquiry(
    enquiryForm({ name: `Olive Offer ${person}`, email: `olive${person}@example.test`, artworkSlug: slug, offerAmount: amount, ...extra }),
    { clientIp: `198.51.100.${100 + person}` },
  );
}

function work(slug: string) {
  return db.artwork.findUniqueOrThrow({ where: { slug } });
}

function offerLinkIn(text: string): string {
  return /https:\/\/gallery\.test\/offers\/(\S+)/.exec(text)![1]!;
}

describe("offers", () => {
  it("an offer below the floor, in the wrong currency or far too large is refused beside the amount, and nothing is stored", async () => {
    const before = await db.enquiry.count();
    expect((await offer("50-the-taxman", "1000")).state.fieldErrors.offerAmount).toEqual([
      "The gallery considers offers from £2,625 on this work; yours is below that. Raise it, or send an enquiry to talk about the price.",
    ]);
    expect((await offer("50-the-taxman", "3200", { offerCurrency: "USD" })).state.fieldErrors.offerAmount).toEqual([
      "Offers on this work are made in GBP, the currency of its price (£3,750).",
    ]);
    expect((await offer("50-the-taxman", "99999999")).state.fieldErrors.offerAmount).toEqual([
      "That is more than ten times the asking price of £3,750: please check the amount.",
    ]);
    expect((await offer("50-the-taxman", "three thousand")).state.fieldErrors.offerAmount).toEqual([
      "Please give the amount as a number, such as 3200.",
    ]);
    expect((await offer("42-second-retreat-from-russia", "500")).state.fieldErrors.offerAmount).toEqual([
      "This work has no published price: send an enquiry to ask about it instead.",
    ]);
    expect(await db.enquiry.count()).toBe(before);
    expect(await db.offer.count()).toBe(0);
  });

  it("offer, counter, the collector accepts on the offer's page: held for them, a draft invoice; issued with the next number and a real PDF; paid in part, then in full: Sold", async () => {
    const { state } = await offer("50-the-taxman", "3,200", { message: "Would you take this?" });
    expect(state.status).toBe("sent");
    const stored = await db.offer.findFirstOrThrow({ where: { enquiry: { reference: state.reference! } } });
    expect(stored).toMatchObject({ amountMinor: 320_000, askingMinor: 375_000, currency: "GBP", status: "open" });
    await deliverDueEmails();
    const toGallery = received().find((message) => message.subject.startsWith(`Enquiry ${state.reference}`))!;
    expect(toGallery.text).toContain("Offer: £3,200 (asking £3,750), standing until ");
    const received1 = received().find((message) => message.subject === `Your offer on 50 The Taxman (${state.reference})`)!;
    const token = offerLinkIn(received1.text);
    expect((await readOfferForCollector(token))?.status).toBe("open");

    // The counter must be above the offer.
    expect(await counterOffer(staff, { offerId: stored.id, counterMinor: 300_000, days: 3 })).toEqual({
      ok: false,
      message: "A counter-offer is above the collector's £3,200: to take that, accept the offer.",
    });
    expect((await counterOffer(staff, { offerId: stored.id, counterMinor: 350_000, days: 3 })).ok).toBe(true);
    await deliverDueEmails();
    const counter = received().find((message) => message.subject === "A counter-offer on 50 The Taxman")!;
    expect(counter.text).toContain("can sell it to you for £3,500");
    expect(offerLinkIn(counter.text)).toBe(token);

    const answered = await answerCounterOffer(token, true);
    expect(answered).toMatchObject({ ok: true, accepted: true });
    expect(await answerCounterOffer(token, true)).toEqual({ ok: false, message: "This offer was accepted already; nothing was changed." });
    const work = await db.artwork.findUniqueOrThrow({ where: { slug: "50-the-taxman" } });
    expect(work.availability).toBe("reserved");
    const hold = await db.workHold.findFirstOrThrow({ where: { artworkId: work.id, endedAt: null } });
    expect(hold.collectorEmail).toBe(`olive${person}@example.test`);
    const draft = await db.invoice.findFirstOrThrow({ where: { offerId: stored.id }, include: { lines: true } });
    expect(draft).toMatchObject({ status: "draft", number: null, totalMinor: 350_000, taxMode: "margin" });
    expect(draft.lines[0]!.description).toBe(
      "50 The Taxman — Norman Neasom (1915–2010) — Watercolour — 1950 — Image: 225mm x 155mm - Framed: 505mm x 405mm",
    );

    // The same work cannot go on a second live invoice.
    await db.invoice.update({ where: { id: draft.id }, data: { buyerAddress: "3 Mill Lane\nLedbury HR8 1AA" } });
    const number = await issueInvoice(draft.id, staff);
    expect(number).toMatch(/^BFA-\d{4}-0001$/);
    // The database itself refuses to change an issued invoice (a trigger; the drivers word its refusal differently).
    await expect(db.invoice.update({ where: { id: draft.id }, data: { totalMinor: 1 } })).rejects.toThrow();
    expect((await db.invoice.findUniqueOrThrow({ where: { id: draft.id } })).totalMinor).toBe(350_000);
    await deliverDueEmails();
    const invoiceEmail = received().find((message) => message.subject === `Invoice ${number} from Bracebridge Fine Art`)!;
    expect(invoiceEmail.pdfs).toHaveLength(1);
    const text = pdfText(Buffer.from(invoiceEmail.pdfs[0]!.base64, "base64"));
    expect(text).toContain(`Invoice ${number}`);
    expect(text).toContain("50 The Taxman");
    expect(text).toMatch(/Total due\s+£3,500\.00/);
    expect(text).toContain("sort code 12-34-56, account 12345678");
    expect(text).toContain("margin scheme");
    expect(text).toContain("Ledbury HR8 1AA");
    expect(await objectStore().get(`invoices/${number.toLowerCase()}.pdf`)).not.toBeNull();

    const pay = (amountMinor: number, key: string) =>
      recordPayment(
        { invoiceId: draft.id, receivedOn: new Date(), amountMinor, method: "bank_transfer", reference: number, idempotencyKey: key },
        staff,
      );
    expect(await pay(100_000, "pay-1")).toMatchObject({ recorded: true, paidInFull: false, outstandingMinor: 250_000 });
    expect(await pay(100_000, "pay-1")).toMatchObject({ recorded: false });
    await expect(pay(300_000, "pay-2")).rejects.toThrow(
      `That is more than is owed: GBP 2500.00 is outstanding on ${number}. Nothing was recorded.`,
    );
    expect(await db.payment.count({ where: { invoiceId: draft.id } })).toBe(1);
    const final = await pay(250_000, "pay-3");
    expect(final).toMatchObject({ recorded: true, paidInFull: true, outstandingMinor: 0 });
    expect(final.change?.artworks).toContain("50-the-taxman");
    expect((await db.artwork.findUniqueOrThrow({ where: { slug: "50-the-taxman" } })).availability).toBe("sold");
    expect(await db.workHold.findUniqueOrThrow({ where: { id: hold.id } })).toMatchObject({ endReason: "sold" });
    // A paid invoice is not cancelled here.
    await expect(cancelInvoiceWithCreditNote(draft.id, staff)).rejects.toThrow(/Payments are recorded against/);
  });

  it("two offers on one work accepted at the same moment: one sale, and the other told", async () => {
    const first = await offer("63-the-auctioneer", "1100");
    const second = await offer("63-the-auctioneer", "1150");
    const ids = await Promise.all(
      [first, second].map(
        async ({ state }) => (await db.offer.findFirstOrThrow({ where: { enquiry: { reference: state.reference! } } })).id,
      ),
    );
    const outcomes = await Promise.all(ids.map((id) => acceptOffer(staff, id)));
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    const refused = outcomes.find((outcome) => !outcome.ok)!;
    expect(refused.message).toMatch(/Another offer on this work was accepted a moment ago|is held for Olive Offer/);
    expect(await db.offer.count({ where: { id: { in: ids }, status: "accepted" } })).toBe(1);
    expect(await db.invoice.count({ where: { offerId: { in: ids } } })).toBe(1);
    const loser = ids[outcomes.findIndex((outcome) => !outcome.ok)]!;
    expect((await declineOffer(staff, loser)).ok).toBe(true);
    expect((await declineOffer(staff, loser)).ok).toBe(false);
  });

  it("sixteen invoices issued at the same moment get sixteen consecutive numbers, none repeated; a credit note has its own", async () => {
    const drafts: string[] = [];
    for (let index = 0; index < 16; index += 1) {
      const draft = await db.invoice.create({
        data: {
          buyerName: `Buyer ${index}`,
          buyerEmail: `buyer${index}@example.test`,
          currency: "GBP",
          taxMode: "vat",
          vatRateBasisPoints: 2000,
          subtotalMinor: 10_000,
          taxMinor: 2_000,
          totalMinor: 12_000,
          lines: { create: [{ position: 0, kind: "framing", description: "Framing", amountMinor: 10_000 }] },
        },
      });
      drafts.push(draft.id);
    }
    const numbers = await Promise.all(drafts.map((id) => issueInvoice(id, staff)));
    const sequence = numbers.map((number) => Number(number.slice(-4))).sort((a, b) => a - b);
    const first = sequence[0]!;
    expect(sequence).toEqual(Array.from({ length: 16 }, (_, index) => first + index));
    expect(new Set(numbers).size).toBe(16);
    const { creditNote } = await cancelInvoiceWithCreditNote(drafts[0]!, staff);
    expect(creditNote).toMatch(/^BFA-CN-\d{4}-0001$/);
    expect((await db.invoice.findUniqueOrThrow({ where: { id: drafts[0]! } })).status).toBe("cancelled");
    await expect(cancelInvoiceWithCreditNote(drafts[0]!, staff)).rejects.toThrow(/Only an issued invoice can be cancelled/);
  });

  it("a work already on a live invoice is not invoiced again, until that draft is deleted; a work without a price or sold is refused", async () => {
    const first = await startInvoiceForWork(staff, {
      artworkId: (await work("38-comments-on-life")).id,
      buyerName: "Ida",
      buyerEmail: "ida@example.test",
    });
    expect(first.ok).toBe(true);
    expect(
      await startInvoiceForWork(staff, {
        artworkId: (await work("38-comments-on-life")).id,
        buyerName: "Jo",
        buyerEmail: "jo@example.test",
      }),
    ).toEqual({
      ok: false,
      message: "38 Comments on Life is on a draft invoice already. Cancel that one (or delete the draft) before invoicing it again.",
    });
    expect((await deleteDraftInvoice(staff, first.ok ? first.value : "")).ok).toBe(true);
    expect(
      (
        await startInvoiceForWork(staff, {
          artworkId: (await work("38-comments-on-life")).id,
          buyerName: "Jo",
          buyerEmail: "jo@example.test",
        })
      ).ok,
    ).toBe(true);
    expect(
      await startInvoiceForWork(staff, {
        artworkId: (await work("42-second-retreat-from-russia")).id,
        buyerName: "Jo",
        buyerEmail: "jo@example.test",
      }),
    ).toEqual({
      ok: false,
      message: "42 Second Retreat from Russia has no price: give it one before invoicing it.",
    });
    expect(
      await startInvoiceForWork(staff, { artworkId: (await work("50-the-taxman")).id, buyerName: "Jo", buyerEmail: "jo@example.test" }),
    ).toEqual({
      ok: false,
      message: "50 The Taxman is not for sale (sold).",
    });
  });

  it("two processes issuing at the same moment share one sequence: consecutive numbers, none repeated", async () => {
    const drafts: string[] = [];
    for (let index = 0; index < 12; index += 1)
      drafts.push(
        (
          await db.invoice.create({
            data: {
              buyerName: `Process buyer ${index}`,
              buyerEmail: `process${index}@example.test`,
              currency: "GBP",
              taxMode: "none",
              subtotalMinor: 5_000,
              totalMinor: 5_000,
              lines: { create: [{ position: 0, kind: "delivery", description: "Delivery", amountMinor: 5_000 }] },
            },
          })
        ).id,
      );
    const otherProcess = (ids: string[]) =>
      new Promise<string[]>((resolve, reject) => {
        execFile(
          path.resolve("node_modules/.bin/tsx"),
          ["--conditions=react-server", "tests/unit/support/issue-drafts.ts", ...ids],
          { env: process.env },
          (error, stdout) => (error ? reject(error) : resolve(stdout.trim().split("\n"))),
        );
      });
    const [first, second] = await Promise.all([otherProcess(drafts.slice(0, 6)), otherProcess(drafts.slice(6))]);
    const sequence = [...first!, ...second!].map((number) => Number(number.slice(-4))).sort((a, b) => a - b);
    expect(sequence).toEqual(Array.from({ length: 12 }, (_, index) => sequence[0]! + index));
  });

  it("an offer nobody answered lapses after its days, and the collector is told once", async () => {
    const { state } = await offer("69-gossips", "450");
    const made = await db.offer.findFirstOrThrow({ where: { enquiry: { reference: state.reference! } } });
    expect(await lapseExpiredOffers(new Date(made.expiresAt.getTime() - 60_000))).toBe(0);
    const later = new Date(made.expiresAt.getTime() + 60_000);
    const [first, second] = await Promise.all([lapseExpiredOffers(later), lapseExpiredOffers(later)]);
    expect(first + second).toBe(1);
    expect((await db.offer.findUniqueOrThrow({ where: { id: made.id } })).status).toBe("expired");
    await deliverDueEmails();
    expect(received().filter((message) => message.subject === "Your offer on 69 Gossips has lapsed")).toHaveLength(1);
    expect(await acceptOffer(staff, made.id)).toEqual({ ok: false, message: "This offer was expired already; nothing was changed." });
  });
});
