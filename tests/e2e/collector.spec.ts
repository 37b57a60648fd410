/** The collector's features of issue 11: the enquiry list, the honest acknowledgement, following an enquiry, viewings. */
import type { Page } from "@playwright/test";
import { enquiryListCookieValue } from "@/lib/enquiries/enquiry-list-signature";
import { issueFormToken } from "@/lib/enquiries/form-token";
import { addDays, galleryDay } from "@/lib/time/gallery-time";
import { contextWithoutSiteScripts, expectNoAxeViolations } from "./support/axe";
import { queryDatabase, writeDatabase } from "./support/database";
import { expect, test } from "./support/fixtures";
import { enquireAsCollector } from "./support/collector";
import { capturedMessages, waitForMessage } from "./support/mailbox";
import { createStaffAccount, signIn } from "./support/staff";
import { appEnv, baseURL, baseURLPattern } from "./support/test-env";
import { backdateFormToken } from "./support/form-token";

const WORK_42 = "/works/42-second-retreat-from-russia";
const WORK_69 = "/works/69-gossips";

async function fillListEnquiry(page: Page, fields: { name: string; email: string; message: string }) {
  const form = page.getByRole("form", { name: /Ask about/ });
  await form.getByLabel("Your name").fill(fields.name);
  await form.getByLabel("Email address").fill(fields.email);
  await form.getByLabel(/Your message/).fill(fields.message);
  await form.getByLabel(/I agree that the gallery keeps my enquiry/).check();
  await backdateFormToken(page);
}

test("a collector puts works on an enquiry list from cards and a work's page, without reloads, and asks about them in one enquiry", async ({
  page,
}) => {
  await page.goto("/works");
  await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));
  const header = page.getByRole("banner");
  await expect(header.getByTestId("enquiry-list-link")).toHaveText("Enquiry list");

  await page.getByRole("button", { name: "Add to my enquiry (69 Gossips)" }).click();
  await expect(page.getByTestId("enquiry-list-status")).toHaveText("“69 Gossips” is on your enquiry list (1 work).");
  await expect(header.getByTestId("enquiry-list-count")).toHaveText("1 work");
  await expect(page.getByRole("button", { name: "On my enquiry list ✓ (69 Gossips): press to take it off the list" })).toBeVisible();
  await page.getByRole("button", { name: "Add to my enquiry (36 Spanish Civil War)" }).click();
  await expect(header.getByTestId("enquiry-list-count")).toHaveText("2 works");
  expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
  await expectNoAxeViolations(page);

  await page.goto(WORK_42);
  await expect(header.getByTestId("enquiry-list-count")).toHaveText("2 works");
  await page.getByRole("button", { name: "Add to my enquiry (42 Second Retreat from Russia)" }).click();
  await expect(header.getByTestId("enquiry-list-count")).toHaveText("3 works");
  // Pressed again, the same button takes the work off the list; and once more puts it back.
  await page.getByRole("button", { name: "On my enquiry list ✓ (42 Second Retreat from Russia): press to take it off the list" }).click();
  await expect(header.getByTestId("enquiry-list-count")).toHaveText("2 works");
  await page.getByRole("button", { name: "Add to my enquiry (42 Second Retreat from Russia)" }).click();
  await expect(header.getByTestId("enquiry-list-count")).toHaveText("3 works");

  await header.getByTestId("enquiry-list-link").click();
  await expect(page).toHaveURL(/\/enquiry-list$/);
  await expect(page.getByTestId("list-entry")).toHaveCount(3);
  await expect(page.getByTestId("list-entry").first()).toContainText("69 Gossips");
  await expect(page.getByTestId("list-entry").nth(2)).toContainText("Image area: 15 × 22 in / 38.1 × 55.9 cm");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Remove 36 Spanish Civil War from your list" }).click();
  await expect(page.getByTestId("list-entry")).toHaveCount(2);
  await expect(header.getByTestId("enquiry-list-count")).toHaveText("2 works");

  await fillListEnquiry(page, { name: "Lena Lister", email: "lena.lister@collector.test", message: "Could these two hang together?" });
  await page.getByRole("button", { name: "Send enquiry" }).click();
  await expect(page.getByTestId("enquiry-confirmation")).toBeVisible();
  const reference = (await page.getByTestId("enquiry-reference").textContent()) ?? "";
  await expect(header.getByTestId("enquiry-list-count")).toHaveCount(0);
  await expectNoAxeViolations(page);

  const galleryEmail = await waitForMessage(
    (message) => message.subject.includes(reference) && message.to.includes("enquiries@bracebridge.test"),
  );
  expect(galleryEmail.subject).toBe(`Enquiry ${reference}: 69 Gossips and 1 other work`);
  expect(galleryEmail.text).toContain("A collector has asked about 2 works from their enquiry list.");
  expect(galleryEmail.text).toContain("1. 69 Gossips");
  expect(galleryEmail.text).toContain("2. 42 Second Retreat from Russia");
  expect(galleryEmail.text).toContain("Image area: 15 × 22 in / 38.1 × 55.9 cm");
  expect(galleryEmail.text).not.toContain("Spanish Civil War");
  const acknowledgement = await waitForMessage((message) => message.to.includes("lena.lister@collector.test"));
  expect(acknowledgement.text).toContain("The works you asked about:");
  const works = queryDatabase<{ snapshot: string }>(
    `SELECT w."snapshot" FROM "EnquiryWork" w JOIN "Enquiry" e ON e."id" = w."enquiryId" WHERE e."reference" = ? ORDER BY w."position"`,
    reference,
  );
  expect(works.map((work) => JSON.parse(work.snapshot).title)).toEqual(["Gossips", "Second Retreat from Russia"]);
});

