import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import {
  askForNewWorkAlert,
  confirmNewWorkAlert,
  listNewWorkAlerts,
  queueNewWorkEmails,
  unsubscribeNewWorkAlert,
} from "@/lib/data/new-work-alerts";
import { erasePersonalData } from "@/lib/data/personal-data";
import { deliverDueEmails, sweepOutbox } from "@/lib/jobs/outbox-delivery";
import { queueEmail } from "@/lib/data/outbox";
import { criteriaKeyOf, workAnswersAlert, type AlertCriteria } from "@/lib/catalogue/new-work-alerts";
import type { StaffMember } from "@/lib/staff/roles";
import { seededGalleryWithMail } from "./support/seeded-gallery-with-mail";

const received = seededGalleryWithMail();
const STAFF: StaffMember = { id: "alerts-staff", name: "Alma Alerts", email: "alma@gallery.test", role: "staff" };
let wars: { id: string; exhibitionId: string };
let characters: { id: string };
let made = 0;

beforeAll(async () => {
  wars = await db.section.findFirstOrThrow({ where: { slug: "wars-and-conflicts" }, select: { id: true, exhibitionId: true } });
  characters = await db.section.findFirstOrThrow({ where: { slug: "characters" }, select: { id: true } });
});

/** A work published now (as an import or staff publishing it would), in a section, with a price or none. */
async function publishWork(sectionId: string, fields: { category?: string; priceMinor?: number | null; availability?: string } = {}) {
  made += 1;
  return db.artwork.create({
    data: {
      slug: `alert-test-work-${made}`,
      catalogueNumber: `A${made}`,
      title: `Alert Test Work ${made}`,
      sectionId,
      position: 100 + made,
      category: fields.category ?? "drawing",
      availability: fields.availability ?? "available",
      priceMinor: fields.priceMinor === undefined ? 120_000 : fields.priceMinor,
      currency: fields.priceMinor === null ? null : "GBP",
      published: true,
    },
  });
}

/** Signs an address up from a page, and confirms it from the emailed link, as the collector would. */
async function signUp(email: string, request: Omit<Parameters<typeof askForNewWorkAlert>[0], "email" | "now" | "name">, now = new Date()) {
  const asked = await askForNewWorkAlert({ ...request, email, name: "", now });
  expect(asked.outcome).toBe("confirmation_sent");
  await deliverDueEmails({ ids: [(asked as { outboxId: string }).outboxId] });
  const confirmation = received().findLast((message) => message.to.includes(email) && message.subject.startsWith("Confirm:"))!;
  const token = /\/alerts\/new-works\/confirm\/([A-Za-z0-9_-]+)/.exec(confirmation.text)![1]!;
  expect(await confirmNewWorkAlert(token, now)).toMatchObject({ outcome: "confirmed" });
  return confirmation;
}

const sentTo = (email: string) => received().filter((message) => message.to.includes(email) && message.subject.includes("at Bracebridge"));

