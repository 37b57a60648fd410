/** Issue 12, parts 1, 3, 4 and 6: reply-by times and the daily digest, assignment, saved replies, the dashboard. */
import { expectNoAxeViolations } from "./support/axe";
import { enquireAsCollector } from "./support/collector";
import { queryDatabase, writeDatabase } from "./support/database";
import { expect, test } from "./support/fixtures";
import { capturedMessages, waitForMessage } from "./support/mailbox";
import { createStaffAccount, signedInPage } from "./support/staff";
import { appEnv } from "./support/test-env";
import type { CapturedMessage } from "@/scripts/support/mail-catcher";

test.describe.configure({ mode: "serial" });

const OWNER = { email: "dora.desk@bracebridge.test", password: "dora's own long password", name: "Dora Desk" };

test.beforeAll(() => {
  createStaffAccount(OWNER.email, OWNER.password, OWNER.name, "owner");
});

/** The stored form of an instant, as the gallery writes it. */
const stored = (date: Date) => date.toISOString().replace("Z", "+00:00");

/** Today in the gallery's clock ("2026-11-26"). */
const galleryToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: appEnv.GALLERY_TIME_ZONE }).format(new Date());

test("reply-by times: an owner sets them; the inbox counts the overdue and puts them first; the daily digest lists them, once", async ({
  browser,
  request,
}) => {
  const owner = await signedInPage(browser, OWNER, "203.0.113.170");
  await owner.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Settings" }).click();
  await expect(owner.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expectNoAxeViolations(owner);

  // Mistakes are named beside their fields, and nothing is saved.
  const before = queryDatabase(`SELECT * FROM "GallerySettings"`);
  await owner.getByLabel("Monday opens").fill("10:00");
  await owner.getByLabel("Monday closes").fill("09:00");
  await owner.getByLabel("Holidays and other closed days").fill("2026-12-25 Christmas Day\n26/12/2026 Boxing Day");
  await owner.getByRole("button", { name: "Save the settings" }).click();
  await expect(owner.getByRole("status").filter({ hasText: "not saved" })).toHaveText("The settings were not saved: please see below.");
  await expect(owner.locator("#settings-hours-1-error")).toHaveText("Monday: the closing time must be after the opening time");
  await expect(owner.getByLabel("Monday closes")).toHaveAttribute("aria-describedby", "settings-hours-1-error");
  await expect(owner.locator("#settings-holidays-error")).toHaveText(
    "Line 2 (“26/12/2026 Boxing Day”) does not start with a date such as 2026-12-25",
  );
  // What was typed is still there to correct.
  await expect(owner.getByLabel("Holidays and other closed days")).toHaveValue("2026-12-25 Christmas Day\n26/12/2026 Boxing Day");
  await expectNoAxeViolations(owner);
  expect(queryDatabase(`SELECT * FROM "GallerySettings"`)).toEqual(before);

  await owner.getByLabel("Monday closes").fill("17:30");
  await owner.getByLabel("Holidays and other closed days").fill("2026-12-25 Christmas Day\n2026-12-26 Boxing Day");
  await owner.getByLabel("Reply within").fill("2");
  await owner.getByLabel("Counted in").selectOption("working_hours");
  // The digest due from midnight, every day, so that the test does not depend on the hour it runs.
  await owner.getByLabel("At (the gallery's time)").fill("00:00");
  await owner.getByLabel("Also on days the gallery is closed").check();
  await owner.getByRole("button", { name: "Save the settings" }).click();
  await expect(owner.getByRole("status").filter({ hasText: "saved" })).toHaveText(
    "Settings saved. New enquiries get reply-by times by them; those already waiting keep theirs.",
  );
  await owner.reload();
  await expect(owner.getByLabel("Holidays and other closed days")).toHaveValue("2026-12-25 Christmas Day\n2026-12-26 Boxing Day");
  await expect(owner.getByLabel("Counted in")).toHaveValue("working_hours");
  expect(queryDatabase(`SELECT "replyWithin", "replyWithinUnit", "digestTime", "digestOnClosedDays" FROM "GallerySettings"`)).toEqual([
    { replyWithin: 2, replyWithinUnit: "working_hours", digestTime: "00:00", digestOnClosedDays: 1 },
  ]);
  const settingsHistory = queryDatabase<{ field: string; oldValue: string; newValue: string }>(
    `SELECT "field", "oldValue", "newValue" FROM "ActivityEntry" WHERE "subjectType" = 'settings' AND "actorName" = ? ORDER BY "at"`,
    OWNER.name,
  );
  expect(settingsHistory).toContainEqual({ field: "reply within", oldValue: "1 working days", newValue: "2 working hours" });

  // Two collectors ask; the earlier one's reply-by time is moved three hours into the past (a
  // working day cannot be waited for in a test): it is overdue, the later one is not yet due.
  const late = await enquireAsCollector(browser, {
    path: "/works/38-comments-on-life",
    ip: "203.0.113.171",
    name: "Lorna Late",
    email: "lorna.late@collector.test",
    message: "Still waiting to hear about this one.",
  });
  const early = await enquireAsCollector(browser, {
    path: "/works/63-the-auctioneer",
    ip: "203.0.113.172",
    name: "Ewan Early",
    email: "ewan.early@collector.test",
    message: "Just asked.",
  });
  const [fresh] = queryDatabase<{ replyBy: string; createdAt: string }>(
    `SELECT "replyBy", "createdAt" FROM "Enquiry" WHERE "reference" = ?`,
    early,
  );
  expect(Date.parse(fresh!.replyBy)).toBeGreaterThanOrEqual(Date.parse(fresh!.createdAt) + 2 * 3_600_000);
  writeDatabase(`UPDATE "Enquiry" SET "replyBy" = ? WHERE "reference" = ?`, stored(new Date(Date.now() - 3 * 3_600_000)), late);
  const overdueBefore = queryDatabase<{ n: number }>(
    `SELECT count(*) AS n FROM "Enquiry" WHERE "status" IN ('new', 'in_progress') AND "replyBy" < ?`,
    stored(new Date()),
  )[0]!.n;

  await owner.goto("/staff");
  await expect(owner.getByTestId("overdue-count")).toHaveText(`${overdueBefore} overdue`);
  const rows = owner.locator("tbody tr");
  const lateRow = rows.filter({ hasText: late });
  await expect(lateRow.getByTestId("reply-by")).toContainText(/Overdue: 3 h( \d+ min)? late/);
  await expect(rows.filter({ hasText: early }).getByTestId("reply-by")).toContainText(/^Due in /);
  // Overdue first: the late enquiry comes before the one just asked, though it is older.
  const order = await rows.locator("td:last-child").allTextContents();
  expect(order.indexOf(late)).toBeLessThan(order.indexOf(early));
  expect(order.slice(0, overdueBefore)).toContain(late);
  await expectNoAxeViolations(owner);
  await owner.getByLabel("Order").selectOption("newest");
  await owner.getByRole("button", { name: "Filter" }).click();
  // The list as the new order shows it, not the page it was leaving (a CI run read it mid-way: neither row).
  await expect(owner).toHaveURL(/sort=newest/);
  await expect(owner.locator("caption")).toHaveText("Enquiries, newest first");
  await expect(owner.locator("tbody tr").filter({ hasText: early })).toHaveCount(1);
  const newest = await owner.locator("tbody tr td:last-child").allTextContents();
  expect(newest.indexOf(early)).toBeLessThan(newest.indexOf(late));
  await owner.goto(`/staff/enquiries/${late}`);
  await expect(owner.getByTestId("enquiry-reply-by")).toContainText(/Overdue: 3 h/);

  // The digest: as at the start of the gallery's day (the running server may have sent today's
  // already), then asked for by Vercel's cron route twice at once, and a third time later.
  expect((await request.get("/api/digest/daily")).status()).toBe(401);
  // The server's own loop queues today's digest once the digest time has passed: when this runs after
  // that time, its day and its email are forgotten too, so the day starts afresh whatever the clock says.
  // Not while that email is on its way: it would reach the mailbox after the day was forgotten, a
  // digest this test did not ask for (a CI run saw two).
  await expect
    .poll(
      () =>
        queryDatabase<{ status: string }>(`SELECT "status" FROM "OutboxEmail" WHERE "dedupeKey" = ?`, `daily-digest:${galleryToday()}`).map(
          (row) => row.status,
        ),
      { timeout: 30_000 },
    )
    .not.toEqual(expect.arrayContaining([expect.stringMatching(/^(pending|sending)$/)]));
  writeDatabase(`DELETE FROM "DigestRun" WHERE "day" = ?`, galleryToday());
  writeDatabase(`DELETE FROM "OutboxEmail" WHERE "dedupeKey" = ?`, `daily-digest:${galleryToday()}`);
  const since = new Date().toISOString();
  const todaysDigest = (message: CapturedMessage) =>
    message.receivedAt >= since && message.subject.includes("waiting ·") && message.text.includes(late);
  const cron = { headers: { Authorization: `Bearer ${appEnv.CRON_SECRET}` } };
  const answers = await Promise.all([request.get("/api/digest/daily", cron), request.get("/api/digest/daily", cron)]);
  expect(answers.map((answer) => answer.status())).toEqual([200, 200]);
  const digest = await waitForMessage(todaysDigest);
  expect(digest.to).toEqual([appEnv.GALLERY_EMAIL]);
  const overdueSection = digest.text.slice(digest.text.indexOf("Overdue\n"), digest.text.indexOf("Waiting, not yet due\n"));
  expect(overdueSection).toMatch(new RegExp(`${late} · Lorna Late · 38 Comments on Life · 3 h( \\d+ min)? late`));
  expect(overdueSection).toContain(`${appEnv.SITE_URL}/staff/enquiries/${late}`);
  expect(digest.text.slice(digest.text.indexOf("Waiting, not yet due\n"))).toContain(`${early} · Ewan Early`);
  expect(digest.subject).toMatch(/^\d+ overdue, \d+ enquir(y|ies) waiting · /);

  const again = await request.get("/api/digest/daily", cron);
  expect(await again.json()).toMatchObject({ outcome: "done_already", day: galleryToday() });
  // Everything due is sent before the sweep answers: a second digest, had one been queued, would be in the mailbox now.
  expect((await request.get("/api/outbox/sweep", cron)).status()).toBe(200);
  expect(capturedMessages().filter(todaysDigest)).toHaveLength(1);
  expect(queryDatabase(`SELECT "kind", "status" FROM "OutboxEmail" WHERE "dedupeKey" = ?`, `daily-digest:${galleryToday()}`)).toEqual([
    { kind: "daily_digest", status: "sent" },
  ]);

  await owner.goto("/staff/settings");
  await expect(owner.getByRole("table", { name: "The daily digest of each recent day" }).locator("tbody tr").first()).toContainText(
    `${galleryToday()}`,
  );
  await owner.context().close();
});

const COLLEAGUE = { email: "sam.second@bracebridge.test", password: "sam's own long password", name: "Sam Second" };
const READER = { email: "vera.viewonly@bracebridge.test", password: "vera's own long password", name: "Vera Viewonly" };

test("assignment: an enquiry is given to a colleague, who is emailed and finds it under Mine; reassigning is in the history", async ({
  browser,
}) => {
  createStaffAccount(COLLEAGUE.email, COLLEAGUE.password, COLLEAGUE.name, "staff");
  createStaffAccount(READER.email, READER.password, READER.name, "viewer");
  const reference = await enquireAsCollector(browser, {
    path: "/works/37-undertones-of-war",
    ip: "203.0.113.173",
    name: "Ada Assign",
    email: "ada.assign@collector.test",
    message: "Who will answer me?",
  });
  const owner = await signedInPage(browser, OWNER, "203.0.113.174");
  await owner.goto(`/staff/enquiries/${reference}`);
  await expect(owner.getByTestId("assignee")).toHaveText("Nobody yet");
  await owner.getByLabel("Give it to").selectOption({ label: COLLEAGUE.name });
  await owner.getByRole("button", { name: "Assign" }).click();
  await expect(owner.getByRole("status").first()).toHaveText("Assigned.");
  await expect(owner.getByTestId("assignee")).toHaveText(COLLEAGUE.name);
  await expect(owner.getByTestId("activity-entry").first()).toContainText(
    `${OWNER.name} assigned the enquiry · assigned to: nobody → ${COLLEAGUE.name}`,
  );
  await expectNoAxeViolations(owner);

  const email = await waitForMessage((message) => message.to.includes(COLLEAGUE.email) && message.subject.includes(reference));
  expect(email.subject).toBe(`${OWNER.name} assigned you ${reference}: 37 Undertones of War`);
  expect(email.text).toContain("Who will answer me?");
  expect(email.text).toContain(`${appEnv.SITE_URL}/staff/enquiries/${reference}`);
  expect(email.text).toMatch(/Reply by: \w+day \d+ \w+ \d{4}, \d\d:\d\d\./);

  // The colleague finds it under Mine; the owner's Mine does not list it.
  const colleague = await signedInPage(browser, COLLEAGUE, "203.0.113.175");
  await colleague.getByTestId("mine-count").click();
  await expect(colleague).toHaveURL(/\?who=mine/);
  await expect(colleague.getByLabel("Assigned to")).toHaveValue("mine");
  await expect(colleague.locator("tbody tr").filter({ hasText: reference })).toContainText(`Assigned to ${COLLEAGUE.name}`);
  // After a navigation in the page, the title arrives with the streamed metadata.
  await expect(colleague).toHaveTitle(/Enquiries/);
  await expectNoAxeViolations(colleague);
  await owner.goto("/staff?who=mine");
  await expect(owner.locator("tbody tr").filter({ hasText: reference })).toHaveCount(0);
  await owner.goto("/staff?who=nobody");
  await expect(owner.locator("tbody tr").filter({ hasText: reference })).toHaveCount(0);

  // Taken back by the owner: recorded, and nobody is emailed about giving it to themselves.
  await owner.goto(`/staff/enquiries/${reference}`);
  await owner.getByLabel("Give it to").selectOption({ label: `${OWNER.name} (you)` });
  await owner.getByRole("button", { name: "Assign" }).click();
  await expect(owner.getByTestId("assignee")).toHaveText(OWNER.name);
  await expect(owner.getByTestId("activity-entry").first()).toContainText(
    `${OWNER.name} reassigned the enquiry · assigned to: ${COLLEAGUE.name} → ${OWNER.name}`,
  );
  // A viewer cannot be given an enquiry, even with a form altered by hand; nothing changes.
  const [reader] = queryDatabase<{ id: string }>(`SELECT "id" FROM "user" WHERE "email" = ?`, READER.email);
  await owner.locator("#assignee").evaluate((select, id) => {
    const option = document.createElement("option");
    option.value = id;
    option.textContent = "Vera Viewonly";
    select.append(option);
    (select as HTMLSelectElement).value = id;
  }, reader!.id);
  await owner.getByRole("button", { name: "Assign" }).click();
  await expect(owner.getByRole("alert").filter({ hasText: "cannot be given enquiries" })).toHaveText(
    "That account cannot be given enquiries (it is disabled, reads only, or no longer exists). Nothing was changed.",
  );
  expect(
    queryDatabase(
      `SELECT "u"."name" FROM "Enquiry" "e" JOIN "user" "u" ON "u"."id" = "e"."assignedToId" WHERE "e"."reference" = ?`,
      reference,
    ),
  ).toEqual([{ name: OWNER.name }]);
  // The CSV of "mine" carries it, with whose it is and its reply-by time.
  const mine = await (await owner.request.get("/staff/enquiries/export?who=mine&status=all")).text();
  const header = mine.replace(/^\uFEFF/, "").split(/\r?\n/)[0]!;
  expect(header).toBe("reference,received,status,reply by,assigned to,name,email,phone,work,questions,message,flagged");
  const line = mine.split(/\r?\n/).find((row) => row.startsWith(reference))!;
  expect(line).toMatch(new RegExp(`^${reference},[^,]+,new,\\d{4}-\\d\\d-\\d\\dT[^,]+,${OWNER.name},Ada Assign,`));
  // Nothing was queued to the owner for taking it themselves, and nothing due is left unsent to hide one.
  expect(
    queryDatabase(
      `SELECT "o"."id" FROM "OutboxEmail" "o" JOIN "Enquiry" "e" ON "e"."id" = "o"."enquiryId" WHERE "o"."toAddress" = ? AND "e"."reference" = ?`,
      OWNER.email,
      reference,
    ),
  ).toEqual([]);
  const sweep = await owner.request.get("/api/outbox/sweep", { headers: { Authorization: `Bearer ${appEnv.CRON_SECRET}` } });
  expect(sweep.status()).toBe(200);
  expect(capturedMessages().filter((message) => message.to.includes(OWNER.email) && message.subject.includes(reference))).toHaveLength(0);
  for (const page of [owner, colleague]) await page.context().close();
});

test("saved replies: staff write one with placeholders, choose it in the reply form filled in for the enquiry, edit it and send it; a sold work's reply is offered by itself", async ({
  browser,
}) => {
  const reference = await enquireAsCollector(browser, {
    path: "/works/36-spanish-civil-war",
    ip: "203.0.113.176",
    name: "Sol Sold",
    email: "sol.sold@collector.test",
    message: "Is this one still to be had?",
  });
  const colleague = await signedInPage(browser, COLLEAGUE, "203.0.113.177");
  await colleague.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Saved replies" }).click();
  await expect(colleague.getByTestId("saved-reply")).toHaveCount(3);
  await expectNoAxeViolations(colleague);

  // A misspelt placeholder is named, and nothing is saved.
  const form = colleague.getByRole("form", { name: "A new saved reply" });
  await form.getByLabel("Name").fill("Framing");
  await form.getByLabel("Subject").fill("Framing {work_title}");
  await form.getByLabel("Text").fill("Dear {colector_name},\n\n{work_title} comes framed, at {work_price}.\n\n{gallery_name}");
  await form.getByRole("button", { name: "Add the saved reply" }).click();
  await expect(form.locator("#template-new-body-error")).toHaveText(
    /^\{colector_name\} is not a placeholder the form can fill: use \{collector_name\}/,
  );
  expect(queryDatabase(`SELECT "id" FROM "ReplyTemplate" WHERE "name" = 'Framing'`)).toHaveLength(0);
  await form.getByLabel("Text").fill("Dear {collector_name},\n\n{work_title} comes framed, at {work_price}.\n\n{gallery_name}");
  await form.getByRole("button", { name: "Add the saved reply" }).click();
  await expect(colleague.getByRole("status").first()).toHaveText("Saved reply added: it is offered in every enquiry's reply form.");
  await expect(colleague.getByTestId("saved-reply")).toHaveCount(4);

  // Chosen in the reply form: filled in for this collector and work, then edited before sending.
  await colleague.goto(`/staff/enquiries/${reference}`);
  await expect(colleague.getByTestId("sold-notice")).toHaveCount(0);
  await colleague.getByLabel("Start from a saved reply").selectOption({ label: "Framing" });
  await expect(colleague.getByLabel("Subject", { exact: true })).toHaveValue("Framing 36 Spanish Civil War");
  // The seed gives this work no price, which the catalogue calls "Price on application".
  expect(queryDatabase(`SELECT "priceMinor" FROM "Artwork" WHERE "slug" = '36-spanish-civil-war'`)).toEqual([{ priceMinor: null }]);
  await expect(colleague.getByLabel("Reply", { exact: true })).toHaveValue(
    "Dear Sol Sold,\n\n36 Spanish Civil War comes framed, at Price on application.\n\nBracebridge Fine Art",
  );
  await expectNoAxeViolations(colleague);
  const edited = `${await colleague.getByLabel("Reply", { exact: true }).inputValue()}\n\nP.S. The frame is oak.`;
  await colleague.getByLabel("Reply", { exact: true }).fill(edited);
  await colleague.getByRole("button", { name: "Send reply" }).click();
  await expect(colleague.getByTestId("enquiry-status")).toHaveText("Replied");
  const sent = await waitForMessage(
    (message) => message.to.includes("sol.sold@collector.test") && message.subject === "Framing 36 Spanish Civil War",
  );
  expect(sent.text).toContain("Dear Sol Sold,");
  expect(sent.text).toContain("P.S. The frame is oak.");
  expect(sent.text).not.toContain("{");

  // Without JavaScript the same choice is a link-like form: the page comes back with the reply filled in.
  const noScript = await (
    await browser.newContext({ javaScriptEnabled: false, storageState: await colleague.context().storageState() })
  ).newPage();
  await noScript.goto(`/staff/enquiries/${reference}`);
  await noScript.getByLabel("Start from a saved reply").selectOption({ label: "Come and see it" });
  await noScript.getByRole("button", { name: "Use this reply" }).click();
  await expect(noScript).toHaveURL(/\?reply=saved-reply-viewing/);
  await expect(noScript.getByLabel("Subject", { exact: true })).toHaveValue("Seeing 36 Spanish Civil War at Bracebridge Fine Art");
  await noScript.context().close();

  // Once the work is sold, its saved reply is offered by itself.
  writeDatabase(`UPDATE "Artwork" SET "availability" = 'sold' WHERE "slug" = '36-spanish-civil-war'`);
  try {
    await colleague.goto(`/staff/enquiries/${reference}`);
    await expect(colleague.getByTestId("sold-notice")).toHaveText(
      "“36 Spanish Civil War” is sold now. The saved reply “This work is sold” is filled in below: edit it before sending, or choose another.",
    );
    await expect(colleague.getByLabel("Start from a saved reply")).toHaveValue("saved-reply-sold");
    await expect(colleague.getByLabel("Subject", { exact: true })).toHaveValue("36 Spanish Civil War");
    await expect(colleague.getByLabel("Reply", { exact: true })).toHaveValue(
      /^Dear Sol Sold,\n\nThank you for your interest in 36 Spanish Civil War\. We are sorry to tell you that it has been sold\./,
    );
    await expectNoAxeViolations(colleague);
  } finally {
    writeDatabase(`UPDATE "Artwork" SET "availability" = 'available' WHERE "slug" = '36-spanish-civil-war'`);
  }
  expect(
    queryDatabase(`SELECT "action", "subjectLabel" FROM "ActivityEntry" WHERE "subjectType" = 'reply' AND "actorName" = ?`, COLLEAGUE.name),
  ).toEqual([{ action: "added the saved reply", subjectLabel: "Framing" }]);
  await colleague.context().close();
});

/** Parses the dashboard's CSV (plain cells: no commas or quotes in these figures' names here). */
function csvRows(text: string): string[][] {
  return text
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(","));
}