test("the enquiry list works with JavaScript turned off", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": "203.0.113.201" } });
  const page = await context.newPage();
  await page.goto(WORK_42);
  await page.getByRole("button", { name: "Add to my enquiry (42 Second Retreat from Russia)" }).click();
  await expect(page).toHaveURL(/\/enquiry-list\?notice=added/);
  await expect(page.getByTestId("list-notice")).toHaveText("“42 Second Retreat from Russia” is on your enquiry list (1 work).");
  await page.goto(WORK_69);
  await page.getByRole("button", { name: "Add to my enquiry (69 Gossips)" }).click();
  await expect(page.getByTestId("list-entry")).toHaveCount(2);
  // Pressing "Add" again on a page that cannot know the list changes nothing.
  await page.goto(WORK_69);
  await page.getByRole("button", { name: "Add to my enquiry (69 Gossips)" }).click();
  await expect(page.getByTestId("list-notice")).toHaveText("“69 Gossips” was already on your enquiry list (2 works).");

  // A mistake comes back on the list page with everything typed kept.
  const form = page.getByRole("form", { name: /Ask about/ });
  await form.getByLabel("Your name").fill("Nora Noscript");
  await form.getByLabel("Email address").fill("not-an-address");
  await form.getByLabel(/I agree that the gallery keeps my enquiry/).check();
  await page.getByRole("button", { name: "Send enquiry" }).click();
  await expect(page).toHaveURL(/\/enquiry-list$/);
  await expect(page.getByText("Please check your email address")).toBeVisible();
  await expect(form.getByLabel("Your name")).toHaveValue("Nora Noscript");

  await fillListEnquiry(page, { name: "Nora Noscript", email: "nora.noscript@collector.test", message: "Both, if the price is right." });
  await page.getByRole("button", { name: "Send enquiry" }).click();
  await expect(page).toHaveURL(/\/enquire\/sent\?reference=/);
  const reference = (await page.getByTestId("enquiry-reference").textContent()) ?? "";
  const galleryEmail = await waitForMessage(
    (message) => message.subject.includes(reference) && message.to.includes("enquiries@bracebridge.test"),
  );
  expect(galleryEmail.text).toContain("1. 42 Second Retreat from Russia");
  expect(galleryEmail.text).toContain("2. 69 Gossips");
  await page.goto("/enquiry-list");
  await expect(page.getByText("Your enquiry list is empty.")).toBeVisible();
  await context.close();
});

test("a work sold or hidden while on the list is marked, and an enquiry naming a hidden one is refused until it is taken off", async ({
  page,
}) => {
  const hidden = "63-the-auctioneer";
  await page.goto("/works/37-undertones-of-war");
  await page.getByRole("button", { name: "Add to my enquiry (37 Undertones of War)" }).click();
  await page.goto(`/works/${hidden}`);
  await page.getByRole("button", { name: "Add to my enquiry (63 The Auctioneer)" }).click();
  await expect(page.getByRole("banner").getByTestId("enquiry-list-count")).toHaveText("2 works");
  writeDatabase(`UPDATE "Artwork" SET "availability" = 'sold' WHERE "slug" = '37-undertones-of-war'`);
  writeDatabase(`UPDATE "Artwork" SET "published" = 0 WHERE "slug" = ?`, hidden);
  try {
    await page.goto("/enquiry-list");
    const entries = page.getByTestId("list-entry");
    await expect(entries.nth(0).getByTestId("list-entry-status")).toHaveText(/^Sold: you can still ask about it/);
    await expect(entries.nth(1)).toContainText("63 The Auctioneer");
    await expect(entries.nth(1).getByTestId("list-entry-status")).toHaveText(
      "No longer in the catalogue: take it off your list to send your enquiry.",
    );
    await expectNoAxeViolations(page);

    const before = queryDatabase<{ count: number }>(`SELECT count(*) AS "count" FROM "Enquiry"`)[0]!.count;
    await fillListEnquiry(page, { name: "Sol Sold", email: "sol.sold@collector.test", message: "Anything like these?" });
    await page.getByRole("button", { name: "Send enquiry" }).click();
    await expect(page.getByRole("form", { name: /Ask about/ }).getByRole("status")).toContainText(
      "Your enquiry list includes “63 The Auctioneer”, no longer in the catalogue",
    );
    expect(queryDatabase<{ count: number }>(`SELECT count(*) AS "count" FROM "Enquiry"`)[0]!.count).toBe(before);

    await page.getByRole("button", { name: "Remove 63 The Auctioneer from your list" }).click();
    await expect(entries).toHaveCount(1);
    await fillListEnquiry(page, { name: "Sol Sold", email: "sol.sold@collector.test", message: "Anything like these?" });
    await page.getByRole("button", { name: "Send enquiry" }).click();
    await expect(page.getByTestId("enquiry-confirmation")).toBeVisible();
  } finally {
    writeDatabase(`UPDATE "Artwork" SET "availability" = 'available' WHERE "slug" = '37-undertones-of-war'`);
    writeDatabase(`UPDATE "Artwork" SET "published" = 1 WHERE "slug" = ?`, hidden);
  }
});

test("a list of twenty works takes no twenty-first, and says why", async ({ page, context }) => {
  // The seeded catalogue is small: the list's other entries are works since removed, which a full list may hold.
  const real = queryDatabase<{ id: string }>(
    `SELECT "id" FROM "Artwork" WHERE "slug" != '42-second-retreat-from-russia' AND "published" = 1`,
  ).map((row) => row.id);
  const ids = [...real, ...Array.from({ length: 20 }, (_, index) => `cremoved${String(index).padStart(16, "0")}`)].slice(0, 20);
  await context.addCookies([
    { name: "enquiry-list", value: enquiryListCookieValue(ids, appEnv.FORM_SIGNING_SECRET!), url: baseURL, sameSite: "Lax" },
  ]);
  await page.goto(WORK_42);
  await expect(page.getByRole("banner").getByTestId("enquiry-list-count")).toHaveText("20 works");
  await page.getByRole("button", { name: "Add to my enquiry (42 Second Retreat from Russia)" }).click();
  await expect(page.getByTestId("enquiry-list-status")).toContainText(
    "Your enquiry list already holds 20 works, the most one enquiry can name, so “42 Second Retreat from Russia” was not added.",
  );
  await expect(page.getByRole("banner").getByTestId("enquiry-list-count")).toHaveText("20 works");
  await expect(page.getByRole("button", { name: "Add to my enquiry (42 Second Retreat from Russia)" })).toBeVisible();
});