describe("new-work alerts", () => {
  it("three works published at once: each subscriber they answer gets exactly one email that day, listing them; the next comes a day later", async () => {
    const t0 = new Date();
    const confirmation = await signUp("artist.fan@example.test", {
      from: { artworkSlug: "42-second-retreat-from-russia" },
      scope: "artist",
      maxPrice: null,
    });
    expect(confirmation.subject).toBe("Confirm: new works by Norman Neasom");
    await signUp("wars.only@example.test", {
      from: { exhibitionSlug: "norman-neasom-exhibition", sectionSlug: "wars-and-conflicts" },
      scope: "section",
      maxPrice: null,
    });
    await signUp("cheap.drawings@example.test", { from: { artworkSlug: "42-second-retreat-from-russia" }, scope: "medium", maxPrice: 500 });
    // Asked but never confirmed: nothing is sent.
    await askForNewWorkAlert({
      from: { artworkSlug: "42-second-retreat-from-russia" },
      scope: "artist",
      maxPrice: null,
      email: "never.confirmed@example.test",
      name: "",
      now: t0,
    });

    await new Promise((resolve) => setTimeout(resolve, 20));
    const first = await publishWork(wars.id);
    const second = await publishWork(wars.id, { priceMinor: 45_000 });
    const third = await publishWork(characters.id, { category: "painting", priceMinor: null });
    await publishWork(characters.id, { availability: "sold" });

    // Two sweepers at once: the write lock makes the second find nothing due.
    const rounds = await Promise.all([queueNewWorkEmails(), queueNewWorkEmails()]);
    expect(rounds.map((round) => round.queued).sort()).toEqual([0, 3]);
    await deliverDueEmails();
    expect(sentTo("artist.fan@example.test")).toHaveLength(1);
    const forFan = sentTo("artist.fan@example.test")[0]!;
    expect(forFan.subject).toBe("3 new works at Bracebridge Fine Art: new works by Norman Neasom");
    for (const work of [first, second, third]) expect(forFan.text).toContain(`/works/${work.slug}`);
    expect(forFan.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(sentTo("wars.only@example.test")[0]!.text).not.toContain(third.slug);
    expect(sentTo("wars.only@example.test")[0]!.subject).toMatch(/^2 new works/);
    // Up to £500, drawings only: the one priced at £450.
    const cheap = sentTo("cheap.drawings@example.test");
    expect(cheap).toHaveLength(1);
    expect(cheap[0]!.subject).toMatch(/^A new work/);
    expect(cheap[0]!.text).toContain(second.slug);
    expect(sentTo("never.confirmed@example.test")).toHaveLength(0);

    // Another work the same day waits for tomorrow's email; then it alone is listed.
    const fourth = await publishWork(wars.id);
    expect((await queueNewWorkEmails()).queued).toBe(0);
    const tomorrow = new Date(Date.now() + 25 * 3_600_000);
    expect((await queueNewWorkEmails(tomorrow)).queued).toBe(2);
    await deliverDueEmails({ now: tomorrow });
    const next = sentTo("artist.fan@example.test")[1]!;
    expect(next.subject).toMatch(/^A new work/);
    expect(next.text).toContain(fourth.slug);
    expect(next.text).not.toContain(first.slug);

    const staffView = await listNewWorkAlerts(STAFF);
    expect(staffView).toMatchObject({ confirmed: 3, waitingConfirmation: 1 });
    expect(staffView.alerts.map((alert) => alert.label).sort()).toEqual(
      [
        "New drawings by Norman Neasom, up to £500",
        "New works by Norman Neasom",
        "New works in “Wars and Conflicts” by Norman Neasom",
      ].sort(),
    );
  });

  it("stops with one click from the email, and the privacy erasure removes every alert of the address", async () => {
    const fan = sentTo("artist.fan@example.test")[0]!;
    const oneClick = /<([^>]+)>/.exec(fan.headers["list-unsubscribe"]!)![1]!;
    const token = oneClick.slice(oneClick.lastIndexOf("/") + 1);
    expect(await unsubscribeNewWorkAlert("forged.token", new Date())).toEqual({ outcome: "unknown" });
    expect(await unsubscribeNewWorkAlert(token, new Date())).toEqual({ outcome: "unsubscribed" });
    // Published the day after the last emails (this test's clock runs ahead of the database's).
    const work = await publishWork(wars.id);
    await db.artwork.update({ where: { id: work.id }, data: { firstPublishedAt: new Date(Date.now() + 26 * 3_600_000) } });
    const later = new Date(Date.now() + 50 * 3_600_000);
    await queueNewWorkEmails(later);
    await deliverDueEmails({ now: later });
    expect(sentTo("artist.fan@example.test")).toHaveLength(2);
    expect(sentTo("wars.only@example.test")).toHaveLength(3);

    const report = await erasePersonalData("wars.only@example.test");
    expect(report.alerts).toBe(1);
    expect(await db.newWorkAlert.count({ where: { email: "wars.only@example.test" } })).toBe(0);
  });

  it("a sweep sends every personal email first, then the bulk mailing in paced batches", async () => {
    const bulk = [];
    for (let index = 0; index < 25; index += 1)
      bulk.push(
        await queueEmail({
          kind: "new_works",
          to: `bulk${index}@example.test`,
          from: "website@gallery.test",
          replyTo: null,
          subject: "New works",
          text: "New works.",
          html: "<p>New works.</p>",
        }),
      );
    const personal = await queueEmail({
      kind: "staff_reply",
      to: "waiting@example.test",
      from: "website@gallery.test",
      replyTo: null,
      subject: "Your answer",
      text: "Yes.",
      html: "<p>Yes.</p>",
    });
    const report = await sweepOutbox();
    expect(report.sent).toBeGreaterThanOrEqual(26);
    const sent = await db.outboxEmail.findMany({
      where: { id: { in: [...bulk, personal] } },
      select: { id: true, status: true, sentAt: true },
    });
    expect(sent.every((email) => email.status === "sent")).toBe(true);
    const personalAt = sent.find((email) => email.id === personal)!.sentAt!.getTime();
    expect(sent.filter((email) => email.id !== personal).every((email) => email.sentAt!.getTime() >= personalAt)).toBe(true);
  });

  it("matches only works for sale that answer the alert, and keeps one alert per address for each thing asked", () => {
    const criteria: AlertCriteria = {
      scope: "medium",
      artistId: "a",
      sectionId: null,
      category: "drawing",
      maxPriceMinor: 100_000,
      currency: "GBP",
    };
    const work = { artistId: "a", sectionId: "s", category: "drawing", availability: "available", priceMinor: 90_000, currency: "GBP" };
    expect(workAnswersAlert(work, criteria)).toBe(true);
    expect(workAnswersAlert({ ...work, priceMinor: null }, criteria)).toBe(false);
    expect(workAnswersAlert({ ...work, currency: "USD" }, criteria)).toBe(false);
    expect(workAnswersAlert({ ...work, availability: "reserved" }, criteria)).toBe(false);
    expect(workAnswersAlert({ ...work, category: "painting" }, criteria)).toBe(false);
    expect(workAnswersAlert({ ...work, artistId: "b" }, criteria)).toBe(false);
    expect(criteriaKeyOf(criteria)).toBe("medium:a:drawing:100000GBP");
    expect(criteriaKeyOf({ ...criteria, scope: "artist", category: null, maxPriceMinor: null, currency: null })).toBe("artist:a:any");
  });
});