test("the dashboard: enquiries per week, by work, section and outcome, time to first reply and the overdue; each with its table and CSV", async ({
  browser,
}) => {
  const owner = await signedInPage(browser, OWNER, "203.0.113.179");
  await owner.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Dashboard" }).click();
  await expect(owner.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(owner).toHaveTitle(/Dashboard/);
  await expectNoAxeViolations(owner);
  await owner.screenshot({ path: "test-results/dashboard.png", fullPage: true });

  const overdue = queryDatabase<{ n: number }>(
    `SELECT count(*) AS n FROM "Enquiry" WHERE "status" IN ('new', 'in_progress') AND "replyBy" < ?`,
    stored(new Date()),
  )[0]!.n;
  expect(overdue).toBeGreaterThan(0);
  await expect(owner.getByTestId("dashboard-overdue")).toContainText(`Now: ${overdue} overdue of`);

  // Every chart is a figure with a table for screen readers and a CSV of the same figures.
  for (const id of ["weekly", "outcomes", "works", "sections", "reply-times", "late"]) {
    const figure = owner.getByTestId(`chart-${id}`);
    await expect(figure.locator("svg")).toHaveCount(1);
    await expect(figure.locator("table caption")).toHaveText(await figure.locator("h2").innerText());
    await expect(figure.getByRole("link", { name: "Download the figures (CSV)" })).toBeVisible();
  }

  const enquiries = queryDatabase<{ reference: string; createdAt: string; firstRepliedAt: string | null }>(
    `SELECT "reference", "createdAt", "firstRepliedAt" FROM "Enquiry" WHERE "status" != 'spam'`,
  );
  const weekly = csvRows(await (await owner.request.get("/staff/dashboard/weekly.csv")).text());
  expect(weekly[0]).toEqual(["week starting", "enquiries"]);
  expect(weekly).toHaveLength(53);
  const weeklyTotal = weekly.slice(1).reduce((sum, row) => sum + Number(row[1]), 0);
  // All of this run's enquiries are from this week or the last (the run is shorter than a week).
  expect(weeklyTotal).toBe(enquiries.length);
  await expect(owner.getByTestId("chart-weekly").locator("tbody tr").last()).toContainText(weekly.at(-1)![1]!);

  const outcomes = csvRows(await (await owner.request.get("/staff/dashboard/outcomes.csv")).text());
  expect(outcomes.map((row) => row[0])).toEqual([
    "outcome",
    "Work sold since",
    "Answered",
    "Waiting for a first reply",
    "Closed without a reply",
  ]);
  expect(outcomes.slice(1).reduce((sum, row) => sum + Number(row[1]), 0)).toBe(enquiries.length);
  const answered = enquiries.filter((enquiry) => enquiry.firstRepliedAt !== null).length;
  expect(answered).toBeGreaterThan(0);

  // The most asked-about work is the one most enquiries name.
  const [top] = queryDatabase<{ slug: string; n: number }>(
    `SELECT json_extract("w"."snapshot", '$.catalogueNumber') || ' ' || json_extract("w"."snapshot", '$.title') AS "slug", count(DISTINCT "w"."enquiryId") AS n
     FROM "EnquiryWork" "w" JOIN "Enquiry" "e" ON "e"."id" = "w"."enquiryId" WHERE "e"."status" != 'spam'
     GROUP BY coalesce("w"."artworkId", "w"."snapshot") ORDER BY n DESC LIMIT 1`,
  );
  const works = csvRows(await (await owner.request.get("/staff/dashboard/works.csv")).text());
  expect(Number(works[1]![1])).toBe(top!.n);

  const replyTimes = csvRows(await (await owner.request.get("/staff/dashboard/reply-times.csv")).text());
  expect(replyTimes[0]).toEqual(["month", "answered", "median hours", "90th percentile hours", "on time", "late"]);
  expect(replyTimes.slice(1).reduce((sum, row) => sum + Number(row[1]), 0)).toBe(answered);
  const thisMonth = replyTimes.at(-1)!;
  // This run's replies were all sent this month: its median and 90th percentile are numbers of hours, in order.
  expect(thisMonth[2]).toMatch(/^\d+(\.\d)?$/);
  expect(thisMonth[3]).toMatch(/^\d+(\.\d)?$/);
  expect(Number(thisMonth[3])).toBeGreaterThanOrEqual(Number(thisMonth[2]));

  // The new staff pages, like the rest of the staff area, are kept by no cache and indexed by no search engine.
  for (const path of ["/staff/dashboard", "/staff/dashboard/weekly.csv", "/staff/settings", "/staff/replies"]) {
    const response = await owner.request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["cache-control"], path).toContain("no-store");
    expect(response.headers()["x-robots-tag"], path).toContain("noindex");
  }
  expect((await owner.request.get("/staff/dashboard/nope.csv")).status()).toBe(404);
  const stranger = await browser.newContext();
  const refused = await stranger.request.get("/staff/dashboard/weekly.csv", { maxRedirects: 0 });
  expect(refused.status()).toBeGreaterThanOrEqual(300);
  expect(await refused.text()).not.toContain("week starting");
  await stranger.close();
  await owner.context().close();
});