test("the acknowledgement says plainly that a work asked about is sold, and suggests available works close to it", async ({ page }) => {
  writeDatabase(`UPDATE "Artwork" SET "availability" = 'sold' WHERE "slug" = '69-gossips'`);
  // As after a staff edit: the site's cached copy of the work follows the database.
  await page.request.post("/api/catalogue/refresh-if-changed", { headers: { authorization: `Bearer ${appEnv.CRON_SECRET}` } });
  try {
    await page.goto("/enquire?work=69-gossips");
    const form = page.getByRole("form", { name: /Enquire about 69 Gossips/ });
    await form.getByLabel("Your name").fill("Hana Honest");
    await form.getByLabel("Email address").fill("hana.honest@collector.test");
    await form.getByLabel(/Your message/).fill("Is it still for sale?");
    await form.getByLabel(/I agree that the gallery keeps my enquiry/).check();
    await backdateFormToken(page);
    await page.getByRole("button", { name: "Send enquiry" }).click();
    await expect(page.getByTestId("enquiry-confirmation")).toBeVisible();

    const acknowledgement = await waitForMessage((message) => message.to.includes("hana.honest@collector.test"));
    expect(acknowledgement.text).toContain("69 Gossips has been sold, so it is no longer available.");
    expect(acknowledgement.text).toContain("Available works close to it:");
    const suggested = [...acknowledgement.text.matchAll(/\/works\/([a-z0-9-]+)/g)].map((match) => match[1]!);
    expect(suggested.length).toBeGreaterThan(0);
    expect(suggested.length).toBeLessThanOrEqual(3);
    expect(suggested).not.toContain("69-gossips");
    for (const slug of suggested) {
      expect(queryDatabase<{ availability: string }>(`SELECT "availability" FROM "Artwork" WHERE "slug" = ?`, slug)[0]?.availability).toBe(
        "available",
      );
    }
    // The first suggestion is a drawing like it: the same kind, and the closest in size.
    expect(suggested[0]).toBe("42-second-retreat-from-russia");
  } finally {
    writeDatabase(`UPDATE "Artwork" SET "availability" = 'available' WHERE "slug" = '69-gossips'`);
    await page.request.post("/api/catalogue/refresh-if-changed", { headers: { authorization: `Bearer ${appEnv.CRON_SECRET}` } });
  }
});

test.describe("following an enquiry from the link in the acknowledgement", () => {
  const staff = { email: "follow.staff@bracebridge.test", password: "a long and proper password for following" };
  test.beforeAll(() => {
    // Made once per run (a retried group runs this again).
    if (queryDatabase(`SELECT "id" FROM "user" WHERE "email" = ?`, staff.email).length === 0) {
      createStaffAccount(staff.email, staff.password, "Fay Follow");
    }
  });

  async function followLinkFor(browser: import("@playwright/test").Browser, email: string, ip: string) {
    const reference = await enquireAsCollector(browser, {
      path: "/works/38-comments-on-life",
      ip,
      name: "Felix Follower",
      email,
      message: "Is the mount original?",
    });
    const acknowledgement = await waitForMessage((message) => message.to.includes(email) && message.subject.includes(reference));
    const link = acknowledgement.text.match(new RegExp(`${baseURLPattern}(/follow/[A-Za-z0-9_-]{43})`))?.[1];
    expect(link, "the acknowledgement carries the follow link").toBeDefined();
    expect(acknowledgement.html).toContain(`href="${baseURL}${link}"`);
    return { reference, link: link! };
  }

  test("the collector sees the status, the work then and now, and the gallery's reply, and adds a message that reaches staff", async ({
    browser,
    page,
  }) => {
    const { reference, link } = await followLinkFor(browser, "felix.follower@collector.test", "203.0.113.211");
    const response = await page.goto(link);
    expect(response!.headers()["cache-control"]).toMatch(/private/);
    expect(response!.headers()["cache-control"]).toMatch(/no-store/);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex, nofollow");
    await expect(page.locator('meta[name="referrer"]')).toHaveAttribute("content", "same-origin");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Your enquiry ${reference}`);
    await expect(page.getByTestId("follow-status")).toContainText("Received");
    await expect(page.getByTestId("follow-work")).toContainText("38 Comments on Life");
    await expect(page.getByTestId("follow-work-now")).toHaveText("Available · Price on application");
    await expectNoAxeViolations(page);

    // Staff answer from the inbox; the reply and the new status show on the collector's page.
    const staffPage = await (await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.212" } })).newPage();
    await signIn(staffPage, staff.email, staff.password);
    await staffPage.goto(`/staff/enquiries/${reference}`);
    await staffPage.getByLabel("Reply", { exact: true }).fill("Dear Felix,\n\nYes: the mount is the one he chose.");
    await staffPage.getByRole("button", { name: "Send reply" }).click();
    await expect(staffPage.getByRole("status").first()).toHaveText("Reply queued; it is being sent now.");
    await page.reload();
    await expect(page.getByTestId("follow-status")).toContainText("Answered");
    await expect(page.getByTestId("follow-reply")).toContainText("Yes: the mount is the one he chose.");

    // A mistake is explained beside the field; then the message is added, and reaches the gallery.
    await page.getByRole("button", { name: "Send message" }).click();
    await expect(page.locator("#follow-up-message-error")).toHaveText("Please write your message");
    await page.getByLabel("Your message").fill("Thank you. Could I collect it on Saturday?");
    await page.getByRole("button", { name: "Send message" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your message has been added" })).toBeVisible();
    await expect(page.getByTestId("follow-up")).toContainText("Could I collect it on Saturday?");
    await expect(page.getByTestId("follow-status")).toContainText("Being answered");
    await expectNoAxeViolations(page);
    const toGallery = await waitForMessage((message) => message.subject === `Follow-up on ${reference}: 38 Comments on Life`);
    expect(toGallery.replyTo).toEqual(["felix.follower@collector.test"]);
    expect(toGallery.text).toContain("Could I collect it on Saturday?");
    await staffPage.goto(`/staff/enquiries/${reference}`);
    await expect(staffPage.getByTestId("follow-up")).toContainText("Could I collect it on Saturday?");
    await expect(staffPage.getByTestId("enquiry-status")).toHaveText("In progress");
    await staffPage.context().close();
  });

  test("the follow page works without JavaScript", async ({ browser }) => {
    const { link } = await followLinkFor(browser, "nina.nojs@collector.test", "203.0.113.213");
    const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": "203.0.113.213" } });
    const page = await context.newPage();
    await page.goto(link);
    await page.getByLabel("Your message").fill("Sent without JavaScript.");
    await page.getByRole("button", { name: "Send message" }).click();
    await expect(page.getByTestId("follow-up")).toContainText("Sent without JavaScript.");
    await expect(page).toHaveURL(new RegExp(`${link}\\?notice=sent$`));
    await context.close();
  });

  test("a guessed, an expired and a withdrawn link show nothing of the enquiry", async ({ browser, page }) => {
    const guessed = "/follow/" + "A".repeat(43);
    await page.goto(guessed);
    await expect(page.getByTestId("follow-refused")).toBeVisible();
    await expect(page.getByText(/ENQ-/)).toHaveCount(0);
    await expectNoAxeViolations(page);
    await page.goto("/follow/not-even-the-right-length");
    await expect(page.getByTestId("follow-refused")).toBeVisible();

    const expired = await followLinkFor(browser, "old.link@collector.test", "203.0.113.214");
    writeDatabase(`UPDATE "Enquiry" SET "followExpiresAt" = '2026-01-01 00:00:00' WHERE "reference" = ?`, expired.reference);
    await page.goto(expired.link);
    await expect(page.getByTestId("follow-refused")).toBeVisible();
    await expect(page.getByText(expired.reference)).toHaveCount(0);

    const withdrawn = await followLinkFor(browser, "forwarded.link@collector.test", "203.0.113.215");
    await page.goto(withdrawn.link);
    await expect(page.getByTestId("follow-status")).toBeVisible();
    const staffPage = await (await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.216" } })).newPage();
    await signIn(staffPage, staff.email, staff.password);
    await staffPage.goto(`/staff/enquiries/${withdrawn.reference}`);
    await staffPage.getByRole("button", { name: "Withdraw the link" }).click();
    await expect(staffPage.getByTestId("follow-link-state")).toContainText("Withdrawn");
    await staffPage.context().close();
    // A message from the page the collector still had open is refused with a reason, and nothing is added.
    await page.getByLabel("Your message").fill("Are you still there?");
    await page.getByRole("button", { name: "Send message" }).click();
    await expect(page.getByRole("status").filter({ hasText: "This link no longer opens an enquiry" })).toBeVisible();
    await expect(page.getByLabel("Your message")).toHaveValue("Are you still there?");
    expect(
      queryDatabase(
        `SELECT f."id" FROM "EnquiryFollowUp" f JOIN "Enquiry" e ON e."id" = f."enquiryId" WHERE e."reference" = ?`,
        withdrawn.reference,
      ),
    ).toHaveLength(0);
    await page.reload();
    await expect(page.getByTestId("follow-refused")).toBeVisible();
    await expect(page.getByText(withdrawn.reference)).toHaveCount(0);
  });

  test("the collector asks to be erased from the follow page, changes their mind, asks again, and a day later everything is gone", async ({
    browser,
    page,
  }) => {
    const { reference, link } = await followLinkFor(browser, "erin.erase@collector.test", "203.0.113.217");
    await page.goto(link);
    await page.getByRole("button", { name: "Erase my details" }).click();
    await expect(page.locator("#erase-confirm-error")).toHaveText("Please tick the box to confirm that everything should be erased");
    expect(queryDatabase(`SELECT "email" FROM "ErasureRequest"`)).toHaveLength(0);
    await page.getByLabel(/Erase this enquiry and every other enquiry from my email address/).check();
    await page.getByRole("button", { name: "Erase my details" }).click();
    await expect(page).toHaveURL(/\?notice=erasure-asked$/);
    await expect(page.getByRole("status").first()).toHaveText(
      "Your details will be erased at the time shown below. Until then you can change your mind here.",
    );
    await expect(page.getByTestId("erasure-pending")).toContainText(/will be erased on \w+day \d{1,2} \w+ \d{4} at \d\d:\d\d/);
    await expectNoAxeViolations(page);
    // Nothing is erased yet, and the gallery has not been told anything.
    expect(queryDatabase(`SELECT "id" FROM "Enquiry" WHERE "reference" = ?`, reference)).toHaveLength(1);

    await page.getByRole("button", { name: "Keep my details" }).click();
    await expect(page.getByRole("status").first()).toHaveText(
      "Nothing will be erased: your request has been withdrawn, and the gallery keeps your enquiries as before.",
    );
    expect(queryDatabase(`SELECT "email" FROM "ErasureRequest"`)).toHaveLength(0);

    await page.getByLabel(/Erase this enquiry and every other enquiry from my email address/).check();
    await page.getByRole("button", { name: "Erase my details" }).click();
    await expect(page.getByTestId("erasure-pending")).toBeVisible();
    // A day passes: the server's own sweep carries it out, with the gallery's notice in the same transaction.
    writeDatabase(
      `UPDATE "ErasureRequest" SET "eraseAt" = ? WHERE "email" = ?`,
      new Date(Date.now() - 1_000).toISOString().replace("Z", "+00:00"),
      "erin.erase@collector.test",
    );
    const notice = await waitForMessage((message) => message.subject === `Enquiries erased at the collector's request: ${reference}`);
    expect(notice.text.toLowerCase()).not.toContain("erin");
    expect(queryDatabase(`SELECT "id" FROM "Enquiry" WHERE lower("email") = 'erin.erase@collector.test'`)).toHaveLength(0);
    expect(queryDatabase(`SELECT "id" FROM "OutboxEmail" WHERE lower("toAddress") = 'erin.erase@collector.test'`)).toHaveLength(0);
    expect(queryDatabase(`SELECT "email" FROM "ErasureRequest"`)).toHaveLength(0);
    await page.goto(link);
    await expect(page.getByTestId("follow-refused")).toBeVisible();
  });
});

test.describe("booking a viewing", () => {
  const staff = { email: "viewings.staff@bracebridge.test", password: "a long and proper password for viewings" };
  // A day far enough ahead to be bookable, in the gallery's clock (Europe/London).
  const day = addDays(galleryDay(new Date(), "Europe/London"), 10);
  test.beforeAll(() => {
    if (queryDatabase(`SELECT "id" FROM "user" WHERE "email" = ?`, staff.email).length === 0) {
      createStaffAccount(staff.email, staff.password, "Vic Viewings");
    }
  });

  function freeTimes(): Array<{ id: string; startsAt: string }> {
    return queryDatabase<{ id: string; startsAt: string }>(
      `SELECT "id", "startsAt" FROM "ViewingSlot" WHERE "booked" < "capacity" AND "closedAt" IS NULL ORDER BY "startsAt"`,
    );
  }

  test("staff offer times; a collector books one with their enquiry and gets an invitation with a cancel link; staff see who is coming with the works", async ({
    browser,
    page,
  }) => {
    const staffPage = await (await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.221" } })).newPage();
    await signIn(staffPage, staff.email, staff.password);
    await staffPage.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Viewings" }).click();
    const offer = staffPage.getByRole("form", { name: "Offer viewing times" });
    await offer.getByLabel("From").fill(day);
    await offer.getByLabel("To (inclusive)").fill(day);
    for (const weekday of ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])
      await offer.getByLabel(weekday).check();
    await offer.getByLabel("Opens").fill("10:00");
    await offer.getByLabel("Closes").fill("09:00");
    await offer.getByRole("button", { name: "Offer these times" }).click();
    await expect(offer.locator("#offer-closes-error")).toHaveText("Closing must be after opening");
    await offer.getByLabel("Closes").fill("13:00");
    await offer.getByLabel("Parties per time").fill("1");
    await offer.getByRole("button", { name: "Offer these times" }).click();
    await expect(offer.getByRole("status")).toHaveText("3 viewing times offered.");
    await expectNoAxeViolations(staffPage);

    await page.goto(WORK_42);
    await page.getByRole("link", { name: "Enquire about this work" }).click();
    const form = page.locator("#enquire");
    const picker = form.getByLabel("Book a viewing (optional)");
    await expect(picker).toBeVisible();
    await expectNoAxeViolations(page);
    const dayWords = await page.evaluate(
      (iso) =>
        new Date(`${iso}T12:00:00Z`)
          .toLocaleDateString("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" })
          .replace(",", ""),
      day,
    );
    await picker.selectOption({ label: `${dayWords}, 11:00–12:00 (1 place left)` });
    await form.getByLabel("Your name").fill("Vera Viewer");
    await form.getByLabel("Email address").fill("vera.viewer@collector.test");
    await form.getByLabel("Arranging a viewing").check();
    await form.getByLabel(/I agree that the gallery keeps my enquiry/).check();
    await backdateFormToken(page);
    await form.getByRole("button", { name: "Send enquiry" }).click();
    await expect(page.getByTestId("enquiry-confirmation")).toBeVisible();
    const reference = (await page.getByTestId("enquiry-reference").textContent()) ?? "";

    const confirmation = await waitForMessage(
      (message) => message.to.includes("vera.viewer@collector.test") && message.subject.startsWith("Your viewing"),
    );
    expect(confirmation.subject).toBe(`Your viewing at Bracebridge Fine Art: ${dayWords}, 11:00–12:00`);
    expect(confirmation.text).toContain("12 Bridge Street, Bracebridge");
    expect(confirmation.calendars.length).toBeGreaterThan(0);
    const calendar = confirmation.calendars[0]!.replace(/\r\n[ \t]/g, "");
    expect(calendar).toContain("METHOD:REQUEST");
    expect(calendar).toContain("LOCATION:12 Bridge Street\\, Bracebridge");
    expect(calendar).toContain('ORGANIZER;CN="Bracebridge Fine Art":mailto:enquiries@bracebridge.test');
    const cancelPath = confirmation.text.match(new RegExp(`${baseURLPattern}(/viewings/cancel/[A-Za-z0-9_-]{43})`))?.[1];
    expect(cancelPath).toBeDefined();

    await staffPage.goto(`/staff/viewings?day=${day}`);
    await expect(staffPage.getByTestId("viewing-day-summary")).toHaveText("3 times; 1 party coming.");
    await expect(staffPage.getByTestId("viewing-booking")).toContainText(`Vera Viewer · vera.viewer@collector.test · ${reference}`);
    await expect(staffPage.getByTestId("works-to-bring-out")).toContainText("42 Second Retreat from Russia");
    await expectNoAxeViolations(staffPage);

    // Opening the link changes nothing; the button cancels, once, and the time is offered again.
    await page.goto(cancelPath!);
    await expect(page.getByTestId("viewing-booking")).toContainText(`${dayWords}, 11:00–12:00`);
    await expectNoAxeViolations(page);
    expect(
      queryDatabase(
        `SELECT "id" FROM "ViewingBooking" WHERE "cancelledAt" IS NULL AND "enquiryId" = (SELECT "id" FROM "Enquiry" WHERE "reference" = ?)`,
        reference,
      ),
    ).toHaveLength(1);
    await page.getByRole("button", { name: "Cancel this viewing" }).click();
    await expect(page.getByTestId("viewing-cancelled")).toBeVisible();
    await expectNoAxeViolations(page);
    // Each link opens only what it was made for: the cancel link is no follow link, and the other way round.
    const followPath = (
      await waitForMessage((message) => message.to.includes("vera.viewer@collector.test") && message.subject.startsWith("We have received"))
    ).text.match(new RegExp(`${baseURLPattern}(/follow/[A-Za-z0-9_-]{43})`))![1]!;
    await page.goto(cancelPath!.replace("/viewings/cancel/", "/follow/"));
    await expect(page.getByTestId("follow-refused")).toBeVisible();
    await page.goto(followPath.replace("/follow/", "/viewings/cancel/"));
    await expect(page.getByTestId("viewing-refused")).toBeVisible();
    await expectNoAxeViolations(page);
    await waitForMessage((message) => message.subject === `Viewing cancelled: ${dayWords}, 11:00–12:00 (${reference})`);
    await staffPage.reload();
    await expect(staffPage.getByTestId("viewing-day-summary")).toHaveText("3 times; 0 parties coming.");
    await staffPage.context().close();
    expect(freeTimes().length).toBeGreaterThanOrEqual(3);
  });

  test("two collectors pressing at the same instant for the last place: one has it, the other is told and loses nothing", async ({
    request,
  }) => {
    const [time] = freeTimes();
    expect(time, "a free time from the test before").toBeDefined();
    const attempts = await Promise.all(
      Array.from({ length: 6 }, (_, index) => {
        const form = new FormData();
        form.set("formToken", issueFormToken(appEnv.FORM_SIGNING_SECRET!, Date.now() - 10_000));
        form.set("artworkSlug", "69-gossips");
        form.set("name", `Racer ${index}`);
        form.set("email", `racer${index}@collector.test`);
        form.set("message", "May I see it?");
        form.set("viewingSlot", time!.id);
        form.set("consent", "on");
        return request
          .post("/api/enquiries", {
            multipart: form,
            headers: { Accept: "application/json", "x-forwarded-for": `203.0.113.${230 + index}` },
          })
          .then(
            (response) =>
              response.json() as Promise<{ status: string; fieldErrors: Record<string, string[]>; values: { message: string } }>,
          );
      }),
    );
    const sent = attempts.filter((state) => state.status === "sent");
    const refused = attempts.filter((state) => state.status === "invalid");
    expect(sent).toHaveLength(1);
    expect(refused).toHaveLength(5);
    for (const state of refused) {
      expect(state.fieldErrors.viewingSlot?.[0]).toMatch(/^That viewing time has just been fully booked/);
      expect(state.values.message).toBe("May I see it?");
    }
    expect(queryDatabase(`SELECT "id" FROM "ViewingBooking" WHERE "slotId" = ? AND "cancelledAt" IS NULL`, time!.id)).toHaveLength(1);
    expect(queryDatabase(`SELECT "id" FROM "Enquiry" WHERE "name" LIKE 'Racer %'`)).toHaveLength(1);
  });

  test("without JavaScript, the enquiry page offers the times, and a time taken meanwhile is explained beside the field", async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": "203.0.113.240" } });
    const page = await context.newPage();
    await page.goto(WORK_42);
    await page.getByRole("link", { name: "Choose a viewing time" }).click();
    await expect(page).toHaveURL(/\/enquire\?work=42-second-retreat-from-russia#viewing$/);
    const form = page.getByRole("form", { name: /Enquire about 42/ });
    const [first, second] = freeTimes();
    await form.getByLabel("Book a viewing (optional)").selectOption(first!.id);
    await form.getByLabel("Your name").fill("Otto Offline");
    await form.getByLabel("Email address").fill("otto.offline@collector.test");
    await form.getByLabel(/Your message/).fill("Could I see it then?");
    await form.getByLabel(/I agree that the gallery keeps my enquiry/).check();
    // Someone else takes the time while Otto types.
    writeDatabase(`UPDATE "ViewingSlot" SET "closedAt" = '2026-01-01 00:00:00' WHERE "id" = ?`, first!.id);
    await backdateFormToken(page);
    await form.getByRole("button", { name: "Send enquiry" }).click();
    await expect(page.getByText("That viewing time is no longer offered.")).toBeVisible();
    await expect(form.getByLabel("Your message")).toHaveValue("Could I see it then?");
    await form.getByLabel("Book a viewing (optional)").selectOption(second!.id);
    await form.getByLabel(/I agree that the gallery keeps my enquiry/).check();
    // The page came back with a fresh form, timed like any other: a person takes a moment to choose again.
    await backdateFormToken(page);
    await form.getByRole("button", { name: "Send enquiry" }).click();
    await expect(page).toHaveURL(/\/enquire\/sent\?reference=/);
    await waitForMessage((message) => message.to.includes("otto.offline@collector.test") && message.subject.startsWith("Your viewing"));
    await context.close();
  });

  test("a day the gallery is shut is closed by staff, and its times are no longer offered", async ({ browser, request }) => {
    const shut = addDays(day, 1);
    const staffPage = await (await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.241" } })).newPage();
    await signIn(staffPage, staff.email, staff.password);
    await staffPage.goto(`/staff/viewings?day=${shut}`);
    const offer = staffPage.getByRole("form", { name: "Offer viewing times" });
    for (const weekday of ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])
      await offer.getByLabel(weekday).check();
    await offer.getByLabel("Opens").fill("14:00");
    await offer.getByLabel("Closes").fill("16:00");
    await offer.getByRole("button", { name: "Offer these times" }).click();
    await expect(offer.getByRole("status")).toHaveText("2 viewing times offered.");
    const offered = async () => JSON.stringify(await (await request.get("/api/viewings/free")).json());
    const shutTimes = queryDatabase<{ id: string }>(
      `SELECT "id" FROM "ViewingSlot" WHERE "startsAt" >= ? ORDER BY "startsAt" DESC LIMIT 2`,
      `${shut} 00:00:00`,
    );
    expect(await offered()).toContain(shutTimes[0]!.id);

    await staffPage.getByRole("form", { name: "Close a day" }).getByRole("button", { name: "Close this day" }).click();
    await expect(staffPage.getByRole("status").first()).toHaveText("2 times closed: no longer offered to collectors.");
    await expect(staffPage.getByTestId("viewing-slot").first()).toContainText("closed: no longer offered");
    const after = await offered();
    for (const time of shutTimes) expect(after).not.toContain(time.id);
    await staffPage.context().close();
  });

  test("a booking sent with an enquiry held as spam takes no place and sends nothing until staff release it, without JavaScript", async ({
    browser,
    request,
  }) => {
    const context = await contextWithoutSiteScripts(browser, { extraHTTPHeaders: { "x-forwarded-for": "203.0.113.251" } });
    const staffPage = await context.newPage();
    await signIn(staffPage, staff.email, staff.password);
    const released = addDays(day, 2);
    await staffPage.goto(`/staff/viewings?day=${released}`);
    const offer = staffPage.getByRole("form", { name: "Offer viewing times" });
    for (const weekday of ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])
      await offer.getByLabel(weekday).check();
    await offer.getByLabel("Opens").fill("15:00");
    await offer.getByLabel("Closes").fill("16:00");
    await offer.getByLabel("Parties per time").fill("1");
    await offer.getByRole("button", { name: "Offer these times" }).click();
    await expect(staffPage.getByRole("status").filter({ hasText: "1 viewing time offered." })).toBeVisible();
    const [time] = queryDatabase<{ id: string }>(
      `SELECT "id" FROM "ViewingSlot" WHERE "startsAt" >= ? AND "closedAt" IS NULL ORDER BY "startsAt" LIMIT 1`,
      `${released} 00:00:00`,
    );
    expect(time, "the time just offered").toBeDefined();
    const bookedNow = () => queryDatabase<{ booked: number }>(`SELECT "booked" FROM "ViewingSlot" WHERE "id" = ?`, time!.id)[0]!.booked;
    expect(bookedNow()).toBe(0);
    // Sent the instant the form was made, as a script sends it: flagged, so the booking waits.
    const form = new FormData();
    form.set("formToken", issueFormToken(appEnv.FORM_SIGNING_SECRET!, Date.now()));
    form.set("artworkSlug", "69-gossips");
    form.set("name", "Sid Scripted");
    form.set("email", "sid.scripted@collector.test");
    form.set("message", "Viewing please.");
    form.set("viewingSlot", time!.id);
    form.set("consent", "on");
    const state = (await (
      await request.post("/api/enquiries", { multipart: form, headers: { Accept: "application/json", "x-forwarded-for": "203.0.113.250" } })
    ).json()) as { status: string; reference: string };
    expect(state.status).toBe("sent");
    // The gallery is told, as of any enquiry held back ("[Possible spam] Enquiry …").
    await waitForMessage((message) => message.subject.includes(`Enquiry ${state.reference}`));
    expect(bookedNow()).toBe(0);
    expect(capturedMessages().some((message) => message.to.includes("sid.scripted@collector.test"))).toBe(false);

    await staffPage.goto(`/staff/enquiries/${state.reference}`);
    await expect(staffPage.getByTestId("enquiry-viewing")).toContainText("waiting for you. It takes no place and no confirmation was sent");
    await expectNoAxeViolations(staffPage);
    await staffPage.getByRole("button", { name: "Release: book the place and send the confirmation" }).click();
    await expect(staffPage.getByRole("status").filter({ hasText: "Viewing released" })).toBeVisible();
    await expect(staffPage.getByRole("button", { name: "Release: book the place and send the confirmation" })).toHaveCount(0);
    expect(bookedNow()).toBe(1);
    await waitForMessage((message) => message.to.includes("sid.scripted@collector.test") && message.subject.startsWith("Your viewing"));
    await context.close();
  });
});

test.describe("seeing the work", () => {
  const staff = { email: "photographs.staff@bracebridge.test", password: "a long and proper password for photographs" };
  test.beforeAll(() => {
    if (queryDatabase(`SELECT "id" FROM "user" WHERE "email" = ?`, staff.email).length === 0) {
      createStaffAccount(staff.email, staff.password, "Pat Photographs");
    }
  });

  test("several photographs in the order staff set, each with its own description, served as AVIF and WebP, opened full size and zoomed", async ({
    page,
    browser,
  }) => {
    const sharp = (await import("sharp")).default;
    const picture = (r: number) =>
      sharp({ create: { width: 3000, height: 2000, channels: 3, background: { r, g: 90, b: 60 } } })
        .jpeg()
        .toBuffer();
    const [work] = queryDatabase<{ id: string }>(`SELECT "id" FROM "Artwork" WHERE "slug" = '63-the-auctioneer'`);
    const staffPage = await (await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.245" } })).newPage();
    await signIn(staffPage, staff.email, staff.password);
    await staffPage.goto(`/staff/works/${work!.id}`);
    for (const [name, colour] of [
      ["front.jpg", 200],
      ["detail.jpg", 40],
    ] as const) {
      await staffPage.getByLabel("Add a photograph").setInputFiles({ name, mimeType: "image/jpeg", buffer: await picture(colour) });
      await staffPage.getByRole("button", { name: "Upload" }).click();
      await expect(staffPage.getByRole("status").filter({ hasText: "Photograph added" })).toBeVisible();
    }
    await staffPage
      .getByLabel("Description of photograph 2")
      .fill("A detail: the auctioneer's raised hammer, drawn in a few quick strokes");
    await staffPage.getByRole("form", { name: "Describe photograph 2" }).getByRole("button", { name: "Save description" }).click();
    await expect(staffPage.getByRole("form", { name: "Describe photograph 2" }).getByRole("status")).toHaveText("Description saved.");
    await staffPage.getByRole("button", { name: "Move photograph 2 earlier" }).click();
    await expect(staffPage.getByRole("status").filter({ hasText: "Photograph moved" })).toHaveText(
      "Photograph moved. The public page shows them in this order.",
    );
    await expect(staffPage.getByTestId("photograph-place").first()).toContainText("The main photograph");
    await expect(staffPage.getByLabel("Description of photograph 1")).toHaveValue(
      "A detail: the auctioneer's raised hammer, drawn in a few quick strokes",
    );
    await staffPage.context().close();

    await page.goto("/works/63-the-auctioneer");
    const gallery = page.getByTestId("artwork-photographs");
    const main = gallery.locator("figure img");
    await expect(main).toHaveAttribute("alt", "A detail: the auctioneer's raised hammer, drawn in a few quick strokes");
    const thumbnails = gallery.getByRole("list", { name: "More photographs of the work" }).getByRole("img");
    await expect(thumbnails).toHaveCount(1);
    await expect(thumbnails.first()).toHaveAttribute("alt", "The Auctioneer by Norman Neasom: ink drawing (photograph 2 of 2)");
    const avif = gallery.locator('figure source[type="image/avif"]');
    await expect(avif).toHaveAttribute("srcset", /480\.avif 480w, .*960\.avif 960w, .*1600\.avif 1600w/);
    await expect(avif).toHaveAttribute("sizes", "(min-width: 1024px) 40rem, 90vw");
    await expect(main).toHaveAttribute("srcset", /480\.webp 480w, .*960\.webp 960w, .*1600\.webp 1600w/);
    // Chromium takes the AVIF copy.
    expect(await main.evaluate((image: HTMLImageElement) => image.currentSrc)).toMatch(/\.avif$/);
    const avifCopy = await page.request.get((await avif.getAttribute("srcset"))!.split(" ")[0]!);
    expect(avifCopy.headers()["content-type"]).toBe("image/avif");
    await expectNoAxeViolations(page);

    // Without JavaScript the photograph is a link to its largest copy.
    const fullSize = await gallery.locator("figure a").getAttribute("href");
    expect(fullSize).toMatch(/\/2400\.webp$/);
    expect((await page.request.get(fullSize!)).headers()["content-type"]).toBe("image/webp");

    // With it, the full-size view: opened from the keyboard, zoomed with Z and the wheel, closed with Escape.
    await gallery.locator("figure a").focus();
    await page.keyboard.press("Enter");
    const viewer = page.locator(".pswp");
    await expect(viewer).toBeVisible();
    await expect(viewer.locator(".pswp__img").first()).toHaveAttribute(
      "alt",
      "A detail: the auctioneer's raised hammer, drawn in a few quick strokes",
    );
    await page.keyboard.press("z");
    await expect(viewer).toHaveClass(/pswp--zoomed-in/);
    await page.keyboard.press("z");
    await expect(viewer).not.toHaveClass(/pswp--zoomed-in/);
    await page.mouse.move(640, 360);
    await page.mouse.wheel(0, -400);
    await expect(viewer).toHaveClass(/pswp--zoomed-in/);
    await page.keyboard.press("ArrowRight");
    await expect(viewer.locator(".pswp__counter")).toHaveText("2 / 2");
    await page.keyboard.press("Escape");
    await expect(viewer).toHaveCount(0);
  });

  test("the work drawn beside an A4 sheet at the same scale, and its outline where there is no photograph", async ({ page }) => {
    await page.goto(WORK_69);
    await expect(page.locator("figure svg")).toHaveCount(1);
    await page.getByText("Compare its size with an A4 sheet").click();
    const comparison = page.getByTestId("size-comparison").getByRole("img");
    await expect(comparison).toHaveAttribute(
      "aria-label",
      "Gossips, image area 16 × 20 in / 40.6 × 50.8 cm, drawn beside an A4 sheet (21 × 29.7 cm) at the same scale: about 3.3 times the area of an A4 sheet.",
    );
    const [workBox, sheetBox] = await comparison
      .locator("rect")
      .evaluateAll((rects) =>
        rects.map((rect) => ({ width: Number(rect.getAttribute("width")), height: Number(rect.getAttribute("height")) })),
      );
    // Drawn as the gallery wrote it: 16 in high, 20 in wide.
    expect(workBox!.height / sheetBox!.height).toBeCloseTo(40.64 / 29.7, 2);
    expect(workBox!.width / sheetBox!.width).toBeCloseTo(50.8 / 21, 2);
    await expectNoAxeViolations(page);
  });
});
